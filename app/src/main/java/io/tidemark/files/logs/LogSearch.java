package io.tidemark.files.logs;

import io.tidemark.core.Cancellation;
import io.tidemark.core.logs.FileHits;
import io.tidemark.core.logs.LineMeta;
import io.tidemark.core.logs.LogLine;
import io.tidemark.core.logs.LogQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/** Searches one log: counts matching lines as {@code grep -c} does, or lists them with their numbers. */
public final class LogSearch {

    /** Bytes per parallel task. */
    private static final long CHUNK = 64L << 20;

    private LogSearch() {
    }

    /** How many lines of {@code file} match, on {@code threads} threads; a level or time limit reads each matching record. */
    public static long count(LogFile file, LogQuery query, int threads, Cancellation cancel) {
        MappedLog m = file.mapped();
        LineMatcher matcher = new LineMatcher(query, file.charset());
        if (query.filtersRecords() || threads <= 1 || m.size() < 2 * CHUNK) {
            long[] count = {0};
            matcher.scan(m, 0, m.size(), (s, e) -> {
                if (!query.filtersRecords() || query.accepts(file.metaAt(m, s, e))) {
                    count[0]++;
                }
                return true;
            }, cancel);
            return count[0];
        }
        List<long[]> ranges = lineAlignedRanges(m, CHUNK);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tidemark-log-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (long[] r : ranges) {
                parts.add(pool.submit(() -> {
                    long[] count = {0};
                    matcher.scan(m, r[0], r[1], (s, e) -> {
                        count[0]++;
                        return true;
                    }, cancel);
                    return count[0];
                }));
            }
            long total = 0;
            for (Future<Long> part : parts) {
                total += part.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The matching lines of {@code file} with their numbers: all are counted, the first {@code maxHits} kept.
     * {@code progress} hears the byte offset reached now and then.
     */
    public static FileHits find(LogFile file, String label, LogQuery query, int maxHits, LongConsumer progress,
                                Cancellation cancel) {
        MappedLog m = file.mapped();
        LineMatcher matcher = new LineMatcher(query, file.charset());
        List<LogLine> hits = new ArrayList<>();
        long[] state = {0, 0, 0}; // [line number of position state[1], position, count]
        matcher.scan(m, 0, m.size(), (s, e) -> {
            state[0] += m.countNewlines(state[1], s);
            state[1] = s;
            LineMeta meta = query.filtersRecords() || hits.size() < maxHits ? file.metaAt(m, s, e) : null;
            if (meta == null || query.accepts(meta)) {
                state[2]++;
                if (hits.size() < maxHits) {
                    LogLine line = file.line(state[0], LogFile.LINE_LIMIT, false);
                    hits.add(new LogLine(state[0], line == null ? "" : line.text(), e - s, e - s > LogFile.LINE_LIMIT, meta));
                }
            }
            if ((state[2] & 0xFF) == 0) {
                progress.accept(s);
            }
            return true;
        }, cancel);
        progress.accept(m.size());
        return new FileHits(file.path(), label, state[2], hits);
    }

    /** Line numbers (from 0) of the lines that match, for a filtered view; stops after {@code limit}. */
    public static long[] lineNumbers(LogFile file, LogQuery query, int limit, Cancellation cancel) {
        MappedLog m = file.mapped();
        LineMatcher matcher = new LineMatcher(query, file.charset());
        long[] numbers = new long[1024];
        int[] size = {0};
        long[] state = {0, 0};
        long[][] out = {numbers};
        matcher.scan(m, 0, m.size(), (s, e) -> {
            state[0] += m.countNewlines(state[1], s);
            state[1] = s;
            if (!query.filtersRecords() || query.accepts(file.metaAt(m, s, e))) {
                if (size[0] == out[0].length) {
                    out[0] = java.util.Arrays.copyOf(out[0], size[0] * 2);
                }
                out[0][size[0]++] = state[0];
            }
            return size[0] < limit;
        }, cancel);
        return java.util.Arrays.copyOf(out[0], size[0]);
    }

    private static List<long[]> lineAlignedRanges(MappedLog m, long chunk) {
        List<long[]> ranges = new ArrayList<>();
        long start = 0;
        while (start < m.size()) {
            long nominal = start + chunk;
            long end;
            if (nominal >= m.size()) {
                end = m.size();
            } else {
                long nl = m.indexOf((byte) '\n', nominal, m.size());
                end = nl < 0 ? m.size() : nl + 1;
            }
            ranges.add(new long[] {start, end});
            start = end;
        }
        return ranges;
    }
}
