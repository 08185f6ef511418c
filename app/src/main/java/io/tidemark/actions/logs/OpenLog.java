package io.tidemark.actions.logs;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.logs.FileChange;
import io.tidemark.core.logs.LineMeta;
import io.tidemark.core.logs.LogLine;
import io.tidemark.core.logs.LogQuery;
import io.tidemark.files.logs.LogFile;
import io.tidemark.files.logs.LogSearch;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/** A log opened for reading, as the CLI and the viewer use it: lines by number, index, filters, follow. */
public final class OpenLog implements Closeable {

    private final LogFile file;

    private OpenLog(LogFile file) {
        this.file = file;
    }

    /** Opens {@code path} (a .gz is decompressed once into {@code cacheDir}); the first lines are readable at once. */
    public static OpenLog open(Path path, Path cacheDir, Progress progress, Cancellation cancel) {
        return new OpenLog(LogFile.open(path, cacheDir, progress, cancel));
    }

    LogFile file() {
        return file;
    }

    public Path path() {
        return file.path();
    }

    public long sizeBytes() {
        return file.sizeBytes();
    }

    /** The detected format's name ("celery", "django-verbose"…). */
    public String format() {
        return file.format().label();
    }

    public void charset(Charset charset) {
        file.charset(charset);
    }

    /** Builds (or extends) the line index on every core. */
    public void buildIndex(Progress progress, Cancellation cancel) {
        file.buildIndex(progress, cancel);
    }

    public boolean indexed() {
        return file.indexed();
    }

    public long lineCount() {
        return file.lineCount();
    }

    public LogLine line(long n) {
        return file.line(n);
    }

    public List<LogLine> lines(long from, int count) {
        return file.lines(from, count);
    }

    /** {@code maxBytes} bytes of line {@code n} from {@code offset}: a huge line read piece by piece. */
    public String slice(long n, long offset, int maxBytes) {
        return file.slice(n, offset, maxBytes);
    }

    public LineMeta meta(long n) {
        return file.meta(n);
    }

    public long firstLineAtOrAfter(long epochMillis) {
        return file.firstLineAtOrAfter(epochMillis);
    }

    /** Numbers of the lines that pass {@code query}, at most {@code limit}. */
    public long[] lineNumbers(LogQuery query, int limit, Cancellation cancel) {
        return LogSearch.lineNumbers(file, query, limit, cancel);
    }

    /** Looks at the file again: grown lines are indexed; a rotated or truncated file says REPLACED. */
    public FileChange refresh() {
        return file.refresh();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
