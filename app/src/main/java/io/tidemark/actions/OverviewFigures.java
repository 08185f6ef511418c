package io.tidemark.actions;

import io.tidemark.core.DatabaseInfo;
import io.tidemark.core.DiskSpace;
import io.tidemark.core.storage.TableStats;
import java.time.Instant;
import java.util.List;

/**
 * The first screen's figures, all read from the platform when asked (nothing estimated by Tidemark itself).
 *
 * @param database      the database's description
 * @param databaseBytes the database's size on disk
 * @param tables        the profile's tables that exist, largest first
 * @param tenants       how many tenants the platform has
 * @param activeTenants how many of them are active
 * @param dataDir       DATA_DIR's filesystem, or null when the platform has no DATA_DIR
 * @param readAt        when the figures were read
 */
public record OverviewFigures(DatabaseInfo database, long databaseBytes, List<TableStats> tables, int tenants,
                              int activeTenants, DiskSpace dataDir, Instant readAt) {
}
