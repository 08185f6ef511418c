package io.tidemark.core.purge;

/**
 * Picks the next batch's size from what the units have cost so far, so a batch stays near its target time and well
 * under the statement guard even when the server stalls (a checkpoint's fsync, full-page writes after it).
 * <p>
 * The cost of a unit is a moving average that rises at once and falls slowly: one slow batch shrinks the next ones
 * straight away, one fast batch grows them only a little (at most ×1.25 per batch), so a lucky batch never sets up an
 * unlucky one four times its size.
 */
public final class BatchSizer {

    private static final double GROWTH = 1.25;
    private static final double FALL = 0.2;

    private final long targetNanos;
    private final int min;
    private final int max;
    private int size;
    private double unitNanos = -1;

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
        double cost = Math.max(1, nanos) / (double) done;
        unitNanos = unitNanos < 0 || cost > unitNanos ? cost : unitNanos + FALL * (cost - unitNanos);
        long next = Math.round(targetNanos / unitNanos);
        next = Math.min(next, Math.round(size * GROWTH) + 1);
        size = (int) Math.max(min, Math.min(max, next));
    }

    /** Quarters the size after a timeout (the statement guard cut the batch, or a lock was not free). */
    public void timedOut() {
        size = Math.max(min, size / 4);
        unitNanos = unitNanos < 0 ? -1 : unitNanos * 4;
    }
}
