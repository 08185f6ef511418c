package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.purge.ArchiveGate;
import io.tidemark.actions.purge.ArchiveGates;
import io.tidemark.actions.purge.MakePurgePlan;
import io.tidemark.actions.purge.PurgeRequest;
import io.tidemark.actions.purge.RunPurge;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.config.purge.PlanJson;
import io.tidemark.config.purge.PurgeConfigFiles;
import io.tidemark.config.purge.PurgeJournalFile;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.purge.Dependent;
import io.tidemark.core.purge.FileDelete;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeResult;
import io.tidemark.core.purge.RetentionPolicy;
import io.tidemark.core.purge.TableStep;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code tidemark purge}: a drop-in for xivo-purge-db — a plan first, then bounded batches that never block the platform. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Deletes rows older than days_to_keep from every table of the profile (on the xivo profile: cel, queue_log "
                + "and the stat tables, as xivo-purge-db does), and job and run logs past their retention.",
                "Always prints the plan first (rows and bytes per table, files per kind); deletes only with --yes.",
                "Settings: config.yml and conf.d/*.yml of --config (default: the purge folder of Tidemark's settings), merged as "
                        + "xivo-purge-db merges them."},
        footer = {"", "Exit codes: 0 done (or plan printed with --dry-run/--plan-out), 1 failed, 2 usage, 3 refused (not confirmed, "
                + "another platform's plan, read-only role: nothing deleted), 4 interrupted or partly done (resume with --resume)."})
