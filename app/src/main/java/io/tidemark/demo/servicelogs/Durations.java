package io.tidemark.demo.servicelogs;

/** Lengths of time in milliseconds, the unit every family counts in. */
final class Durations {
    static final long SECOND = 1_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private Durations() {
    }
}
