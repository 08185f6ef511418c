package io.tidemark.files.logs;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where each line of a log starts, kept compact: the start of every {@value #EVERY}th line (16 bytes per checkpoint, so
 * 8 million lines take 500 KB); a line between two checkpoints is found by counting newlines from the one before it.
 * Built by scanning the mapping a word at a time, on every core, chunk by chunk; lines are readable while it grows.
 */
public final class LineIndex {

    /** A checkpoint every this many lines. */
    static final int EVERY = 1024;
    /** Bytes one task scans; chunks never cross a mapping segment. */
    static final int CHUNK = 32 << 20;

    /** What is known so far; replaced as a whole, so readers never see half an update. */
    private record State(long[] lines, long[] offsets, int size, long indexedBytes, long newlines) {
    }

    private volatile State state = new State(new long[] {0}, new long[] {0}, 1, 0, 0);
    private volatile boolean complete;
    private volatile long fileSize;

    /** Newlines counted so far (complete lines known). */
    public long newlines() {
        return state.newlines;
    }

    /** Bytes of the file scanned so far. */
    public long indexedBytes() {
        return state.indexedBytes;
    }

    /** Whether the whole file (as mapped) is indexed. */
    public boolean complete() {
        return complete;
    }

    /** Checkpoints held (for the memory figures). */
    public int checkpoints() {
        return state.size;
    }

    /** Lines in the indexed part, counted as grep does: a last line without a newline counts. */
    long lines(MappedLog log) {
        State s = state;
        long lines = s.newlines;
        if (complete && s.indexedBytes > 0 && log.size() > 0 && log.get(log.size() - 1) != '\n') {
            lines++;
        }
        return lines;
    }

    /** The byte offset where line {@code n} (from 0) starts, or -1 when the file has no such line. */
    long lineStart(MappedLog log, long n) {
        if (n == 0) {
            return log.size() == 0 ? -1 : 0;
        }
        State s = state;
        int i = Arrays.binarySearch(s.lines, 0, s.size, n);
        if (i >= 0) {
            return s.offsets[i];
        }
        int floor = -i - 2;
        long start = log.afterNewlines(s.offsets[floor], n - s.lines[floor], log.size());
        return start >= log.size() ? -1 : start;
    }

    /** Scans [indexedBytes, log.size()) with {@code threads} threads and adds what it finds. */
    void build(MappedLog log, int threads, Progress progress, Cancellation cancel) {
        long from = state.indexedBytes;
        long to = log.size();
        fileSize = to;
        if (from >= to) {
            complete = true;
            return;
        }
        complete = false;
        List<long[]> ranges = new ArrayList<>();
        for (long p = from; p < to; ) {
            long segEnd = ((p >>> log.bits) + 1) << log.bits;
            long end = Math.min(Math.min(p + CHUNK, segEnd), to);
            ranges.add(new long[] {p, end});
            p = end;
        }
        if (threads <= 1 || ranges.size() == 1) {
            for (long[] r : ranges) {
                cancel.checkpoint();
                add(scan(log, r[0], r[1]), r[1]);
                progress.report((double) (r[1] - from) / (to - from), "Indexing lines");
            }
            complete = true;
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tidemark-line-index");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Chunk>> results = new ArrayList<>();
            for (long[] r : ranges) {
                results.add(pool.submit(() -> cancel.isCancelled() ? null : scan(log, r[0], r[1])));
            }
            for (int k = 0; k < results.size(); k++) {
                Chunk chunk = results.get(k).get();
                cancel.checkpoint();
                add(chunk, ranges.get(k)[1]);
                progress.report((double) (ranges.get(k)[1] - from) / (to - from), "Indexing lines");
            }
            complete = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.tidemark.core.Cancellation.CancelledException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Indexing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Newlines of one chunk: how many, and the position of every {@value #EVERY}th (counting from the chunk's first). */
    private record Chunk(long newlines, long[] marks, int markCount) {
    }

    private static Chunk scan(MappedLog log, long from, long to) {
        int seg = (int) (from >>> log.bits);
        long base = (long) seg << log.bits;
        ByteBuffer buf = log.segment(seg);
        int i = (int) (from - base);
        int end = (int) (to - base);
        Marks marks = new Marks(base);
        long nl = MappedLog.NEWLINES;
        for (; i + 32 <= end; i += 32) {
            long a = buf.getLong(i) ^ nl;
            long b = buf.getLong(i + 8) ^ nl;
            long c = buf.getLong(i + 16) ^ nl;
            long d = buf.getLong(i + 24) ^ nl;
            if (!MappedLog.anyZero(a, b, c, d)) {
                continue;
            }
            long za = MappedLog.zeroBytes(a);
            long zb = MappedLog.zeroBytes(b);
            long zc = MappedLog.zeroBytes(c);
            long zd = MappedLog.zeroBytes(d);
            long total = Long.bitCount(za) + Long.bitCount(zb) + Long.bitCount(zc) + Long.bitCount(zd);
            if (marks.count + total <= marks.next) {
                marks.count += total;
            } else {
                marks.word(za, i);
                marks.word(zb, i + 8);
                marks.word(zc, i + 16);
                marks.word(zd, i + 24);
            }
        }
        for (; i + 8 <= end; i += 8) {
            marks.word(MappedLog.zeroBytes(buf.getLong(i) ^ nl), i);
        }
        for (; i < end; i++) {
            if (buf.get(i) == '\n') {
                marks.word(0x80L, i);
            }
        }
        return new Chunk(marks.count, marks.positions, marks.size);
    }

    /** The newlines counted in a chunk and the positions of every {@value #EVERY}th. */
    private static final class Marks {
        final long base;
        long[] positions = new long[16];
        int size;
        long count;
        long next; // ordinal of the next newline to mark

        Marks(long base) {
            this.base = base;
        }

        /** Takes a word's newlines ({@code hits}: high bit of each newline byte) at {@code at}. */
        void word(long hits, int at) {
            if (hits == 0) {
                return;
            }
            int c = Long.bitCount(hits);
            while (count + c > next) {
                long h = hits;
                for (long k = count; k < next; k++) {
                    h &= h - 1;
                }
                if (size == positions.length) {
                    positions = Arrays.copyOf(positions, size * 2);
                }
                positions[size++] = base + at + (Long.numberOfTrailingZeros(h) >>> 3);
                next += EVERY;
            }
            count += c;
        }
    }

    private synchronized void add(Chunk chunk, long indexedTo) {
        State s = state;
        long[] lines = s.lines;
        long[] offsets = s.offsets;
        int size = s.size;
        long lastLine = s.lines[size - 1];
        for (int k = 0; k < chunk.markCount; k++) {
            long line = s.newlines + (long) k * EVERY + 1; // the line after this newline
            if (line - lastLine < EVERY / 2) {
                continue; // chunk borders would otherwise put checkpoints close together
            }
            if (size == lines.length) {
                lines = Arrays.copyOf(lines, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2);
            }
            lines[size] = line;
            offsets[size] = chunk.marks[k] + 1;
            lastLine = line;
            size++;
        }
        state = new State(lines, offsets, size, indexedTo, s.newlines + chunk.newlines);
    }
}
