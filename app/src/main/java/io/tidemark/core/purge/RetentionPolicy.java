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

    /** Per-table overrides as an administrator types them: {@code "cel=90, queue_log=30"}, in table order. */
    public static String formatPerTable(Map<String, Integer> perTable) {
        return perTable.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Reads per-table overrides typed as {@code "table=days, table=days"} (commas, semicolons or spaces between them);
     * every table must be one of {@code known} (compared without case, written as {@code known} spells it).
     *
     * @throws io.tidemark.core.TidemarkException naming the entry that is not {@code table=days}, the unknown table, or
     *                                          the table given twice
     */
    public static Map<String, Integer> parsePerTable(String text, java.util.Collection<String> known) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String entry : text.trim().replaceAll("\\s*=\\s*", "=").split("[,;\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new io.tidemark.core.TidemarkException("'" + entry + "' is not table=days (for example cel=90).");
            }
            String name = entry.substring(0, eq).trim();
            String table = known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElseThrow(() ->
                    new io.tidemark.core.TidemarkException("The profile has no table '" + name + "'; its tables are "
                            + known.stream().sorted().toList() + "."));
            int days;
            try {
                days = Integer.parseInt(entry.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new io.tidemark.core.TidemarkException("'" + entry + "': the days must be a whole number.");
            }
            if (days < 0) {
                throw new io.tidemark.core.TidemarkException("'" + entry + "': the days cannot be negative.");
            }
            if (out.put(table, days) != null) {
                throw new io.tidemark.core.TidemarkException("The table " + table + " is given twice.");
            }
        }
        return out;
    }
}
