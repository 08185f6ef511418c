package io.tidemark.core.growth;

import java.time.Instant;
import java.util.List;

/**
 * The platform's storage at one moment, as a snapshot records it.
 *
 * @param takenAt        when
 * @param databaseBytes  the database's size
 * @param dataDirBytes   DATA_DIR's size (-1 without DATA_DIR)
 * @param diskFreeBytes  free bytes on the disk holding DATA_DIR (-1 when unknown)
 * @param diskTotalBytes that disk's size (-1 when unknown)
 * @param tables         each table of the profile
 * @param tenants        each tenant's bytes per category (database: its estimated share of the tables)
 * @param other          DATA_DIR's bytes outside every tenant's categories (service logs, unassigned files)
 */
public record StorageSnapshot(Instant takenAt, long databaseBytes, long dataDirBytes, long diskFreeBytes, long diskTotalBytes,
                              List<TableSize> tables, List<TenantSize> tenants, long other) {

    public StorageSnapshot {
        tables = List.copyOf(tables);
        tenants = List.copyOf(tenants);
    }

    /**
     * One table's size.
     *
     * @param rows rows (exact or the planner's estimate)
     */
    public record TableSize(String table, long rows, long tableBytes, long indexBytes, long toastBytes) {
        /** Table, indexes and TOAST together. */
        public long totalBytes() {
            return tableBytes + indexBytes + toastBytes;
        }
    }

    /**
     * One tenant's use of one category.
     *
     * @param count rows (database) or files
     */
    public record TenantSize(String tenant, GrowthCategory category, long count, long bytes) {
    }
}
