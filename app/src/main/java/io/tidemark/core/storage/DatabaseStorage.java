package io.tidemark.core.storage;

import java.util.List;

/**
 * The database's storage: its size, its tables, and what VACUUM would give back to the filesystem.
 *
 * @param totalBytes       the database's size on disk
 * @param tables           every user table, largest first
 * @param freeListBytes    SQLite: free pages that VACUUM would return to the filesystem; -1 on PostgreSQL
 * @param pageSize         SQLite's page size; -1 on PostgreSQL
 * @param pgstattuple      whether pgstattuple_approx could be used (PostgreSQL)
 */
public record DatabaseStorage(long totalBytes, List<TableStats> tables, long freeListBytes, long pageSize, boolean pgstattuple) {

    public DatabaseStorage {
        tables = List.copyOf(tables);
    }
}
