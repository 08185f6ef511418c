package io.tidemark.ui.logs;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.logs.LogCatalog;
import io.tidemark.actions.logs.SearchLogs;
import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.logs.FileHits;
import io.tidemark.core.logs.LogLevel;
import io.tidemark.core.logs.LogLine;
import io.tidemark.core.logs.LogNode;
import io.tidemark.core.logs.LogQuery;
import io.tidemark.core.logs.RequestIds;
import io.tidemark.core.logs.SearchResult;
import io.tidemark.core.logs.TraceLine;
import io.tidemark.actions.logs.LogTimeline;
import io.tidemark.actions.logs.OpenLog;
import io.tidemark.core.logs.FileChange;
import io.tidemark.ui.tasks.RunningTask;
import io.tidemark.ui.tasks.TaskExecutor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Logs screen: the tree of the platform's logs, and a viewer over rows that are a file's lines, a filtered subset,
 * a merged timeline or a request's trace. Rows are fetched from the engine page by page in the background and kept in a
 * small cache, so a file of any size costs the screen a few megabytes.
 */
public final class LogsViewModel {

    /** Rows per page fetched at once. */
    static final int PAGE = 256;
    private static final int PAGES_KEPT = 48;
    private static final int HITS_PER_FILE = 5000;

    /** What the viewer shows. */
    public enum Mode { FILE, FILTERED, MERGED, TRACE }

    /** A row as the viewer shows it: the line, and the file it comes from when the view spans several. */
    public record Row(String source, LogLine line) {
    }

    /** A search result entry: a file header (line null) or one of its matching lines. */
    public record ResultEntry(Path file, String label, long count, LogLine line) {
        @Override
        public String toString() {
            return line == null ? label + " (" + count + ")" : "  " + (line.number() + 1) + ": " + line.text();
        }
    }

    private final TaskExecutor tasks;
    private final UserFolders folders;
    private LogCatalog catalog;
    private PlatformSession session;

    private final ReadOnlyObjectWrapper<LogNode> tree = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LogNode> shownTree = new ReadOnlyObjectWrapper<>();
    private final StringProperty treeFilter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Choose a log in the tree");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper rowCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper scrollTo = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.FILE);
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper searchSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<ResultEntry> results = FXCollections.observableArrayList();

