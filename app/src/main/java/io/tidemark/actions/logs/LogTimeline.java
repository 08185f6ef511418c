package io.tidemark.actions.logs;

import io.tidemark.core.Cancellation;
import io.tidemark.core.logs.LogLine;
import io.tidemark.files.logs.LogFile;
import io.tidemark.files.logs.MergedTimeline;
import java.util.List;

/** Several open logs (a rotation family, a job, chosen files) as one list ordered by timestamp. */
public final class LogTimeline {

    private final List<OpenLog> logs;
    private final MergedTimeline merged;

    private LogTimeline(List<OpenLog> logs, MergedTimeline merged) {
        this.logs = List.copyOf(logs);
        this.merged = merged;
    }

    /** Merges {@code logs} (indexed first when needed), keeping at most {@code limit} lines. */
    public static LogTimeline merge(List<OpenLog> logs, int limit, Cancellation cancel) {
        List<LogFile> files = logs.stream().map(OpenLog::file).toList();
        return new LogTimeline(logs, MergedTimeline.merge(files, limit, cancel));
    }

    public int size() {
        return merged.size();
    }

    public List<OpenLog> logs() {
        return logs;
    }

    /** The log line {@code i} comes from. */
    public OpenLog logOf(int i) {
        return logs.get(merged.fileOf(i));
    }

    public LogLine line(int i) {
        return merged.line(i);
    }
}
