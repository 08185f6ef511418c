package io.tidemark.core.logs;

/**
 * What a line's own text says about it: when it was written and how serious it is.
 *
 * @param epochMillis the timestamp (UTC when the writer gives no zone), or {@link #NO_TIME}
 * @param level       the level, or null when the line names none (a traceback line, a continuation)
 */
public record LineMeta(long epochMillis, LogLevel level) {

    /** The value of {@link #epochMillis} for a line without a timestamp. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** A line that says nothing: a continuation of the record above it. */
    public static final LineMeta NONE = new LineMeta(NO_TIME, null);

    /** Whether the line carries a timestamp, i.e. starts a record. */
    public boolean hasTime() {
        return epochMillis != NO_TIME;
    }
}
