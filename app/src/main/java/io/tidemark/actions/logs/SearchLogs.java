package io.tidemark.actions.logs;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.logs.FileHits;
import io.tidemark.core.logs.LineMeta;
import io.tidemark.core.logs.LogLine;
import io.tidemark.core.logs.LogNode;
import io.tidemark.core.logs.LogQuery;
import io.tidemark.core.logs.SearchResult;
import io.tidemark.core.logs.TraceLine;
import io.tidemark.files.logs.LogFile;
import io.tidemark.files.logs.LogSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Searches the logs of a scope, file by file in tree order, and traces a request ID across them. */
public final class SearchLogs {

    private SearchLogs() {
    }

    /**
     * Searches {@code files}: every match counted; the first {@code maxHits} lines of each file kept unless
     * {@code countOnly}. A file that cannot be read is reported and the others searched.
     */
    public static SearchResult search(LogCatalog catalog, List<LogNode> files, LogQuery query, int maxHits, boolean countOnly,
                                      Path cacheDir, Progress progress, Cancellation cancel) {
        long total = files.stream().mapToLong(LogNode::sizeBytes).sum();
        long[] done = {0};
        List<FileHits> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        for (LogNode node : files) {
            cancel.checkpoint();
            String label = catalog.label(node.path());
            progress.report(total == 0 ? -1 : (double) done[0] / total, "Searching " + label);
            try (LogFile log = LogFile.open(node.path(), cacheDir, Progress.NONE, cancel)) {
                FileHits hits;
                if (countOnly) {
                    hits = new FileHits(node.path(), label, LogSearch.count(log, query, threads, cancel), List.of());
                } else {
                    long before = done[0];
                    hits = LogSearch.find(log, label, query, maxHits, reached -> progress.report(total == 0 ? -1
                            : (double) (before + Math.min(reached, node.sizeBytes())) / total, "Searching " + label), cancel);
                }
                if (hits.count() > 0) {
                    found.add(hits);
                }
            } catch (TidemarkException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add("Cannot read " + label + ": " + e.getMessage());
            }
            done[0] += node.sizeBytes();
        }
        progress.report(1, "Searched " + files.size() + " logs");
        return new SearchResult(found, files.size(), total, problems);
    }

    /** Every line carrying {@code requestId} in {@code files}, in time order (lines without a time keep their file's order). */
    public static List<TraceLine> trace(LogCatalog catalog, List<LogNode> files, String requestId, int maxLines, Path cacheDir,
                                        Progress progress, Cancellation cancel) {
        if (requestId == null || requestId.isBlank() || requestId.length() < 6) {
            throw new TidemarkException("A request ID has at least 6 characters (a UUID or an X-Request-ID value).");
        }
        SearchResult result = search(catalog, files, LogQuery.text(requestId.trim()), maxLines, false, cacheDir, progress, cancel);
        List<TraceLine> lines = new ArrayList<>();
        for (FileHits f : result.files()) {
            for (LogLine line : f.hits()) {
                lines.add(new TraceLine(f.file(), f.label(), line));
            }
        }
        lines.sort(Comparator.comparingLong((TraceLine t) -> t.line().meta() == null ? LineMeta.NO_TIME : t.line().meta().epochMillis()));
        return lines.size() > maxLines ? lines.subList(0, maxLines) : lines;
    }
}
