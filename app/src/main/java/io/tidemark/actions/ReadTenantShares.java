package io.tidemark.actions;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Tenant;
import io.tidemark.core.profile.TableSpec;
import io.tidemark.core.storage.DatabaseStorage;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.storage.TenantDatabaseUsage;
import io.tidemark.core.storage.TenantRows;
import io.tidemark.db.TenantShares;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each tenant's share of the profile's tables that carry a tenant column. */
public final class ReadTenantShares {

    private ReadTenantShares() {
    }

    /** Per tenant name, its rows and bytes; empty for a platform without tenants. */
    public static Map<String, TenantDatabaseUsage> read(PlatformSession session, DatabaseStorage storage, Cancellation cancellation) {
        if (!session.profile().hasTenants()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        for (Tenant t : session.tenants()) {
            names.put(t.id(), t.name());
        }
        Map<String, List<TenantRows>> perTenant = new TreeMap<>();
        TenantShares shares = new TenantShares(session.database());
        for (TableSpec spec : session.profile().tables()) {
            if (spec.tenantColumn() == null) {
                continue;
            }
            TableStats stats = storage.tables().stream().filter(t -> t.table().equalsIgnoreCase(spec.name())).findFirst().orElse(null);
            if (stats == null) {
                continue; // an optional table this release does not have
            }
            List<TenantRows> tableShares;
            try {
                tableShares = shares.of(stats, spec.tenantColumn(), cancellation);
            } catch (io.tidemark.core.TidemarkException e) {
                // A tenant column this release of the platform lacks: that table's shares are unknown, the rest stand.
                org.slf4j.LoggerFactory.getLogger(ReadTenantShares.class).warn("{}", e.getMessage());
                continue;
            }
            for (TenantRows rows : tableShares) {
                String name = names.getOrDefault(rows.tenantId(), "#" + rows.tenantId() + " (not in the tenant table)");
                perTenant.computeIfAbsent(name, k -> new ArrayList<>()).add(rows);
            }
        }
        Map<String, TenantDatabaseUsage> usage = new TreeMap<>();
        perTenant.forEach((tenant, rows) -> usage.put(tenant, new TenantDatabaseUsage(tenant,
                rows.stream().mapToLong(TenantRows::rows).sum(),
                rows.stream().mapToLong(r -> Math.max(0, r.bytes())).sum(),
                rows.stream().allMatch(TenantRows::exact),
                rows.stream().mapToDouble(TenantRows::relativeError).max().orElse(0),
                rows)));
        return usage;
    }
}
