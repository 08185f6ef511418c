package io.tidemark.core.history;

import java.time.Instant;

/**
 * Which history entries to list, newest first.
 *
 * @param platformKey only this platform's, or null for every platform
 * @param kind        only this kind, or null for every kind
 * @param since       only those started at or after this instant, or null
 * @param limit       at most this many (0 or less: no limit)
 */
public record HistoryQuery(String platformKey, String kind, Instant since, int limit) {

    /** Everything, newest first. */
    public static HistoryQuery all() {
        return new HistoryQuery(null, null, null, 0);
    }

    /** One platform's entries, newest first. */
    public static HistoryQuery of(String platformKey) {
        return new HistoryQuery(platformKey, null, null, 0);
    }
}
