package io.tidemark.core.purge;

/**
 * Picks the next batch's size from how long the last one took, so each batch's statements stay well under the
 * statement timeout whatever the rows cost: it grows at most ×1.5 and shrinks at most ÷4 per batch.
 */
public final class BatchSizer {

    private final long targetNanos;
    private final int min;
    private final int max;
    private int size;

    /**
     * @param initial     the first batch's size
     * @param min         never below this
     * @param max         never above this
     * @param targetMillis the time one batch should take
     */
    public BatchSizer(int initial, int min, int max, long targetMillis) {
        this.size = initial;
        this.min = min;
        this.max = max;
        this.targetNanos = targetMillis * 1_000_000L;
    }

    /** The size of the next batch. */
    public int size() {
        return size;
    }

    /** Learns from a batch of {@code done} units that took {@code nanos}. */
    public void took(int done, long nanos) {
        if (done <= 0) {
            return;
        }
        double ratio = nanos <= 0 ? 2.0 : (double) targetNanos / nanos;
        ratio = Math.max(0.25, Math.min(1.5, ratio));
        long next = Math.round(size * ratio);
        size = (int) Math.max(min, Math.min(max, next));
    }

    /** Halves the size after a timeout. */
    public void timedOut() {
        size = Math.max(min, size / 4);
    }
}
