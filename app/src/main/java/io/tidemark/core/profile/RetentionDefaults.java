package io.tidemark.core.profile;

/**
 * The retentions a platform ships with.
 *
 * @param daysToKeep            rows older than this many days are purged (xivo-purge-db's {@code days_to_keep})
 * @param logRetentionDays      job and run logs older than this are deleted ({@code LOG_RETENTION_DAYS})
 * @param archiveDaysAgo        the day the nightly archive exports, counted back from today
 * @param archiveDeleteOlderThan archives older than this many days are expired
 */
public record RetentionDefaults(int daysToKeep, int logRetentionDays, int archiveDaysAgo, int archiveDeleteOlderThan) {

    /** The defaults of the monitoring platform and of xivo-purge-db. */
    public static final RetentionDefaults STANDARD = new RetentionDefaults(365, 3, 10, 30);
}
