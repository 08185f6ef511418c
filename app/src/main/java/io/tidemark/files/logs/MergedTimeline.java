package io.tidemark.files.logs;

import io.tidemark.core.Cancellation;
import io.tidemark.core.logs.LineMeta;
import io.tidemark.core.logs.LogLine;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Several logs (a rotation family, or files the user picked) as one list ordered by timestamp: a k-way merge of the files'
 * lines, each file read in order; a line without a timestamp stays with the record above it. Held compactly: one long
 * per line (file number and line number), not the text.
 */
public final class MergedTimeline {

    private static final int FILE_SHIFT = 48;
    private static final long LINE_MASK = (1L << FILE_SHIFT) - 1;

    private final List<LogFile> files;
    private final long[] entries;

    private MergedTimeline(List<LogFile> files, long[] entries) {
        this.files = List.copyOf(files);
        this.entries = entries;
    }

    /** Merges {@code files} (their indexes built) by time, keeping at most {@code limit} lines. */
    public static MergedTimeline merge(List<LogFile> files, int limit, Cancellation cancel) {
        PriorityQueue<Cursor> queue = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time)
                : a.file != b.file ? Integer.compare(a.file, b.file) : Long.compare(a.line, b.line));
        for (int i = 0; i < files.size(); i++) {
            Cursor c = new Cursor(files.get(i), i);
            if (c.advance()) {
                queue.add(c);
            }
        }
        long[] out = new long[1024];
        int size = 0;
        while (!queue.isEmpty() && size < limit) {
            Cursor c = queue.poll();
            // The whole record: its first line and the lines without a timestamp after it.
            do {
                if (size == out.length) {
                    out = Arrays.copyOf(out, Math.min(Math.max(size * 2, 1024), Math.max(limit, 1024)));
                }
                out[size++] = ((long) c.file << FILE_SHIFT) | c.line;
                if ((size & 0xFFFF) == 0) {
                    cancel.checkpoint();
                }
            } while (c.advance() && c.continuation && size < limit);
            if (c.line < c.lines) {
                queue.add(c);
            }
        }
        return new MergedTimeline(files, Arrays.copyOf(out, size));
    }

    /** Reads one file's lines in order with their record times. */
    private static final class Cursor {
        final LogFile log;
        final int file;
        final long lines;
        long line = -1;
        long time = Long.MIN_VALUE;
        boolean continuation;
        private long offset;

        Cursor(LogFile log, int file) {
            this.log = log;
            this.file = file;
            this.lines = log.lineCount();
        }

        /** Moves to the next line; false at the end. */
        boolean advance() {
            line++;
            if (line >= lines) {
                return false;
            }
            MappedLog m = log.mapped();
            long start = line == 0 ? 0 : offset;
            long nl = m.indexOf((byte) '\n', start, m.size());
            long end = nl < 0 ? m.size() : nl;
            offset = end + 1;
            byte[] head = new byte[(int) Math.min(256, end - start)];
            m.read(start, head, 0, head.length);
            LineMeta meta = log.format().parse(LogText.decode(head, head.length, log.charset()));
            continuation = !meta.hasTime();
            if (meta.hasTime()) {
                time = meta.epochMillis();
            }
            return true;
        }
    }

    /** Lines in the timeline. */
    public int size() {
        return entries.length;
    }

    /** The files merged, in the order given. */
    public List<LogFile> files() {
        return files;
    }

    /** Which file line {@code i} of the timeline comes from. */
    public int fileOf(int i) {
        return (int) (entries[i] >>> FILE_SHIFT);
    }

    /** The line number in its file of line {@code i} of the timeline. */
    public long lineOf(int i) {
        return entries[i] & LINE_MASK;
    }

    /** Line {@code i} of the timeline. */
    public LogLine line(int i) {
        return files.get(fileOf(i)).line(lineOf(i));
    }
}
