package io.tidemark.actions.growth;

import io.tidemark.core.DiskSpace;
import io.tidemark.core.growth.GrowthHistory;
import io.tidemark.core.growth.GrowthSeries;
import io.tidemark.core.growth.RebuiltVolumes;
import io.tidemark.core.storage.Quotas;
import java.time.Duration;

/**
 * A platform's growth: its daily history (rebuilt, then measured), what it was rebuilt from, the disk, the limits.
 *
 * @param history           the series
 * @param volumes           what the data says was added each day
 * @param dataDirSeries     the series of what lies under DATA_DIR (its files, and the database when it is a file there);
 *                          null without DATA_DIR
 * @param disk              the disk under DATA_DIR now, or null
 * @param quotas            the administrator's limits for this platform
 * @param rebuildTook       how long rebuilding the history from the data took
 */
public record GrowthReport(GrowthHistory history, RebuiltVolumes volumes, GrowthSeries dataDirSeries, DiskSpace disk,
                           Quotas quotas, Duration rebuildTook) {
}
