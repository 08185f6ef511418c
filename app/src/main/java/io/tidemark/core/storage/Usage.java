package io.tidemark.core.storage;

/**
 * Files and bytes of one category somewhere, with the oldest and newest modification times (epoch millis,
 * {@code Long.MAX_VALUE}/{@code Long.MIN_VALUE} when there are no files).
 */
public record Usage(long files, long bytes, long oldestMillis, long newestMillis) {

    /** No files. */
    public static final Usage NONE = new Usage(0, 0, Long.MAX_VALUE, Long.MIN_VALUE);

    /** One file. */
    public static Usage of(long bytes, long modifiedMillis) {
        return new Usage(1, bytes, modifiedMillis, modifiedMillis);
    }

    /** This and {@code other} together. */
    public Usage plus(Usage other) {
        if (other.files == 0) {
            return this;
        }
        if (files == 0) {
            return other;
        }
        return new Usage(files + other.files, bytes + other.bytes, Math.min(oldestMillis, other.oldestMillis),
                Math.max(newestMillis, other.newestMillis));
    }

    /** Whether there is nothing. */
    public boolean isEmpty() {
        return files == 0;
    }
}