final class PurgeCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-d", "--days_to_keep", "--days-to-keep"}, paramLabel = "N", description = "Keep the last N days (0 deletes every row: needs --confirm-all).")
    Integer days;

    @Option(names = "--dry-run", description = "Print the plan and delete nothing (exit 0).")
    boolean dryRun;

    @Option(names = "--tenant", paramLabel = "NAME", description = "Only this tenant's rows and logs.")
    String tenant;

    @Option(names = "--table", paramLabel = "TABLE", description = "Only this table (repeatable); logs are then left alone.")
    List<String> tables = List.of();

    @Option(names = "--archive-first", description = "Archive and verify before deleting; nothing is deleted where the archive failed.")
    boolean archiveFirst;

    @ArgGroup(exclusive = true)
    PlanSource planSource;

    static final class PlanSource {
        @Option(names = "--plan-out", paramLabel = "FILE", description = "Write the plan as JSON and delete nothing.")
        Path planOut;

        @Option(names = "--plan", paramLabel = "FILE", description = "Execute a saved plan, with its own cutoffs.")
        Path plan;

        @Option(names = "--resume", description = "Resume this platform's interrupted purge, with its own cutoffs.")
        boolean resume;
    }

    @Option(names = "--yes", description = "Delete what the plan shows.")
    boolean yes;

    @Option(names = "--confirm-all", description = "Confirms that days_to_keep 0 deletes every row.")
    boolean confirmAll;

    @Option(names = "--no-vacuum", description = "Skip VACUUM (ANALYZE) of the purged tables (PostgreSQL).")
    boolean noVacuum;

    @Option(names = "--no-files", description = "Leave job and run logs alone.")
    boolean noFiles;

    @Option(names = "--config", paramLabel = "DIR", description = "Folder of config.yml and conf.d/ (e.g. /etc/xivo-purge-db).")
    Path config;

    @Option(names = "--json", description = "Print the plan and the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        UserFolders folders = UserFolders.current();
        PurgeConfigFiles files = new PurgeConfigFiles(config != null ? config : folders.config().resolve("purge"));
        try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
            RetentionPolicy policy = files.policy(session.profile().retention());
            files.warnings().forEach(w -> err.println("tidemark: warning: " + w));
            if (days != null) {
                if (days < 0) {
                    err.println("tidemark: -d must be 0 or more days.");
                    return ExitCode.USAGE;
                }
                policy = policy.withDaysToKeep(days);
            }
            if (noVacuum) {
                policy = policy.withVacuum(false);
            }
            PurgeJournalFile journal = PurgeJournalFile.of(folders);
            PurgePlan plan;
            if (planSource != null && planSource.plan != null) {
                plan = PlanJson.read(planSource.plan);
            } else if (planSource != null && planSource.resume) {
                var unfinished = journal.unfinished(session.key());
                if (unfinished.isEmpty()) {
                    err.println("tidemark: there is no interrupted purge of this platform to resume.");
                    return ExitCode.REFUSED;
                }
                plan = unfinished.get();
            } else {
                journal.unfinished(session.key()).ifPresent(p -> err.println("tidemark: note: the purge planned at "
                        + TIME.format(p.createdAt()) + " was interrupted; --resume finishes it with its own cutoffs."));
                plan = MakePurgePlan.make(session, new PurgeRequest(policy, tenant, tables, archiveFirst, !noFiles, null),
                        new TerminalProgress(err, !json));
            }
            if (!json) {
                print(out, session, plan);
            }
            if (planSource != null && planSource.planOut != null) {
                PlanJson.write(plan, planSource.planOut);
                if (json) {
                    out.println(ConfigMapper.json().writeValueAsString(Map.of("plan", PlanJson.tree(plan), "deleted", false)));
                } else {
                    out.println("Plan written to " + planSource.planOut + "; run it with --plan " + planSource.planOut + " --yes.");
                }
                out.flush();
                return ExitCode.OK;
            }
            if (dryRun || plan.isEmpty()) {
                if (json) {
                    out.println(ConfigMapper.json().writeValueAsString(Map.of("plan", PlanJson.tree(plan), "deleted", false)));
                } else if (plan.isEmpty()) {
                    out.println("Nothing to purge.");
                }
                out.flush();
                return ExitCode.OK;
            }
            if (plan.deletesEverything() && !confirmAll) {
                emitRefusal(out, plan);
                err.println("tidemark: refused: days_to_keep 0 deletes EVERY row of " + String.join(", ", plan.tables())
                        + " in " + plan.database() + "; add --confirm-all if that is what you want.");
                return ExitCode.REFUSED;
            }
            if (!yes) {
                emitRefusal(out, plan);
                err.println("tidemark: nothing deleted: add --yes to purge what the plan shows (or --dry-run to only print it).");
                return ExitCode.REFUSED;
            }
            Cancellation cancellation = new Cancellation();
            PurgeResult result;
            try (CtrlC ignored = CtrlC.cancels(cancellation)) { // Ctrl-C stops after the current batch; the journal allows --resume
                HistoryStore history = HistoryStore.open(folders);
                ArchiveGate gate = plan.archiveFirst() ? ArchiveGates.forPlatform(session, history, new TerminalProgress(err, !json))
                        : ArchiveGate.NONE;
                result = RunPurge.run(session, plan, RunPurge.Options.of(journal, history)
                                .withGate(gate, policy.configuration()), new TerminalProgress(err, !json), cancellation);
            } catch (RunPurge.Refused e) {
                err.println("tidemark: refused: " + e.getMessage());
                return ExitCode.REFUSED;
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("plan", PlanJson.tree(plan));
                doc.put("deleted", true);
                doc.put("result", PlanJson.tree(result));
                out.println(ConfigMapper.json().writeValueAsString(doc));
            } else {
                printResult(out, result);
            }
            out.flush();
            result.problems().forEach(p -> err.println("tidemark: " + p));
            return switch (result.outcome()) {
                case DONE -> ExitCode.OK;
                case REFUSED -> ExitCode.REFUSED;
                case FAILED -> result.rows() > 0 ? ExitCode.PARTIAL : ExitCode.FAILED;
                default -> ExitCode.PARTIAL;
            };
        }
    }

    private void emitRefusal(PrintWriter out, PurgePlan plan) throws Exception {
        if (json) {
            out.println(ConfigMapper.json().writeValueAsString(Map.of("plan", PlanJson.tree(plan), "deleted", false)));
            out.flush();
        }
    }

    static void print(PrintWriter out, PlatformSession session, PurgePlan plan) {
        out.printf("Purge plan · %s · %s · made %s%n", plan.database(), session.info().engineLabel(), TIME.format(plan.createdAt()));
        out.printf("Policy: %s%s%n", plan.policy(), plan.archiveFirst() ? " · archive first" : "");
        out.printf("%n%-28s %-18s %-24s %14s %12s%n", "Table", "Scope", "Rows older than", "Rows", "≈ Bytes");
        for (TableStep s : plan.steps()) {
            out.printf("%-28s %-18s %-24s %,14d %12s%n", s.table(), s.scope(), s.cutoff() == null ? "(all rows)" : TIME.format(s.cutoff()),
                    s.rows(), ByteSize.format(s.bytes()));
            if (!s.dependents().isEmpty() && s.dependentRows() > 0) {
                out.printf("  and %,d rows referencing them in %s%n", s.dependentRows(), names(s.dependents()));
            }
            if (!s.partitions().isEmpty()) {
                out.printf("  partitions dropped whole: %s%n", String.join(", ", s.partitions()));
            }
        }
        Map<FileDelete.Kind, List<FileDelete>> byKind = plan.files().stream().collect(Collectors.groupingBy(FileDelete::kind));
        byKind.forEach((kind, list) -> out.printf("%-28s %-18s %-24s %,14d %12s%n", kind.label(),
                list.stream().map(FileDelete::tenant).distinct().count() + " tenant(s)", "files", list.size(),
                ByteSize.format(list.stream().mapToLong(FileDelete::bytes).sum())));
        if (!plan.archives().isEmpty()) {
            out.printf("%nArchives past their window: %,d files (%s), kept by purge; expire them from the Archive screen.%n",
                    plan.archives().size(), ByteSize.format(plan.archives().stream().mapToLong(FileDelete::bytes).sum()));
        }
        plan.notes().forEach(n -> out.println("note: " + n));
        out.printf("%nIn all: %,d rows (≈ %s) and %,d files (%s)%s%n", plan.rows(), ByteSize.format(plan.rowBytes()), plan.files().size(),
                ByteSize.format(plan.fileBytes()), plan.vacuum() ? "; VACUUM (ANALYZE) afterwards" : "");
        out.flush();
    }

    private static String names(List<Dependent> ds) {
        return ds.stream().map(d -> d.dependents().isEmpty() ? d.table() : d.table() + " (" + names(d.dependents()) + ")")
                .collect(Collectors.joining(", "));
    }

    static void printResult(PrintWriter out, PurgeResult r) {
        out.printf("%n%s: %,d rows deleted in %.1f s (longest batch %d ms)%n", r.outcome().name().toLowerCase(Locale.ROOT), r.rows(),
                r.took().toMillis() / 1000.0, r.maxBatchMillis());
        r.rowsByTable().forEach((t, n) -> out.printf("  %-28s %,14d%n", t, n));
        if (r.filesDeleted() > 0) {
            out.printf("  %,d files (%s)%n", r.filesDeleted(), ByteSize.format(r.fileBytes()));
        }
        if (!r.partitionsDropped().isEmpty()) {
            out.printf("  partitions dropped: %s%n", String.join(", ", r.partitionsDropped()));
        }
        if (!r.vacuumed().isEmpty()) {
            out.printf("  VACUUM (ANALYZE): %s%n", String.join(", ", r.vacuumed()));
        }
    }
}
