package io.tidemark.core.storage;

import java.util.List;

/**
 * One tenant's rows and estimated bytes across the profile's tables.
 *
 * @param tenant        the tenant's name
 * @param rows          its rows in all those tables
 * @param bytes         its estimated bytes (each table's bytes shared in proportion to rows)
 * @param exact         whether every figure was counted (false when a table was sampled)
 * @param relativeError the largest relative error among its sampled figures (0 when exact)
 * @param tables        its share of each table
 */
public record TenantDatabaseUsage(String tenant, long rows, long bytes, boolean exact, double relativeError, List<TenantRows> tables) {

    public TenantDatabaseUsage {
        tables = List.copyOf(tables);
    }
}
