package io.tidemark.actions;

import io.tidemark.core.DiskSpace;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.DatabaseStorage;

/**
 * The storage review of one platform: its database's tables, its DATA_DIR by tenant and category, and the disk.
 *
 * @param database the database's storage
 * @param dataDir  DATA_DIR's usage, or null when the connection has no DATA_DIR
 * @param disk     the filesystem holding DATA_DIR, or null
 * @param tenantRows each tenant's share of the profile's tables, by tenant name
 * @param warnings limits exceeded or near, from the administrator's quota file (exceeded first)
 * @param databaseDisk the filesystem holding the database's files, when this machine can see it; else null
 * @param databaseInDataDir whether the database is a SQLite file in DATA_DIR (then DATA_DIR's bytes include it)
 */
public record StorageReport(DatabaseStorage database, DataDirUsage dataDir, DiskSpace disk,
                            java.util.Map<String, io.tidemark.core.storage.TenantDatabaseUsage> tenantRows,
                            java.util.List<io.tidemark.core.storage.StorageWarning> warnings, DiskSpace databaseDisk,
                            boolean databaseInDataDir) {
}
