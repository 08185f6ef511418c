package io.tidemark.files.logs;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.logs.FileChange;
import io.tidemark.core.logs.LineMeta;
import io.tidemark.core.logs.LogFormat;
import io.tidemark.core.logs.LogLine;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One open log: memory-mapped, readable at once, its line index growing in the background. A {@code .gz} file is read
 * from a decompressed copy in the cache folder (made once, reused while the .gz is unchanged), which gives random access.
 */
public final class LogFile implements Closeable {

    /** At most this many bytes of a line become text at once; the rest is read by {@link #slice}. */
    public static final int LINE_LIMIT = 8192;
    /** A line without a timestamp takes its record's from at most this many lines above. */
    private static final int RECORD_LOOKBACK = 200;

    private final Path path;
    private final Path data;
    private volatile MappedLog log;
    private final LineIndex index = new LineIndex();
    private final LogFormat format;
    private volatile Charset charset = StandardCharsets.UTF_8;
    private final Object fileKey;

    private LogFile(Path path, Path data, MappedLog log) {
        this.path = path;
        this.data = data;
        this.log = log;
        this.fileKey = keyOf();
        List<String> sample = new ArrayList<>();
        long pos = 0;
        byte[] buf = new byte[512];
        while (sample.size() < 40 && pos < log.size()) {
            long nl = log.indexOf((byte) '\n', pos, Math.min(log.size(), pos + (1 << 20)));
            long end = nl < 0 ? Math.min(log.size(), pos + 512) : nl;
            int len = (int) Math.min(buf.length, end - pos);
            log.read(pos, buf, 0, len);
            sample.add(LogText.decode(buf, len, charset));
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        format = LogFormat.detect(sample);
    }

    /** Opens {@code path}; a .gz is decompressed once into {@code cacheDir} first. */
    public static LogFile open(Path path, Path cacheDir, Progress progress, Cancellation cancel) {
        try {
            Path data = path.getFileName().toString().endsWith(".gz")
                    ? GzipCache.decompressed(path, cacheDir, progress, cancel) : path;
            return new LogFile(path, data, MappedLog.open(data));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TidemarkException("The log " + path + " does not exist (any more).", e);
        } catch (IOException e) {
            throw new TidemarkException("Cannot read the log " + path + ": " + e.getMessage(), e);
        }
    }

    /** Opens a plain file mapped in segments of 2^bits bytes (tests use small ones to cross segment borders). */
    static LogFile open(Path path, int bits) throws IOException {
        return new LogFile(path, path, MappedLog.open(path, bits));
    }

    /** Opens a plain (not compressed) file. */
    public static LogFile open(Path path) {
        return open(path, null, Progress.NONE, new Cancellation());
    }

    public Path path() {
        return path;
    }

    /** The file the bytes come from: the log itself, or the decompressed copy of a .gz. */
    public Path data() {
        return data;
    }

    public long sizeBytes() {
        return log.size();
    }

    public LogFormat format() {
        return format;
    }

    public Charset charset() {
        return charset;
    }

    /** Reads the bytes as {@code charset} from now on (one whose newline is the byte 0x0A: UTF-8, ISO-8859-1, windows-1252…). */
    public void charset(Charset charset) {
        this.charset = charset;
    }

    public LineIndex index() {
        return index;
    }

    /** Builds (or extends) the line index on {@code threads} threads; returns when it is complete. */
    public void buildIndex(int threads, Progress progress, Cancellation cancel) {
        index.build(log, threads, progress, cancel);
    }

    /** Builds the index with every core. */
    public void buildIndex(Progress progress, Cancellation cancel) {
        buildIndex(Runtime.getRuntime().availableProcessors(), progress, cancel);
    }

    /** Lines known: all of them once the index is complete, the complete lines indexed so far before. */
    public long lineCount() {
        return index.lines(log);
    }

    /** Whether the index covers the whole file. */
    public boolean indexed() {
        return index.complete();
    }

    /** Line {@code n} (from 0), its text cut at {@value #LINE_LIMIT} bytes; null when there is no such line. */
    public LogLine line(long n) {
        return line(n, LINE_LIMIT, true);
    }

    /** Line {@code n} with at most {@code maxBytes} bytes of its text, with or without its record's time and level. */
    public LogLine line(long n, int maxBytes, boolean withMeta) {
        MappedLog m = log;
        long start = index.lineStart(m, n);
        if (start < 0 || start >= m.size()) {
            return null;
        }
        return read(m, n, start, maxBytes, withMeta);
    }

    /** Up to {@code count} lines from line {@code from}. */
    public List<LogLine> lines(long from, int count) {
        MappedLog m = log;
        List<LogLine> lines = new ArrayList<>(count);
        long start = index.lineStart(m, from);
        for (long n = from; n < from + count && start >= 0 && start < m.size(); n++) {
            LogLine line = read(m, n, start, LINE_LIMIT, true);
            lines.add(line);
            long nl = m.indexOf((byte) '\n', start + line.byteLength(), m.size());
            start = nl < 0 ? -1 : nl + 1;
        }
        return lines;
    }

    private LogLine read(MappedLog m, long n, long start, int maxBytes, boolean withMeta) {
        long nl = m.indexOf((byte) '\n', start, m.size());
        long end = nl < 0 ? m.size() : nl;
        int len = (int) Math.min(maxBytes, end - start);
        byte[] bytes = new byte[len];
        m.read(start, bytes, 0, len);
        String text = LogText.decode(bytes, len, charset);
        LineMeta meta = withMeta ? metaOf(m, start, text) : LineMeta.NONE;
        return new LogLine(n, text, end - start, end - start > maxBytes, meta);
    }

    /** A piece of line {@code n}: {@code maxBytes} bytes from {@code offset} in it, for reading a huge line piece by piece. */
    public String slice(long n, long offset, int maxBytes) {
        MappedLog m = log;
        long start = index.lineStart(m, n);
        if (start < 0) {
            return "";
        }
        long nl = m.indexOf((byte) '\n', start, m.size());
        long end = nl < 0 ? m.size() : nl;
        long from = Math.min(end, start + offset);
        int len = (int) Math.min(maxBytes, end - from);
        byte[] bytes = new byte[len];
        m.read(from, bytes, 0, len);
        return LogText.decode(bytes, len, charset);
    }

    /** The timestamp and level of line {@code n}'s record. */
    public LineMeta meta(long n) {
        LogLine line = line(n, 512, true);
        return line == null ? LineMeta.NONE : line.meta();
    }

    private LineMeta metaOf(MappedLog m, long start, String text) {
        LineMeta own = format.parse(text);
        if (own.hasTime()) {
            return own;
        }
        long lineStart = start;
        byte[] buf = new byte[512];
        for (int k = 0; k < RECORD_LOOKBACK && lineStart > 0; k++) {
            long prevEnd = lineStart - 1; // the newline ending the line above
            long prevStart = prevEnd;
            while (prevStart > 0 && m.get(prevStart - 1) != '\n' && prevEnd - prevStart < (1 << 16)) {
                prevStart--;
            }
            if (prevStart > 0 && m.get(prevStart - 1) != '\n') {
                break; // a huge line above: not a record's header
            }
            int len = (int) Math.min(buf.length, prevEnd - prevStart);
            m.read(prevStart, buf, 0, len);
            LineMeta meta = format.parse(LogText.decode(buf, len, charset));
            if (meta.hasTime()) {
                return meta;
            }
            lineStart = prevStart;
        }
        return own;
    }

    /** The timestamp and level of the record holding the line that starts at byte {@code start}. */
    LineMeta metaAt(MappedLog m, long start, long end) {
        byte[] buf = new byte[(int) Math.min(512, end - start)];
        m.read(start, buf, 0, buf.length);
        return metaOf(m, start, LogText.decode(buf, buf.length, charset));
    }

    /** The first line whose record is at or after {@code epochMillis} (timestamps assumed ascending), by bisection. */
    public long firstLineAtOrAfter(long epochMillis) {
        long lo = 0;
        long hi = lineCount();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            LineMeta meta = meta(mid);
            if (meta.hasTime() && meta.epochMillis() < epochMillis) {
                lo = mid + 1;
            } else if (!meta.hasTime()) {
                lo = mid + 1; // no timestamp in the record's reach: treat as before
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Looks at the file again: when it grew, maps and indexes the new bytes; when it shrank (truncated) or is another file
     * now (rotated), says REPLACED and the caller opens it again.
     */
    public FileChange refresh() {
        try {
            if (!data.equals(path)) {
                return FileChange.SAME; // a decompressed .gz does not grow
            }
            Object key = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            if (fileKey != null && key != null && !key.equals(fileKey)) {
                return FileChange.REPLACED;
            }
            long now = log.currentSize();
            if (now < log.size()) {
                return FileChange.REPLACED;
            }
            if (now == log.size()) {
                return FileChange.SAME;
            }
            log = log.remapped();
            index.build(log, 1, Progress.NONE, new Cancellation());
            return FileChange.GREW;
        } catch (IOException e) {
            return FileChange.REPLACED;
        }
    }

    private Object keyOf() {
        try {
            return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** The mapping, for searches in this package. */
    MappedLog mapped() {
        return log;
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
