package io.tidemark.core.purge;

import java.util.List;
import java.util.Map;

/**
 * How long rows and files are kept, after the profile's defaults, the merged configuration and the command line.
 *
 * @param daysToKeep           rows older than this many days are purged ({@code days_to_keep}; 0 means every row)
 * @param daysToKeepPerTable   a table's own {@code days_to_keep} ({@code days_to_keep_per_table})
 * @param logRetentionDays     job and run logs older than this many days are deleted ({@code LOG_RETENTION_DAYS})
 * @param archiveDeleteOlderThan archives older than this many days are past their window
 * @param archivePlugins       the archive plugins to run before deleting ({@code enabled_plugins.archives})
 * @param vacuum               whether purged PostgreSQL tables get {@code VACUUM (ANALYZE)} afterwards
 * @param configuration        the whole merged configuration, handed to archive plugins as xivo-purge-db does
 */
public record RetentionPolicy(int daysToKeep, Map<String, Integer> daysToKeepPerTable, int logRetentionDays,
                              int archiveDeleteOlderThan, List<String> archivePlugins, boolean vacuum,
                              Map<String, Object> configuration) {

    public RetentionPolicy {
        if (daysToKeep < 0) {
            throw new IllegalArgumentException("days_to_keep cannot be negative: " + daysToKeep);
        }
        daysToKeepPerTable = daysToKeepPerTable == null ? Map.of() : Map.copyOf(daysToKeepPerTable);
        archivePlugins = archivePlugins == null ? List.of() : List.copyOf(archivePlugins);
        configuration = configuration == null ? Map.of() : configuration;
    }

    /** The days a table keeps, before any tenant's own setting. */
    public int daysFor(String table) {
        return daysToKeepPerTable.getOrDefault(table, daysToKeep);
    }

    /** This policy with another {@code days_to_keep} (the command line's {@code -d}). */
    public RetentionPolicy withDaysToKeep(int days) {
        return new RetentionPolicy(days, daysToKeepPerTable, logRetentionDays, archiveDeleteOlderThan, archivePlugins, vacuum,
                configuration);
    }

    /** This policy with or without the VACUUM afterwards. */
    public RetentionPolicy withVacuum(boolean on) {
        return new RetentionPolicy(daysToKeep, daysToKeepPerTable, logRetentionDays, archiveDeleteOlderThan, archivePlugins, on,
                configuration);
    }
}
