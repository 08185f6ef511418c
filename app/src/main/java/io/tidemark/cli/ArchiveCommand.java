package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.archive.ArchiveJson;
import io.tidemark.actions.archive.BrowseArchive;
import io.tidemark.actions.archive.ExpireArchives;
import io.tidemark.actions.archive.ExportArchive;
import io.tidemark.actions.archive.ListArchives;
import io.tidemark.actions.archive.RestoreArchive;
import io.tidemark.actions.archive.VerifyArchives;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveCheck;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.ArchiveRecord;
import io.tidemark.core.archive.BrowsePage;
import io.tidemark.core.archive.ExpiryPlan;
import io.tidemark.core.archive.FolderCheck;
import io.tidemark.core.archive.RestoreReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tidemark archive}: export a tenant's day, list, verify, browse, restore and expire archives. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Archives of tenants' message logs: export a day, list, verify, browse, restore, expire.",
                "Files live in <tenant dir>/archive/ as <tenant>_YYYY_MM_DD.archive[.sqlite][.gz] and are recorded in the "
                        + "archive table. Formats and how to restore them with standard tools: docs/archives.md."},
        subcommands = {ArchiveCommand.Export.class, ArchiveCommand.ListCommand.class, ArchiveCommand.Verify.class,
                ArchiveCommand.Browse.class, ArchiveCommand.Restore.class, ArchiveCommand.Expire.class})
