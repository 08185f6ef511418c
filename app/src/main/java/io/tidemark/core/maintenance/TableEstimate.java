package io.tidemark.core.maintenance;

/**
 * One table's figures before a command, and what VACUUM FULL would give back.
 *
 * @param table        the table
 * @param totalBytes   table + indexes + TOAST now
 * @param tableBytes   its own pages (with free-space and visibility maps)
 * @param indexBytes   its indexes
 * @param toastBytes   its TOAST table
 * @param liveRows     live rows (measured or estimated, as {@code method} says)
 * @param deadRows     dead rows waiting for VACUUM (-1 unknown)
 * @param reclaimBytes what a rewrite would return to the disk (-1 unknown)
 * @param errorBytes   the stated error of {@code reclaimBytes}: the real figure lies within ± this
 * @param method       how {@code reclaimBytes} was obtained, in words
 */
public record TableEstimate(String table, long totalBytes, long tableBytes, long indexBytes, long toastBytes, long liveRows,
                            long deadRows, long reclaimBytes, long errorBytes, String method) {
}
