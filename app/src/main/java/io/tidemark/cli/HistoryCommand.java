package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.HistoryQuery;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

/** {@code tidemark history}: what Tidemark did, when, by whom, on which platform, and how it ended. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Lists what Tidemark did (purges, archives, restores, expiries, vacuums, tenant cleanups), newest first: "
                + "when, who (OS user and database role), on which platform, the counts, the duration and the outcome.",
                "With an ID, prints that action whole, with its exact plan and result.",
                "The history is history.sqlite in the data folder, or the file TIDEMARK_HISTORY names (share one file "
                        + "between the window and a nightly job run by another account)."})
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec command;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "One action to print whole.")
    Long id;

    @Option(names = "--since", paramLabel = "DATE|DAYS",
            description = "Only actions started on or after this day (YYYY-MM-DD), or in the last DAYS days (7d).")
    String since;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind: purge, archive-export, archive-restore, "
            + "archive-expire, vacuum, vacuum-full, analyze, reindex, tenant-cleanup, snapshot.")
    String kind;

    @Option(names = "--limit", paramLabel = "N", description = "At most N actions (default: all).")
    int limit;

    @Option(names = "--platform-records", description = "Also list the platform's own records (its tenant cleanup history "
            + "and worker job runs; needs --db or --connection).")
    boolean platformRecords;

    @Option(names = "--json", description = "Print JSON (fields documented in docs/history-json.md).")
    boolean json;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        HistoryStore store = HistoryStore.open(UserFolders.current());
        PrintWriter out = command.commandLine().getOut();
        if (id != null) {
            HistoryEntry entry = store.get(id).orElseThrow(() -> new TidemarkException("The history has no action " + id
                    + " (" + store.file() + ")."));
            if (json) {
                out.println(ConfigMapper.json().writeValueAsString(asJson(entry)));
            } else {
                printWhole(out, entry);
            }
            out.flush();
            return ExitCode.OK;
        }
        String platform = connection.given() ? PlatformSession.keyOf(connection.spec()) : null;
        List<HistoryEntry> entries = store.list(new HistoryQuery(platform, kind, sinceInstant(), limit));
        if (platformRecords) {
            if (!connection.given()) {
                throw new TidemarkException("--platform-records reads the platform's database: give --db URL|FILE or --connection NAME.");
            }
            List<io.tidemark.core.history.PlatformRecord> records;
            try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
                records = io.tidemark.actions.history.ReadHistory.platformRecords(session, sinceInstant(), limit > 0 ? limit : 200);
            }
            if (json) {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("actions", entries.stream().map(HistoryCommand::asJson).toList());
                both.put("platform_records", records.stream().map(HistoryCommand::asJson).toList());
                out.println(ConfigMapper.json().writeValueAsString(both));
                out.flush();
                return ExitCode.OK;
            }
            printActions(out, entries, platform, store);
            out.println();
            out.printf("%-15s %-19s %9s  %-20s %-10s %12s  %s%n", "Platform record", "Started", "Took", "Tenant", "Status", "Rows", "What");
            for (io.tidemark.core.history.PlatformRecord r : records) {
                out.printf("%-15s %-19s %9s  %-20s %-10s %12s  %s%n", r.source(), r.started() == null ? "?" : LOCAL.format(r.started()),
                        r.started() == null || r.finished() == null ? "-" : took(Duration.between(r.started(), r.finished())),
                        clip(r.tenant(), 20), clip(r.status(), 10), r.rows() < 0 ? "" : String.format("%,d", r.rows()),
                        r.what() == null ? "" : clip(r.what(), 80));
            }
            out.flush();
            return ExitCode.OK;
        }
        if (json) {
            out.println(ConfigMapper.json().writeValueAsString(entries.stream().map(HistoryCommand::asJson).toList()));
        } else {
            printActions(out, entries, platform, store);
        }
        out.flush();
        return ExitCode.OK;
    }

    private void printActions(PrintWriter out, List<HistoryEntry> entries, String platform, HistoryStore store) {
        if (entries.isEmpty()) {
            out.println("No action recorded" + (platform != null || kind != null || since != null ? " that matches" : "")
                    + " in " + store.file() + ".");
        } else {
            out.printf("%6s  %-19s %9s  %-15s %-11s %-22s %-18s %s%n", "ID", "Started", "Took", "Kind", "Outcome", "Platform", "Who", "Subject");
            for (HistoryEntry e : entries) {
                out.printf("%6d  %-19s %9s  %-15s %-11s %-22s %-18s %s%n", e.id(), LOCAL.format(e.started()), took(e.duration()),
                        e.kind(), e.outcome().name().toLowerCase(java.util.Locale.ROOT), clip(e.platformTitle(), 22),
                        clip(who(e), 18), e.subject() == null ? "" : e.subject());
            }
        }
    }

    private Instant sinceInstant() {
        if (since == null) {
            return null;
        }
        String text = since.trim();
        if (text.matches("\\d+d")) {
            return Instant.now().minus(Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1))));
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new TidemarkException("--since takes a day (2026-11-01) or a number of days (7d), not '" + since + "'.");
        }
    }

    private static void printWhole(PrintWriter out, HistoryEntry e) {
        out.printf("Action     %d · %s · %s%n", e.id(), e.kind(), e.outcome().name().toLowerCase(java.util.Locale.ROOT));
        out.printf("Platform   %s (%s)%n", e.platformTitle(), e.platformKey());
        out.printf("Who        %s%n", who(e));
        out.printf("Started    %s%n", LOCAL.format(e.started()));
        out.printf("Ended      %s%n", e.finished() == null ? "not yet" : LOCAL.format(e.finished()) + " (took " + took(e.duration()) + ")");
        if (e.subject() != null) {
            out.printf("Subject    %s%n", e.subject());
        }
        if (e.message() != null) {
            out.printf("Message    %s%n", e.message());
        }
        out.printf("Plan       %s%n", e.planJson() == null ? "none" : e.planJson());
        out.printf("Result     %s%n", e.resultJson() == null ? "none" : e.resultJson());
    }

    private static Map<String, Object> asJson(io.tidemark.core.history.PlatformRecord r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", r.source());
        json.put("tenant", r.tenant());
        json.put("what", r.what());
        json.put("started", r.started() == null ? null : r.started().toString());
        json.put("finished", r.finished() == null ? null : r.finished().toString());
        json.put("status", r.status());
        json.put("rows", r.rows() < 0 ? null : r.rows());
        return json;
    }

    private static Map<String, Object> asJson(HistoryEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("kind", e.kind());
        json.put("outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT));
        json.put("platform_key", e.platformKey());
        json.put("platform_title", e.platformTitle());
        json.put("os_user", e.osUser());
        json.put("host", e.host());
        json.put("db_role", e.dbRole());
        json.put("subject", e.subject());
        json.put("started", e.started().toString());
        json.put("finished", e.finished() == null ? null : e.finished().toString());
        json.put("duration_ms", e.duration() == null ? null : e.duration().toMillis());
        json.put("plan", rawJson(e.planJson()));
        json.put("result", rawJson(e.resultJson()));
        json.put("message", e.message());
        return json;
    }

    private static Object rawJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ConfigMapper.json().readTree(text);
        } catch (Exception notJson) {
            return text; // an action recorded a plain sentence: keep it as a string
        }
    }

    private static String who(HistoryEntry e) {
        return e.osUser() + "@" + e.host() + (e.dbRole() == null ? "" : " as " + e.dbRole());
    }

    private static String took(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = d.toSeconds();
        return s < 60 ? String.format("%.1f s", d.toMillis() / 1000.0) : s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
                : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static String clip(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