final class ArchiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        command.commandLine().usage(command.commandLine().getErr());
        return ExitCode.USAGE;
    }

    private static HistoryStore history() {
        return HistoryStore.open(UserFolders.current());
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static void printManifest(PrintWriter out, ArchiveManifest m) {
        out.printf("Tenant %s · day %s · written %s by Tidemark %s · from %s%n", m.tenant(), m.day(), m.createdAt(),
                m.tidemarkVersion(), m.source());
        for (ArchiveManifest.TableContent t : m.tables()) {
            out.printf("  %-28s %12s rows%n", t.table(), count(t.rows()));
        }
        out.printf("  %-28s %12s rows%n", "total", count(m.totalRows()));
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Exports one tenant's day (its message logs with every child row) into a verified, recorded archive.",
                    "Several tenants (--tenant repeated, or --all-tenants) and a range of days (--to) make one archive per "
                            + "tenant-day, exported side by side (--parallel) and recorded as one entry of the history."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Mixin
        ConnectionOptions connection;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Tenants tenants;

        static final class Tenants {
            @Option(names = "--tenant", paramLabel = "NAME", description = "The tenant (config) to export; repeat it for several.")
            List<String> names;

            @Option(names = "--all-tenants", description = "Every tenant of the platform (the nightly job).")
            boolean all;
        }

        @ArgGroup(exclusive = true)
        Day day;

        static final class Day {
            @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The day (UTC) to export.")
            String date;

            @Option(names = "--days-ago", paramLabel = "N", description = "The day N days before today (default: the profile's archive days_ago, 10).")
            Integer daysAgo;
        }

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "The last day of a range that starts at --day (or --days-ago): one archive per day.")
        String to;

        @Option(names = "--format", paramLabel = "sqlite|postgres", defaultValue = "sqlite",
                description = "sqlite: a SQLite file (.archive.sqlite); postgres: a psql script (.archive). Default: ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--gzip", description = "Compress the archive (.gz).")
        boolean gzip;

        @Option(names = "--parallel", paramLabel = "N",
                description = "Archives exported side by side when there are several (default: twice the cores).")
        Integer parallel;

        @Override
        public Integer call() {
            ArchiveFormat f = ArchiveFormat.parse(format);
            int workers = parallel == null ? ExportArchive.defaultWorkers() : parallel;
            if (workers < 1) {
                throw new TidemarkException("--parallel must be 1 or more.");
            }
            try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
                LocalDate first = resolveDay(session);
                LocalDate last = to == null ? first : parse("--to", to);
                if (last.isBefore(first)) {
                    throw new TidemarkException("--to " + last + " is before the first day " + first + ".");
                }
                List<String> names = tenants.all ? session.tenants().stream().map(io.tidemark.core.Tenant::name).toList() : tenants.names;
                List<ExportArchive.Request> requests = new java.util.ArrayList<>();
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    for (String name : names) {
                        requests.add(new ExportArchive.Request(name, d, f, gzip));
                    }
                }
                PrintWriter out = command.commandLine().getOut();
                if (requests.size() == 1) {
                    ExportArchive.Result result = ExportArchive.run(session, requests.get(0), history(),
                            new TerminalProgress(command.commandLine().getErr(), true), new Cancellation());
                    printWritten(out, result);
                    printManifest(out, result.manifest());
                    out.flush();
                    return ExitCode.OK;
                }
                Cancellation cancellation = new Cancellation();
                ExportArchive.Batch batch;
                try (CtrlC ignored = CtrlC.cancels(cancellation)) {
                    batch = ExportArchive.runAll(session, requests, workers, history(),
                            new TerminalProgress(command.commandLine().getErr(), true), cancellation);
                }
                for (ExportArchive.Result r : batch.exported()) {
                    printWritten(out, r);
                }
                for (ExportArchive.Failure failure : batch.failed()) {
                    command.commandLine().getErr().printf("Not exported: tenant %s, %s: %s%n", failure.request().tenant(),
                            failure.request().day(), failure.reason());
                }
                out.printf("%d of %d archives written, %s rows%n", batch.exported().size(), requests.size(), count(batch.rows()));
                out.flush();
                command.commandLine().getErr().flush();
                return batch.failed().isEmpty() ? ExitCode.OK : batch.exported().isEmpty() ? ExitCode.FAILED : ExitCode.PARTIAL;
            }
        }

        private static void printWritten(PrintWriter out, ExportArchive.Result result) {
            out.printf("Wrote %s (%s, %s rows), verified%s%n", result.entry().file(), ByteSize.format(result.entry().sizeBytes()),
                    count(result.manifest().totalRows()),
                    result.entry().recorded() ? " and recorded in the archive table" : " (the platform has no archive table)");
        }

        private static LocalDate parse(String option, String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new TidemarkException(option + " " + text + " is not a date: write it as YYYY-MM-DD.");
            }
        }

        private LocalDate resolveDay(PlatformSession session) {
            if (day != null && day.date != null) {
                return parse("--day", day.date);
            }
            int ago = day != null && day.daysAgo != null ? day.daysAgo : session.profile().retention().archiveDaysAgo();
            return ExportArchive.dayAgo(ago, Clock.systemUTC());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists archives: files in the tenants' archive folders and rows of the archive table.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--tenant", paramLabel = "NAME", description = "Only this tenant's archives.")
        String tenant;

        @Option(names = "--json", description = "Print JSON (fields in docs/archives.md).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
                List<ArchiveEntry> entries = ListArchives.list(session, tenant);
                PrintWriter out = command.commandLine().getOut();
                if (json) {
                    out.println(ConfigMapper.json().writeValueAsString(Map.of("archives", entries.stream().map(ArchiveJson::entry).toList())));
                } else {
                    out.printf("%-24s %-10s %-8s %-4s %10s %12s  %s%n", "Tenant", "Day", "Format", "gz", "Size", "Rows", "State");
                    for (ArchiveEntry e : entries) {
                        out.printf("%-24s %-10s %-8s %-4s %10s %12s  %s%n", e.tenant(), e.name().day(), e.name().format().label(),
                                e.name().compressed() ? "yes" : "", ByteSize.format(e.sizeBytes()), e.recorded() ? count(e.rows()) : "?",
                                !e.hasFile() ? "FILE MISSING" : e.recorded() ? "recorded" : "not recorded");
                    }
                    out.printf("%d archives, %s%n", entries.size(),
                            ByteSize.format(entries.stream().filter(ArchiveEntry::hasFile).mapToLong(ArchiveEntry::sizeBytes).sum()));
                }
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verifies an archive file (format, manifest, row counts, checksums, gzip data), or with --all every "
                    + "archive of the platform and the archive table against the folders.",
                    "Exit 0 when everything verifies, 1 when something does not."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Mixin
        ConnectionOptions connection;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The archive file.")
        Path file;

        @Option(names = "--all", description = "Verify every archive of the platform (needs --db and --data-dir).")
        boolean all;

        @Option(names = "--clean", description = "With --all: delete temporary files an interrupted export left behind.")
        boolean clean;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = command.commandLine().getOut();
            if (all == (file != null)) {
                throw new picocli.CommandLine.ParameterException(command.commandLine(), "Give either FILE or --all.");
            }
            if (file != null) {
                ArchiveRecord record = null;
                if (connection.given()) {
                    try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
                        record = ListArchives.list(session, null).stream()
                                .filter(e -> e.hasFile() && e.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize()))
                                .map(ArchiveEntry::record).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                    }
                }
                ArchiveCheck check = VerifyArchives.file(file, record, new Cancellation());
                if (json) {
                    out.println(ConfigMapper.json().writeValueAsString(ArchiveJson.check(check)));
                } else {
                    printCheck(out, check);
                }
                out.flush();
                return check.ok() ? ExitCode.OK : ExitCode.FAILED;
            }
            try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
                FolderCheck check = VerifyArchives.all(session, clean, new TerminalProgress(command.commandLine().getErr(), !json),
                        new Cancellation());
                if (json) {
                    out.println(ConfigMapper.json().writeValueAsString(ArchiveJson.folders(check)));
                } else {
                    for (ArchiveCheck c : check.files()) {
                        out.printf("%-8s %s%n", c.ok() ? "ok" : "FAILED", c.file().getFileName());
                        c.problems().forEach(p -> out.println("         " + p));
                    }
                    check.rowsWithoutFiles().forEach(r -> out.printf("MISSING  %s (row %d of tenant %s records it; the file is gone)%n",
                            r.fileName(), r.id(), r.tenant()));
                    check.filesWithoutRows().forEach(p -> out.printf("UNRECORDED %s (no archive-table row)%n", p));
                    check.leftovers().forEach(p -> out.printf("LEFTOVER %s (an interrupted export; --clean deletes it)%n", p));
                    out.printf("%d archives checked: %s%n", check.files().size(), check.ok() ? "all verified" : "problems found");
                }
                out.flush();
                return check.ok() ? ExitCode.OK : ExitCode.FAILED;
            }
        }

        private static void printCheck(PrintWriter out, ArchiveCheck check) {
            if (check.manifest() != null) {
                printManifest(out, check.manifest());
            }
            if (check.ok()) {
                out.println("Verified: every table's row count and checksum match the manifest.");
            } else {
                out.println("NOT VERIFIED:");
                check.problems().forEach(p -> out.println("  " + p));
            }
        }
    }

    @Command(name = "browse", mixinStandardHelpOptions = true, description = "Prints rows of one table of an archive, with a search.")
    static final class Browse implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Parameters(paramLabel = "FILE", description = "The archive file.")
        Path file;

        @Option(names = "--table", paramLabel = "TABLE", description = "The table (default: the archive's first).")
        String table;

        @Option(names = "--search", paramLabel = "TEXT", description = "Only rows with a value containing TEXT (case-insensitive).")
        String search;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Rows to print (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Rows to skip first.")
        long offset;

        @Override
        public Integer call() {
            PrintWriter out = command.commandLine().getOut();
            try (BrowseArchive archive = BrowseArchive.open(file, new Cancellation())) {
                String t = table != null ? table : archive.manifest().tables().get(0).table();
                BrowsePage page = archive.page(t, search, offset, limit, new Cancellation());
                out.println(String.join("\t", page.columns()));
                for (List<String> row : page.rows()) {
                    out.println(String.join("\t", row.stream().map(v -> v == null ? "NULL" : abbreviate(v)).toList()));
                }
                out.printf("(%s of %s rows from %s%s)%n", count(page.rows().size()), count(page.matching()),
                        count(page.offset() + 1), search == null ? "" : " matching '" + search + "'");
                out.flush();
                return ExitCode.OK;
            }
        }

        private static String abbreviate(String v) {
            String one = v.replace('\n', ' ').replace('\t', ' ');
            return one.length() > 120 ? one.substring(0, 119) + "…" : one;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Puts an archive's rows back into the platform database (parents first; rows still there are skipped).",
                    "Without --yes it only prints what it would restore and exits 3."})
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "FILE", description = "The archive file.")
        Path file;

        @Option(names = "--yes", description = "Restore without asking.")
        boolean yes;

        @Override
        public Integer call() {
            PrintWriter out = command.commandLine().getOut();
            try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
                RestoreArchive.Plan plan = RestoreArchive.plan(session, file, new Cancellation());
                out.println("Restore " + plan.describe());
                out.println("into " + session.info().engineLabel() + " " + session.key() + " (rows whose key is still there are skipped).");
                if (!yes) {
                    out.println("Not confirmed: nothing was restored. Run again with --yes to restore.");
                    out.flush();
                    return ExitCode.REFUSED;
                }
                RestoreReport report = RestoreArchive.run(session, plan, history(), new TerminalProgress(command.commandLine().getErr(), true),
                        new Cancellation());
                for (RestoreReport.TableRestore t : report.tables()) {
                    out.printf("  %-28s %12s restored %12s skipped (already there)%n", t.table(), count(t.restored()), count(t.skipped()));
                }
                out.printf("Restored %s rows, skipped %s.%n", count(report.restored()), count(report.skipped()));
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true,
            description = {"Deletes archives older than the window (by the date in their name) and their archive-table rows.",
                    "Prints the list first; without --yes (or with --dry-run) deletes nothing (exit 3 without --yes)."})
    static final class Expire implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--older-than", paramLabel = "DAYS", description = "The window in days (default: the profile's delete_older_than, 30).")
        Integer olderThan;

        @Option(names = "--dry-run", description = "Only print what would be deleted.")
        boolean dryRun;

        @Option(names = "--yes", description = "Delete without asking.")
        boolean yes;

        @Override
        public Integer call() {
            PrintWriter out = command.commandLine().getOut();
            try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
                int days = olderThan != null ? olderThan : session.profile().retention().archiveDeleteOlderThan();
                ExpiryPlan plan = ExpireArchives.plan(session, days, Clock.systemUTC());
                for (ArchiveEntry e : plan.archives()) {
                    out.printf("  %-24s %-10s %10s  %s%n", e.tenant(), e.name().day(), ByteSize.format(e.sizeBytes()),
                            e.hasFile() ? e.file() : e.name().fileName() + " (row only)");
                }
                out.printf("%d archives older than %d day%s (before %s), %s.%n", plan.archives().size(), days, days == 1 ? "" : "s", plan.firstKeptDay(),
                        ByteSize.format(plan.bytes()));
                if (plan.archives().isEmpty() || dryRun) {
                    out.flush();
                    return ExitCode.OK;
                }
                if (!yes) {
                    out.println("Not confirmed: nothing was deleted. Run again with --yes to delete them.");
                    out.flush();
                    return ExitCode.REFUSED;
                }
                ExpireArchives.Result result = ExpireArchives.run(session, plan, history(),
                        new TerminalProgress(command.commandLine().getErr(), true), new Cancellation());
                result.problems().forEach(p -> out.println("warning: " + p));
                out.printf("Deleted %d files (%s) and %d archive-table rows.%n", result.deletedFiles(), ByteSize.format(result.bytes()),
                        result.deletedRows());
                out.flush();
                return result.problems().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
            }
        }
    }
}
