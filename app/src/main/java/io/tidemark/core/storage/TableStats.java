package io.tidemark.core.storage;

import java.time.Instant;

/**
 * One table's storage as its database reports it. Byte figures add up: table + indexes + TOAST = total.
 *
 * @param table           the table's name
 * @param inProfile       whether the platform profile manages it (other tables are listed apart)
 * @param rows            row count: exact when {@code rowsExact}, otherwise the planner's estimate (-1 when never analyzed)
 * @param rowsExact       whether {@code rows} was counted
 * @param tableBytes      the table's own pages (with its free-space and visibility maps)
 * @param indexBytes      all its indexes
 * @param toastBytes      its TOAST table and TOAST index (0 on SQLite)
 * @param totalBytes      all of it
 * @param deadRows        dead rows waiting for VACUUM (-1 when the database does not tell)
 * @param bloatBytes      space inside the table that holds no live row (-1 when unknown)
 * @param bloatSource     where {@code bloatBytes} comes from
 * @param lastVacuum      the last manual VACUUM, or null
 * @param lastAutovacuum  the last autovacuum, or null
 * @param lastAnalyze     the last manual ANALYZE, or null
 * @param lastAutoanalyze the last autoanalyze, or null
 */
public record TableStats(String table, boolean inProfile, long rows, boolean rowsExact, long tableBytes, long indexBytes,
                         long toastBytes, long totalBytes, long deadRows, long bloatBytes, BloatSource bloatSource,
                         Instant lastVacuum, Instant lastAutovacuum, Instant lastAnalyze, Instant lastAutoanalyze) {

    /** How a bloat figure was obtained. */
    public enum BloatSource {
        /** Estimated from statistics: the table's pages against the pages its live rows need at their average width. */
        ESTIMATE("estimated from statistics"),
        /** Measured by pgstattuple_approx: free space plus dead tuples, reading pages not known all-visible. */
        PGSTATTUPLE_APPROX("measured by pgstattuple_approx"),
        /** SQLite's dbstat: unused bytes inside the table's and its indexes' pages. */
        SQLITE_DBSTAT("measured by dbstat"),
        /** Not known. */
        NONE("unknown");

        private final String label;

        BloatSource(String label) {
            this.label = label;
        }

        /** How the figure was obtained, in words. */
        public String label() {
            return label;
        }
    }

    /** The same table with exactly counted rows. */
    public TableStats withExactRows(long counted) {
        return new TableStats(table, inProfile, counted, true, tableBytes, indexBytes, toastBytes, totalBytes, deadRows,
                bloatBytes, bloatSource, lastVacuum, lastAutovacuum, lastAnalyze, lastAutoanalyze);
    }

    /** The same table with a measured bloat figure. */
    public TableStats withBloat(long bytes, BloatSource source) {
        return new TableStats(table, inProfile, rows, rowsExact, tableBytes, indexBytes, toastBytes, totalBytes, deadRows,
                bytes, source, lastVacuum, lastAutovacuum, lastAnalyze, lastAutoanalyze);
    }
}
