package io.tidemark.core.archive;

import java.time.Instant;

/**
 * What a purge is about to delete from one table, as archive plugins see it: the rows of {@code table} (of one tenant,
 * or of every tenant when {@code tenant} is null) whose age is before {@code cutoff}. A purge plan converts each of its
 * steps into one scope.
 *
 * @param tenant        the tenant's name, or null for every tenant
 * @param table         the table
 * @param cutoff        rows older than this instant are purged
 * @param estimatedRows how many rows the plan expects, or -1 when unknown
 */
public record ArchiveScope(String tenant, String table, Instant cutoff, long estimatedRows) {

    public ArchiveScope {
        java.util.Objects.requireNonNull(table, "table");
        java.util.Objects.requireNonNull(cutoff, "cutoff");
    }

    /** "tenant acme, cpipayload before 2025-11-20T00:00:00Z" */
    public String describe() {
        return (tenant == null ? "every tenant" : "tenant " + tenant) + ", " + table + " before " + cutoff;
    }
}
