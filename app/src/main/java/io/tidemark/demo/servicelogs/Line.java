package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Durations.SECOND;

/** One record ready for the file: its text (ending in a newline), when it was written and how precisely it says so. */
record Line(long at, long order, String text, Precision precision) implements Comparable<Line> {
    long printedTime() {
        return precision == Precision.SECONDS ? Math.floorDiv(at, SECOND) * SECOND : at;
    }

    @Override
    public int compareTo(Line other) {
        int byTime = Long.compare(at, other.at);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }

    /** How precisely a program prints the time of a record, if at all. */
    enum Precision { MILLIS, SECONDS, NONE }
}