    private OpenLog file;
    private LogNode fileNode;
    private long fileLines;
    private long[] filtered;          // FILTERED: line numbers
    private LogTimeline merged;    // MERGED
    private List<OpenLog> mergedFiles = List.of();
    private List<TraceLine> trace = List.of(); // TRACE
    private long[] fileHits = new long[0];     // search hits in the open file, for next/previous
    private String highlight;
    private boolean highlightRegex;
    private boolean highlightIgnoreCase;
    private int generation;
    private final Map<Integer, Row[]> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Row[]> eldest) {
            return size() > PAGES_KEPT;
        }
    };
    private final Set<Integer> loading = new HashSet<>();
    private RunningTask search;
    private String tenantShown;
    private boolean followInFlight;

    public LogsViewModel(TaskExecutor tasks, UserFolders folders) {
        this.tasks = tasks;
        this.folders = folders;
        treeFilter.addListener((obs, was, now) -> applyTreeFilter());
    }

    // ------------------------------------------------------------------------------------------------ tree

    /** Shows the logs of {@code platform} (null: none). */
    public void showPlatform(PlatformSession platform) {
        session = platform;
        closeViews();
        if (platform == null || platform.dataDir().isEmpty()) {
            catalog = null;
            tree.set(null);
            applyTreeFilter();
            status.set(platform == null ? "" : "This connection has no DATA_DIR: its logs cannot be read.");
            return;
        }
        tasks.submit("Reading the log tree", (progress, cancel) -> {
            LogCatalog c = LogCatalog.of(platform);
            return new Object[] {c, c.tree()};
        }, result -> {
            if (session != platform) {
                return;
            }
            catalog = (LogCatalog) result[0];
            tree.set((LogNode) result[1]);
            applyTreeFilter();
            status.set(describe(tree.get()));
        }, this::failed);
    }

    /** Reads the tree again (new files appear; the view polls this now and then). */
    public void refreshTree() {
        LogCatalog c = catalog;
        if (c == null) {
            return;
        }
        tasks.submit(null, (progress, cancel) -> c.tree(), now -> {
            if (c == catalog && !now.equals(tree.get())) {
                tree.set(now);
                applyTreeFilter();
            }
        }, e -> { });
    }

    /**
     * Narrows the tree to one tenant's logs and the service logs (null or "All tenants": every tenant). "All logs"
     * then searches what is shown.
     */
    public void showTenant(String name) {
        String t = name == null || name.equals(io.tidemark.ui.shell.MainViewModel.ALL_TENANTS) ? null : name;
        if (!java.util.Objects.equals(t, tenantShown)) {
            tenantShown = t;
            applyTreeFilter();
        }
    }

    /** The tree as the tenant choice narrows it (service logs stay). */
    private LogNode tenantTree() {
        LogNode root = tree.get();
        String t = tenantShown;
        return root == null || t == null ? root
                : root.filtered(n -> n.kind() == LogNode.Kind.FILE && (n.tenant() == null || n.tenant().equals(t)));
    }

    private void applyTreeFilter() {
        LogNode root = tenantTree();
        String f = treeFilter.get() == null ? "" : treeFilter.get().trim().toLowerCase(java.util.Locale.ROOT);
        shownTree.set(root == null || f.isEmpty() ? root
                : root.filtered(n -> n.name().toLowerCase(java.util.Locale.ROOT).contains(f)));
    }

    private static String describe(LogNode root) {
        if (root == null) {
            return "";
        }
        return String.format("%,d logs · %s", root.files().size(), io.tidemark.core.ByteSize.format(root.sizeBytes()));
    }

    // ------------------------------------------------------------------------------------------------ viewer

    /** Opens {@code node} (a file): the first screen at once, the line index then built in the background. */
    public void open(LogNode node) {
        if (node == null || node.kind() != LogNode.Kind.FILE) {
            return;
        }
        closeViews();
        int gen = ++generation;
        fileNode = node;
        title.set(label(node.path()));
        status.set("Opening…");
        Path cache = LogCatalog.cacheDir(folders);
        tasks.submit(null, (progress, cancel) -> {
            OpenLog log = OpenLog.open(node.path(), cache, progress, cancel);
            log.charset(charset);
            List<LogLine> first = log.lines(0, PAGE);
            return new Object[] {log, first};
        }, result -> {
            OpenLog log = (OpenLog) result[0];
            if (gen != generation) {
                close(log);
                return;
            }
            file = log;
            @SuppressWarnings("unchecked")
            List<LogLine> first = (List<LogLine>) result[1];
            pages.put(0, first.stream().map(l -> new Row(null, l)).toArray(Row[]::new));
            fileLines = first.size();
            mode.set(Mode.FILE);
            setRows(first.size());
            status.set(String.format("%s · %s · indexing lines…", io.tidemark.core.ByteSize.format(log.sizeBytes()), log.format()));
            index(log, gen);
        }, this::failed);
    }

    private void index(OpenLog log, int gen) {
        tasks.submit("Indexing " + title.get(), (progress, cancel) -> {
            log.buildIndex(progress, cancel);
            return log.lineCount();
        }, lines -> {
            if (gen != generation) {
                return;
            }
            fileLines = lines;
            pages.clear();
            if (mode.get() == Mode.FILE) {
                setRows((int) Math.min(Integer.MAX_VALUE - 1, lines));
            }
            status.set(String.format("%,d lines · %s · %s", lines, io.tidemark.core.ByteSize.format(log.sizeBytes()), log.format()));
        }, this::failed);
    }

    /** Row {@code row} if it is at hand; otherwise null, and its page is fetched (the viewer redraws when it arrives). */
    public Row row(int row) {
        if (row < 0 || row >= rowCount.get()) {
            return null;
        }
        int page = row / PAGE;
        Row[] rows = pages.get(page);
        if (rows == null) {
            fetch(page);
            rows = pages.get(page); // a current-thread executor has fetched it already
        }
        return rows == null || row % PAGE >= rows.length ? null : rows[row % PAGE];
    }

    private void fetch(int page) {
        if (!loading.add(page)) {
            return;
        }
        int gen = generation;
        Mode m = mode.get();
        int from = page * PAGE;
        int to = Math.min(rowCount.get(), from + PAGE);
        OpenLog f = file;
        long[] numbers = filtered;
        LogTimeline timeline = merged;
        List<TraceLine> traced = trace;
        tasks.submit(null, (progress, cancel) -> {
            Row[] rows = new Row[Math.max(0, to - from)];
            switch (m) {
                case FILE -> {
                    List<LogLine> lines = f.lines(from, to - from);
                    for (int i = 0; i < lines.size(); i++) {
                        rows[i] = new Row(null, lines.get(i));
                    }
                }
                case FILTERED -> {
                    for (int i = from; i < to; i++) {
                        rows[i - from] = new Row(null, f.line(numbers[i]));
                    }
                }
                case MERGED -> {
                    for (int i = from; i < to; i++) {
                        rows[i - from] = new Row(timeline.logOf(i).path().getFileName().toString(), timeline.line(i));
                    }
                }
                case TRACE -> {
                    for (int i = from; i < to; i++) {
                        rows[i - from] = new Row(traced.get(i).label(), traced.get(i).line());
                    }
                }
            }
            return rows;
        }, rows -> {
            loading.remove(page);
            if (gen == generation && m == mode.get()) {
                pages.put(page, rows);
                revision.set(revision.get() + 1);
            }
        }, e -> loading.remove(page));
    }

    private void setRows(int count) {
        pages.keySet().removeIf(p -> (long) p * PAGE >= count);
        loading.clear();
        rowCount.set(count);
        revision.set(revision.get() + 1);
    }

    /** Reads the open file's bytes as {@code charset} from now on (and files opened later). */
    public void encoding(java.nio.charset.Charset charset) {
        this.charset = charset;
        if (file != null) {
            file.charset(charset);
            pages.clear();
            loading.clear();
            revision.set(revision.get() + 1);
        }
    }

    private java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;

    /** Back to the whole open file. */
    public void showWholeFile() {
        if (file == null) {
            return;
        }
        generation++;
        filtered = null;
        merged = null;
        trace = List.of();
        pages.clear();
        mode.set(Mode.FILE);
        title.set(label(fileNode.path()));
        setRows((int) fileLines);
        status.set(String.format("%,d lines", fileLines));
    }

    /** Shows only the open file's records at {@code level} or above within [since, until) (epoch ms, null: open). */
    public void filter(LogLevel level, Long since, Long until) {
        if (file == null) {
            return;
        }
        if (level == null && since == null && until == null) {
            showWholeFile();
            return;
        }
        OpenLog f = file;
        int gen = ++generation;
        LogQuery query = new LogQuery(null, false, false, level, since, until);
        tasks.submit("Filtering " + title.get(), (progress, cancel) -> {
            f.buildIndex(progress, cancel);
            return f.lineNumbers(query, Integer.MAX_VALUE - 16, cancel);
        }, numbers -> {
            if (gen != generation) {
                return;
            }
            filtered = numbers;
            pages.clear();
            mode.set(Mode.FILTERED);
            setRows(numbers.length);
            status.set(String.format("%,d of %,d lines%s%s", numbers.length, fileLines,
                    level == null ? "" : " · " + level.label() + " and above", since != null || until != null ? " · in the time range" : ""));
        }, this::failed);
    }

    /** Scrolls to the first line at or after {@code epochMillis} (a file's timestamps are taken as ascending). */
    public void jumpTo(long epochMillis) {
        OpenLog f = file;
        if (f == null) {
            return;
        }
        if (mode.get() != Mode.FILE) {
            showWholeFile();
        }
        tasks.submit(null, (progress, cancel) -> {
            f.buildIndex(progress, cancel);
            return f.firstLineAtOrAfter(epochMillis);
        }, line -> scrollTo.set((int) Math.min(line, rowCount.get() - 1L)), this::failed);
    }

    // ------------------------------------------------------------------------------------------------ search

    /** The scopes a search can cover, for the open file. */
    public enum Scope {
        FILE("This file"), FAMILY("Its family or job"), TENANT("Its tenant"), ALL("All logs");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Searches the scope; the results list groups matches by file; next/previous walk the open file's matches. */
    public void search(String pattern, boolean regex, boolean ignoreCase, Scope scope) {
        if (pattern == null || pattern.isEmpty()) {
            return;
        }
        LogQuery query;
        try {
            query = new LogQuery(pattern, regex, ignoreCase, null, null, null);
        } catch (TidemarkException e) {
            searchSummary.set(e.getMessage());
            return;
        }
        List<LogNode> files = scopeFiles(scope);
        if (files.isEmpty()) {
            searchSummary.set("Open a log first.");
            return;
        }
        highlight = pattern;
        highlightRegex = regex;
        highlightIgnoreCase = ignoreCase;
        revision.set(revision.get() + 1);
        if (search != null) {
            search.cancel();
        }
        LogCatalog c = catalog;
        Path cache = LogCatalog.cacheDir(folders);
        searchSummary.set("Searching " + files.size() + (files.size() == 1 ? " log…" : " logs…"));
        Path open = fileNode == null ? null : fileNode.path();
        search = tasks.submit("Searching for " + pattern, (progress, cancel) ->
                SearchLogs.search(c, files, query, HITS_PER_FILE, false, cache, progress, cancel), result -> {
                    showResults(result, open);
                }, e -> {
                    if (e instanceof Cancellation.CancelledException) {
                        searchSummary.set("Search cancelled.");
                    } else {
                        failed(e);
                    }
                });
    }

    /** Stops the running search. */
    public void cancelSearch() {
        if (search != null) {
            search.cancel();
        }
    }

    private void showResults(SearchResult result, Path open) {
        List<ResultEntry> entries = new ArrayList<>();
        fileHits = new long[0];
        for (FileHits f : result.files()) {
            entries.add(new ResultEntry(f.file(), f.label(), f.count(), null));
            for (LogLine line : f.hits()) {
                entries.add(new ResultEntry(f.file(), f.label(), f.count(), line));
            }
            if (f.file().equals(open)) {
                fileHits = f.hits().stream().mapToLong(LogLine::number).toArray();
            }
        }
        results.setAll(entries);
        searchSummary.set(String.format("%,d matching lines in %d of %d logs%s", result.total(), result.files().size(), result.searched(),
                result.problems().isEmpty() ? "" : " · " + result.problems().size() + " could not be read"));
    }

    private List<LogNode> scopeFiles(Scope scope) {
        LogNode root = scope == Scope.ALL ? tenantTree() : tree.get();
        if (scope == Scope.ALL) {
            return root == null ? List.of() : root.files();
        }
        if (fileNode == null) {
            return List.of();
        }
        if (scope == Scope.FILE || root == null) {
            return List.of(fileNode);
        }
        LogNode holder = scope == Scope.TENANT && fileNode.tenant() != null
                ? root.find(LogNode.Kind.TENANT, fileNode.tenant()) : parentOf(root, fileNode);
        return holder == null ? List.of(fileNode) : holder.files();
    }

    /** The family or job that holds {@code file} in the tree. */
    LogNode parentOf(LogNode node, LogNode file) {
        for (LogNode c : node.children()) {
            if (c.kind() == LogNode.Kind.FILE && c.path().equals(file.path())) {
                return node;
            }
            LogNode found = parentOf(c, file);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The row of the next (or previous) match in the open file after {@code fromRow}, or -1. */
    public int nextHit(int fromRow, boolean forward) {
        if (fileHits.length == 0 || mode.get() != Mode.FILE) {
            return -1;
        }
        int i = java.util.Arrays.binarySearch(fileHits, fromRow);
        int next;
        if (forward) {
            next = i >= 0 ? i + 1 : -i - 1;
            if (next >= fileHits.length) {
                next = 0;
            }
        } else {
            next = i >= 0 ? i - 1 : -i - 2;
            if (next < 0) {
                next = fileHits.length - 1;
            }
        }
        int row = (int) fileHits[next];
        scrollTo.set(-1);
        scrollTo.set(row);
        return row;
    }

    /** Opens a result's file (unless open) and scrolls to its line. */
    public void openResult(ResultEntry entry) {
        if (entry == null) {
            return;
        }
        long line = entry.line() == null ? 0 : entry.line().number();
        if (fileNode != null && fileNode.path().equals(entry.file()) && mode.get() == Mode.FILE) {
            scrollTo.set(-1);
            scrollTo.set((int) line);
            return;
        }
        LogNode node = tree.get() == null ? null : tree.get().fileAt(entry.file());
        open(node != null ? node : LogNode.file(entry.label(), entry.file(), 0, null, null));
        pendingScroll = (int) line;
    }

    private int pendingScroll = -1;

    // ------------------------------------------------------------------------------------------------ merge, trace, follow

    /** Shows {@code files} (a family, a job, or files picked in the tree) as one timeline ordered by time. */
    public void merge(List<LogNode> files, String name) {
        List<LogNode> chosen = files.stream().filter(n -> n.kind() == LogNode.Kind.FILE).toList();
        if (chosen.isEmpty()) {
            return;
        }
        int gen = ++generation;
        Path cache = LogCatalog.cacheDir(folders);
        tasks.submit("Merging " + name, (progress, cancel) -> {
            List<OpenLog> logs = new ArrayList<>();
            try {
                for (LogNode n : chosen) {
                    OpenLog log = OpenLog.open(n.path(), cache, Progress.NONE, cancel);
                    logs.add(log);
                    log.buildIndex(Progress.NONE, cancel);
                }
                return LogTimeline.merge(logs, 4_000_000, cancel);
            } catch (RuntimeException e) {
                logs.forEach(LogsViewModel::close);
                throw e;
            }
        }, timeline -> {
            if (gen != generation) {
                timeline.logs().forEach(LogsViewModel::close);
                return;
            }
            mergedFiles.forEach(LogsViewModel::close);
            mergedFiles = timeline.logs();
            merged = timeline;
            pages.clear();
            mode.set(Mode.MERGED);
            title.set("Merged: " + name);
            setRows(timeline.size());
            status.set(String.format("%,d lines from %d logs, by time", timeline.size(), timeline.logs().size()));
        }, this::failed);
    }

    /** Merges the family (or job) of the open file. */
    public void mergeFamily() {
        if (fileNode == null || tree.get() == null) {
            return;
        }
        LogNode family = parentOf(tree.get(), fileNode);
        if (family != null) {
            merge(family.files(), family.name());
        }
    }

    /** The request IDs in a row's text. */
    public List<String> requestIds(Row row) {
        return row == null || row.line() == null ? List.of() : RequestIds.in(row.line().text());
    }

    /** Shows every line that carries {@code requestId} in the scope, in time order. */
    public void trace(String requestId, Scope scope) {
        List<LogNode> files = scopeFiles(scope == Scope.FILE ? Scope.ALL : scope);
        LogCatalog c = catalog;
        if (c == null || files.isEmpty() || requestId == null || requestId.isBlank()) {
            return;
        }
        int gen = ++generation;
        Path cache = LogCatalog.cacheDir(folders);
        tasks.submit("Tracing request " + requestId, (progress, cancel) ->
                SearchLogs.trace(c, files, requestId, 100_000, cache, progress, cancel), lines -> {
                    if (gen != generation) {
                        return;
                    }
                    trace = lines;
                    pages.clear();
                    mode.set(Mode.TRACE);
                    title.set("Request " + requestId);
                    highlight = requestId;
                    highlightRegex = false;
                    highlightIgnoreCase = false;
                    setRows(lines.size());
                    status.set(String.format("%,d lines in %d logs carry %s", lines.size(),
                            lines.stream().map(TraceLine::file).distinct().count(), requestId));
                }, this::failed);
    }

    /** Turns following the open file on or off. */
    public void follow(boolean on) {
        following.set(on && file != null);
        if (following.get() && mode.get() != Mode.FILE) {
            showWholeFile();
        }
        if (following.get()) {
            scrollTo.set(-1);
            scrollTo.set(rowCount.get() - 1);
        }
    }

    /** One poll of the followed file: new lines are shown, a rotated or truncated file is opened again. */
    public void followTick() {
        OpenLog f = file;
        if (!following.get() || f == null || mode.get() != Mode.FILE || followInFlight) {
            return; // a slow share: the next tick waits for this one instead of piling up
        }
        int gen = generation;
        followInFlight = true;
        tasks.submit(null, (progress, cancel) -> {
            FileChange change = f.refresh();
            return new Object[] {change, f.lineCount()};
        }, r -> {
            followInFlight = false;
            if (gen != generation) {
                return;
            }
            FileChange change = (FileChange) r[0];
            if (change == FileChange.GREW) {
                fileLines = (Long) r[1];
                int last = (rowCount.get() - 1) / PAGE;
                pages.remove(last);
                setRows((int) fileLines);
                scrollTo.set(-1);
                scrollTo.set(rowCount.get() - 1);
                status.set(String.format("%,d lines · following", fileLines));
            } else if (change == FileChange.REPLACED) {
                LogNode node = fileNode;
                open(node);
                following.set(true);
                pendingScroll = Integer.MAX_VALUE;
                status.set("The log was rotated or truncated: following the new file");
            }
        }, e -> followInFlight = false);
    }

    // ------------------------------------------------------------------------------------------------ copy, save

    /** The text of {@code rows} (at most 100,000), fetched in the background, handed to {@code done}. */
    public void copy(List<Integer> rows, java.util.function.Consumer<String> done) {
        List<Integer> chosen = rows.stream().sorted().limit(100_000).toList();
        tasks.submit(null, (progress, cancel) -> {
            StringBuilder text = new StringBuilder();
            for (int r : chosen) {
                Row row = rowNow(r);
                if (row != null && row.line() != null) {
                    text.append(row.source() == null ? "" : row.source() + ": ").append(row.line().text()).append('\n');
                }
            }
            return text.toString();
        }, done, this::failed);
    }

    /** Writes what the viewer shows (the file, the filtered lines, the timeline or the trace) to {@code target}. */
    public void save(Path target) {
        int count = rowCount.get();
        tasks.submit("Saving " + target.getFileName(), (progress, cancel) -> {
            try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                for (int r = 0; r < count; r++) {
                    Row row = rowNow(r);
                    if (row != null && row.line() != null) {
                        out.write(row.source() == null ? "" : row.source() + ": ");
                        out.write(row.line().text());
                        out.write('\n');
                    }
                    if ((r & 0xFFF) == 0) {
                        cancel.checkpoint();
                        progress.report((double) r / count, "Saving");
                    }
                }
            }
            return count;
        }, n -> status.set(String.format("Saved %,d lines to %s", n, target)), this::failed);
    }

    /** A row read now, off the FX thread (copy and save). */
    private Row rowNow(int r) {
        return switch (mode.get()) {
            case FILE -> new Row(null, file.line(r));
            case FILTERED -> new Row(null, file.line(filtered[r]));
            case MERGED -> new Row(merged.logOf(r).path().getFileName().toString(), merged.line(r));
            case TRACE -> new Row(trace.get(r).label(), trace.get(r).line());
        };
    }

    /** The whole of a long line, piece by piece: {@code length} bytes from {@code offset}. */
    public void readPiece(Row row, long offset, int length, java.util.function.Consumer<String> done) {
        OpenLog f = file;
        if (row == null || row.line() == null || f == null || mode.get() == Mode.MERGED || mode.get() == Mode.TRACE) {
            return;
        }
        tasks.submit(null, (progress, cancel) -> f.slice(row.line().number(), offset, length), done, this::failed);
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private void closeViews() {
        generation++;
        following.set(false);
        if (file != null) {
            close(file);
            file = null;
        }
        mergedFiles.forEach(LogsViewModel::close);
        mergedFiles = List.of();
        merged = null;
        filtered = null;
        trace = List.of();
        fileNode = null;
        fileLines = 0;
        pages.clear();
        loading.clear();
        mode.set(Mode.FILE);
        rowCount.set(0);
        title.set("Choose a log in the tree");
        revision.set(revision.get() + 1);
    }

    /** Called by the view once rows are shown, to honour a scroll asked for before they were. */
    public void rowsShown() {
        if (pendingScroll >= 0 && rowCount.get() > 0) {
            int row = Math.min(pendingScroll, rowCount.get() - 1);
            pendingScroll = -1;
            scrollTo.set(-1);
            scrollTo.set(row);
        }
    }

    private static void close(OpenLog log) {
        try {
            log.close();
        } catch (IOException e) {
            // closing a read-only mapping: nothing was written, nothing to lose
        }
    }

    private void failed(Throwable e) {
        status.set(e instanceof TidemarkException ? e.getMessage() : "Failed: " + e);
    }

    private String label(Path path) {
        return catalog == null ? path.getFileName().toString() : catalog.label(path);
    }

    /** The text being searched for, to highlight; null when none. */
    public String highlight() {
        return highlight;
    }

    public boolean highlightRegex() {
        return highlightRegex;
    }

    public boolean highlightIgnoreCase() {
        return highlightIgnoreCase;
    }

    public ReadOnlyObjectProperty<LogNode> treeProperty() {
        return shownTree.getReadOnlyProperty();
    }

    public StringProperty treeFilterProperty() {
        return treeFilter;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    /** Bumped whenever rows already shown may have changed (a page arrived, a highlight changed). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The row the viewer should scroll to and select (-1: none). */
    public ReadOnlyIntegerProperty scrollToProperty() {
        return scrollTo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty searchSummaryProperty() {
        return searchSummary.getReadOnlyProperty();
    }

    public ObservableList<ResultEntry> results() {
        return results;
    }

    /** The open file's tree entry, or null. */
    public LogNode openFile() {
        return fileNode;
    }

    /** Lines of the open file known now. */
    public long fileLines() {
        return fileLines;
    }
}
