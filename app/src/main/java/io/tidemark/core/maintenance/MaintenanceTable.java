package io.tidemark.core.maintenance;

import io.tidemark.core.storage.TableStats;

/**
 * A table as the Maintenance screen lists it: its statistics and what a rewrite would return.
 *
 * @param stats        size, dead rows, last vacuum and analyze
 * @param reclaimBytes what VACUUM FULL (SQLite: VACUUM) would return, -1 unknown
 * @param errorBytes   ± error of {@code reclaimBytes}
 * @param method       how {@code reclaimBytes} was obtained
 */
public record MaintenanceTable(TableStats stats, long reclaimBytes, long errorBytes, String method) {
}
