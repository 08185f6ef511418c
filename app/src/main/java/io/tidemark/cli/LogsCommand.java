package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.logs.LogCatalog;
import io.tidemark.actions.logs.SearchLogs;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.ProfileCatalog;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.logs.FileHits;
import io.tidemark.core.logs.LineMeta;
import io.tidemark.core.logs.LogLevel;
import io.tidemark.core.logs.LogLine;
import io.tidemark.core.logs.LogNode;
import io.tidemark.core.logs.LogQuery;
import io.tidemark.core.logs.SearchResult;
import io.tidemark.core.logs.TraceLine;
import io.tidemark.actions.logs.LogTail;
import io.tidemark.actions.logs.OpenLog;
import io.tidemark.core.logs.TailPoll;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tidemark logs}: the platform's logs: list them, show one, search them, follow one. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Lists, shows, searches and follows every log of the platform: service logs by rotation family, "
                + "tenants' job logs per day and run logs.",
                "Give --data-dir (and --profile); with --db too, tenants' path settings are read from the database."},
        subcommands = {LogsCommand.ListLogs.class, LogsCommand.Show.class, LogsCommand.Search.class, LogsCommand.Follow.class})
final class LogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        command.commandLine().usage(command.commandLine().getOut());
        return ExitCode.USAGE;
    }

    /** The catalog of the platform the options name: with --db through the database, else from DATA_DIR alone. */
    static LogCatalog catalog(ConnectionOptions connection) {
        if (connection.given()) {
            try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
                return LogCatalog.of(session);
            }
        }
        if (connection.dataDir == null) {
            throw new TidemarkException("Say where the logs are: --data-dir DIR (with --profile NAME), or --db with --data-dir.");
        }
        return LogCatalog.of(Path.of(connection.dataDir), ProfileCatalog.load(connection.profile == null ? "integramon" : connection.profile));
    }

    static Path cacheDir() {
        return LogCatalog.cacheDir(UserFolders.current());
    }

    /** {@code 2026-11-20}, {@code 2026-11-20 03:00[:00]} or {@code 2026-11-20T03:00:00Z}; UTC unless a zone is given. */
    static Long time(String text, String option) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(t.replace(' ', 'T')).toInstant().toEpochMilli();
            }
            String local = t.replace(' ', 'T');
            return LocalDateTime.parse(local.length() == 16 ? local + ":00" : local).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new TidemarkException(option + " '" + text + "' is not a time: write 2026-11-20, 2026-11-20 03:00 or 2026-11-20T03:00:00Z.");
        }
    }

    static Map<String, Object> lineJson(LogLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", line.number() + 1);
        LineMeta meta = line.meta();
        json.put("time", meta != null && meta.hasTime() ? Instant.ofEpochMilli(meta.epochMillis()).toString() : null);
        json.put("level", meta != null && meta.level() != null ? meta.level().label() : null);
        json.put("text", line.text());
        if (line.cut()) {
            json.put("line_bytes", line.byteLength());
        }
        return json;
    }

    /** {@code logs list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the logs: service log families, then per tenant its jobs' day files and its runs, with sizes and dates.")
    static final class ListLogs implements Callable<Integer> {
        @Spec
        CommandSpec command;
        @Mixin
        ConnectionOptions connection;
        @Option(names = "--tenant", paramLabel = "T", description = "Only this tenant's logs.")
        String tenant;
        @Option(names = "--json", description = "Print the tree as JSON (documented in docs/logs-json.md).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            LogCatalog catalog = catalog(connection);
            LogNode tree = catalog.tree();
            LogNode shown = tenant == null ? tree : catalog.tenant(tree, tenant);
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("data_dir", catalog.dataDir().toString());
                root.put("tree", nodeJson(catalog, shown));
                out.println(ConfigMapper.json().writeValueAsString(root));
            } else {
                print(out, catalog, shown, "");
            }
            out.flush();
            return ExitCode.OK;
        }

        private static Map<String, Object> nodeJson(LogCatalog catalog, LogNode node) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", node.kind().name().toLowerCase(java.util.Locale.ROOT));
            json.put("name", node.name());
            if (node.path() != null) {
                json.put("path", catalog.label(node.path()));
            }
            if (node.tenant() != null) {
                json.put("tenant", node.tenant());
            }
            json.put("size_bytes", node.sizeBytes());
            json.put("modified", node.modified() == null ? null : node.modified().toString());
            if (node.kind() != LogNode.Kind.FILE) {
                List<Object> children = new ArrayList<>();
                node.children().forEach(c -> children.add(nodeJson(catalog, c)));
                json.put("children", children);
            }
            return json;
        }

        private static void print(PrintWriter out, LogCatalog catalog, LogNode node, String indent) {
            String when = node.modified() == null ? "" : node.modified().toString().replace('T', ' ').substring(0, 16);
            String name = node.kind() == LogNode.Kind.FILE ? catalog.label(node.path()) : node.name();
            out.printf("%-70s %10s  %s%n", indent + name, ByteSize.format(node.sizeBytes()), when);
            for (LogNode c : node.children()) {
                print(out, catalog, c, indent + "  ");
            }
        }
    }

    /** {@code logs show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints lines of one log with their numbers (a .gz is read in place).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec command;
        @Mixin
        ConnectionOptions connection;
        @Parameters(paramLabel = "FILE", description = "The log, relative to DATA_DIR (or absolute inside it).")
        String file;
        @Option(names = "--from", paramLabel = "N", description = "First line to print (1 is the first; negative counts from the end).", defaultValue = "1")
        long from;
        @Option(names = "--lines", paramLabel = "N", description = "How many lines (default ${DEFAULT-VALUE}).", defaultValue = "50")
        int lines;

        @Override
        public Integer call() throws IOException {
            LogCatalog catalog = catalog(connection);
            Path path = catalog.resolveFile(catalog.tree(), file);
            PrintWriter out = command.commandLine().getOut();
            try (OpenLog log = OpenLog.open(path, cacheDir(), Progress.NONE, new Cancellation())) {
                long first = from - 1;
                if (from <= 0) {
                    log.buildIndex(Progress.NONE, new Cancellation());
                    first = Math.max(0, log.lineCount() + from);
                }
                for (LogLine line : log.lines(first, lines)) {
                    out.printf("%8d  %s%s%n", line.number() + 1, line.text(), line.cut() ? " … (" + ByteSize.format(line.byteLength()) + " line)" : "");
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    /** {@code logs search}. */
    @Command(name = "search", mixinStandardHelpOptions = true, description = {"Searches logs for a text or regex; counts match grep -c (matching lines).",
        "With --request-id, prints every line that carries the ID across the scope, in time order."})
    static final class Search implements Callable<Integer> {
        @Spec
        CommandSpec command;
        @Mixin
        ConnectionOptions connection;
        @Parameters(paramLabel = "PATTERN", arity = "0..1", description = "The text (or regex with --regex) to find.")
        String pattern;
        @Option(names = "--regex", description = "PATTERN is a regular expression (java.util.regex; POSIX classes such as [[:digit:]] work).")
        boolean regex;
        @Option(names = {"-i", "--ignore-case"}, description = "Ignore case.")
        boolean ignoreCase;
        @Option(names = "--level", paramLabel = "L", description = "Only records at this level or above: debug, info, warning, error, critical.")
        String level;
        @Option(names = "--since", paramLabel = "T", description = "Only records at or after T (2026-11-20, 2026-11-20 03:00, ISO-8601; UTC).")
        String since;
        @Option(names = "--until", paramLabel = "T", description = "Only records before T.")
        String until;
        @Option(names = "--request-id", paramLabel = "ID", description = "Trace this request ID (UUID or X-Request-ID value) across the scope.")
        String requestId;
        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "all", description = "all (default), tenant:T, family:NAME or file:PATH.")
        String scope;
        @Option(names = "--count", description = "Print only the number of matching lines per file and in all.")
        boolean count;
        @Option(names = "--max-lines", paramLabel = "N", defaultValue = "200", description = "Lines printed per file (default ${DEFAULT-VALUE}).")
        int maxLines;
        @Option(names = "--json", description = "Print the result as JSON (documented in docs/logs-json.md).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            LogCatalog catalog = catalog(connection);
            LogNode tree = catalog.tree();
            List<LogNode> files = catalog.scope(tree, scope);
            PrintWriter out = command.commandLine().getOut();
            TerminalProgress progress = new TerminalProgress(command.commandLine().getErr(), !json);
            if (requestId != null) {
                List<TraceLine> trace = SearchLogs.trace(catalog, files, requestId, Math.max(maxLines, 1000), cacheDir(), progress, new Cancellation());
                if (json) {
                    List<Object> lines = new ArrayList<>();
                    for (TraceLine t : trace) {
                        Map<String, Object> j = lineJson(t.line());
                        j.put("path", t.label());
                        lines.add(j);
                    }
                    Map<String, Object> root = new LinkedHashMap<>();
                    root.put("request_id", requestId);
                    root.put("lines", lines);
                    out.println(ConfigMapper.json().writeValueAsString(root));
                } else {
                    for (TraceLine t : trace) {
                        out.printf("%s:%d: %s%n", t.label(), t.line().number() + 1, t.line().text());
                    }
                }
                out.flush();
                return trace.isEmpty() ? ExitCode.FAILED : ExitCode.OK;
            }
            if ((pattern == null || pattern.isEmpty()) && level == null && since == null && until == null) {
                throw new TidemarkException("Say what to find: a PATTERN, --level, --since/--until or --request-id.");
            }
            LogQuery query = new LogQuery(pattern, regex, ignoreCase, level == null ? null : LogLevel.parse(level),
                    time(since, "--since"), time(until, "--until"));
            SearchResult result = SearchLogs.search(catalog, files, query, maxLines, count, cacheDir(), progress, new Cancellation());
            if (json) {
                out.println(ConfigMapper.json().writeValueAsString(resultJson(query, result, count)));
            } else {
                for (FileHits f : result.files()) {
                    if (count) {
                        out.printf("%s:%d%n", f.label(), f.count());
                    } else {
                        for (LogLine line : f.hits()) {
                            out.printf("%s:%d: %s%n", f.label(), line.number() + 1, line.text());
                        }
                        if (f.count() > f.hits().size()) {
                            out.printf("%s: … %,d more matching lines%n", f.label(), f.count() - f.hits().size());
                        }
                    }
                }
                if (count) {
                    out.printf("total:%d%n", result.total());
                }
                for (String p : result.problems()) {
                    command.commandLine().getErr().println("warning: " + p);
                }
            }
            out.flush();
            return !result.problems().isEmpty() ? ExitCode.PARTIAL : ExitCode.OK;
        }

        private static Map<String, Object> resultJson(LogQuery query, SearchResult result, boolean count) {
            Map<String, Object> root = new LinkedHashMap<>();
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("pattern", query.pattern());
            q.put("regex", query.regex());
            q.put("ignore_case", query.ignoreCase());
            q.put("level", query.minLevel() == null ? null : query.minLevel().label());
            q.put("since", query.since() == null ? null : Instant.ofEpochMilli(query.since()).toString());
            q.put("until", query.until() == null ? null : Instant.ofEpochMilli(query.until()).toString());
            root.put("query", q);
            root.put("files_searched", result.searched());
            root.put("bytes_searched", result.bytes());
            root.put("total", result.total());
            List<Object> files = new ArrayList<>();
            for (FileHits f : result.files()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("path", f.label());
                j.put("count", f.count());
                if (!count) {
                    List<Object> lines = new ArrayList<>();
                    f.hits().forEach(l -> lines.add(lineJson(l)));
                    j.put("lines", lines);
                }
                files.add(j);
            }
            root.put("files", files);
            root.put("problems", result.problems());
            return root;
        }
    }

    /** {@code logs follow}. */
    @Command(name = "follow", mixinStandardHelpOptions = true, description = {"Prints a log's last lines, then new lines as they are written, "
            + "across rotation and truncation (polls the file, which works on network shares too). Stop with Ctrl+C."})
    static final class Follow implements Callable<Integer> {
        @Spec
        CommandSpec command;
        @Mixin
        ConnectionOptions connection;
        @Parameters(paramLabel = "FILE", description = "The log, relative to DATA_DIR.")
        String file;
        @Option(names = "--lines", paramLabel = "N", defaultValue = "10", description = "Last lines printed first (default ${DEFAULT-VALUE}).")
        int lines;
        @Option(names = "--interval", paramLabel = "MS", defaultValue = "500", description = "Milliseconds between polls (default ${DEFAULT-VALUE}).")
        long interval;
        @Option(names = "--polls", paramLabel = "N", hidden = true, defaultValue = "-1", description = "Stop after N polls (for tests).")
        long polls;

        @Override
        public Integer call() throws Exception {
            LogCatalog catalog = catalog(connection);
            Path path = catalog.resolveFile(catalog.tree(), file);
            PrintWriter out = command.commandLine().getOut();
            try (OpenLog log = OpenLog.open(path, cacheDir(), Progress.NONE, new Cancellation())) {
                log.buildIndex(Progress.NONE, new Cancellation());
                for (LogLine line : log.lines(Math.max(0, log.lineCount() - lines), lines)) {
                    out.println(line.text());
                }
            }
            out.flush();
            try (LogTail follower = new LogTail(path)) {
                for (long n = 0; polls < 0 || n < polls; n++) {
                    TailPoll poll = follower.poll();
                    if (poll.event() != TailPoll.Event.NONE) {
                        command.commandLine().getErr().println("tidemark: " + file + " was " + poll.event().name().toLowerCase(java.util.Locale.ROOT)
                                + "; following the new file");
                    }
                    poll.lines().forEach(out::println);
                    out.flush();
                    if (polls < 0 || n + 1 < polls) {
                        Thread.sleep(interval);
                    }
                }
            }
            return ExitCode.OK;
        }
    }
}
