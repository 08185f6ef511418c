package io.tidemark.core.purge;

import java.time.Duration;

/**
 * Where a running purge stands, after each batch.
 *
 * @param step          the step's id ("cel/all tenants")
 * @param table         the table being purged
 * @param rowsDone      rows deleted so far in the whole purge
 * @param rowsPlanned   rows the plan counted
 * @param rowsPerSecond the rate so far
 * @param eta           the time left at that rate, or null when unknown
 * @param batchMillis   the last batch's transaction time
 * @param stepState     the step's state after the batch (what a resume starts from)
 */
public record PurgeProgress(String step, String table, long rowsDone, long rowsPlanned, double rowsPerSecond, Duration eta,
                            long batchMillis, PurgeState.StepState stepState) {

    /** The fraction done, 0..1. */
    public double fraction() {
        return rowsPlanned <= 0 ? -1 : Math.min(1.0, (double) rowsDone / rowsPlanned);
    }

    /** "cel: 120,000 of 400,000 rows · 85,000 rows/s · about 3 s left". */
    public String message() {
        String rate = String.format(java.util.Locale.ROOT, "%,.0f rows/s", rowsPerSecond);
        String left = eta == null ? "" : " · about " + human(eta) + " left";
        return String.format(java.util.Locale.ROOT, "%s: %,d of %,d rows · %s%s", table, rowsDone, rowsPlanned, rate, left);
    }

    private static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }
}
