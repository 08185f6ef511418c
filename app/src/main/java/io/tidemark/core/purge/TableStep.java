package io.tidemark.core.purge;

import java.time.Instant;
import java.util.List;

/**
 * One table's share of a purge: the rows of {@code table} older than {@code cutoff} (or every row of the tenants named,
 * for a tenant cleanup), deleted in batches with their {@code dependents} first.
 *
 * @param table           the table
 * @param key             its key column
 * @param retentionColumn the column compared with the cutoff, or null to delete regardless of age (tenant cleanup)
 * @param cutoff          rows strictly older than this go; fixed when the plan was made
 * @param days            the {@code days_to_keep} the cutoff came from (-1 for a tenant cleanup)
 * @param tenantColumn    the tenant column, or null
 * @param tenantIds       only these tenants' rows (empty: no restriction)
 * @param excludedTenantIds never these tenants' rows (they have a step of their own, or their archive failed)
 * @param scope           who the rows belong to, in words ("all tenants", "globex", "other tenants")
 * @param rows            rows to delete, counted when the plan was made
 * @param bytes           their estimated size (rows × the table's average row size)
 * @param dependents      tables whose referencing rows go in the same batch, before these rows
 * @param dependentRows   referencing rows counted in the dependents
 * @param partitions      PostgreSQL partitions wholly older than the cutoff, detached and dropped instead of deleted
 */
public record TableStep(String table, String key, String retentionColumn, Instant cutoff, int days, String tenantColumn,
                        List<Long> tenantIds, List<Long> excludedTenantIds, String scope, long rows, long bytes,
                        List<Dependent> dependents, long dependentRows, List<String> partitions) {

    public TableStep {
        tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
        excludedTenantIds = excludedTenantIds == null ? List.of() : List.copyOf(excludedTenantIds);
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    /** A stable name of this step inside its plan, for progress and resume. */
    public String id() {
        return table + "/" + scope;
    }

    /** This step without the given tenants (their archive failed). */
    public TableStep excluding(List<Long> more) {
        java.util.List<Long> ids = new java.util.ArrayList<>(excludedTenantIds);
        more.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return new TableStep(table, key, retentionColumn, cutoff, days, tenantColumn, tenantIds, ids, scope, rows, bytes,
                dependents, dependentRows, partitions);
    }
}
