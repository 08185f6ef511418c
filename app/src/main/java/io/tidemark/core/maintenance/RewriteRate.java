package io.tidemark.core.maintenance;

import java.util.List;
import java.util.Locale;

/**
 * This server's VACUUM FULL speed as measured by earlier runs (bytes rewritten per second), and the duration it predicts.
 * No figure is invented: without an earlier run the duration is unknown.
 *
 * @param bytesPerSecond the median rate of the earlier runs (-1 when there were none)
 * @param runs           how many earlier runs it comes from
 */
public record RewriteRate(double bytesPerSecond, int runs) {

    /** Runs shorter than this say more about latency than about throughput and are left out. */
    static final long SHORTEST_USEFUL_MILLIS = 200;

    /** One earlier run: the bytes it rewrote and how long it took. */
    public record PastRewrite(long bytes, long millis) {
    }

    /** The median of the runs that took long enough to measure. */
    public static RewriteRate of(List<PastRewrite> past) {
        double[] rates = past.stream().filter(p -> p.millis() >= SHORTEST_USEFUL_MILLIS && p.bytes() > 0)
                .mapToDouble(p -> p.bytes() * 1000.0 / p.millis()).sorted().toArray();
        if (rates.length == 0) {
            return new RewriteRate(-1, 0);
        }
        double median = rates.length % 2 == 1 ? rates[rates.length / 2] : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
        return new RewriteRate(median, rates.length);
    }

    /** Whether there is a measured rate. */
    public boolean known() {
        return runs > 0;
    }

    /** Seconds to rewrite {@code bytes} at this rate, rounded up (-1 when unknown). */
    public long secondsFor(long bytes) {
        return known() ? (long) Math.ceil(bytes / bytesPerSecond) : -1;
    }

    /** Where the duration comes from, in words. */
    public String describe() {
        if (!known()) {
            return "no earlier VACUUM FULL on this server in the history: duration unknown";
        }
        return String.format(Locale.ROOT, "this server's measured rewrite rate, %s/s (median of %d earlier run%s)",
                io.tidemark.core.ByteSize.format((long) bytesPerSecond), runs, runs == 1 ? "" : "s");
    }
}
