package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.ReadStorage;
import io.tidemark.actions.StorageReport;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.DatabaseStorage;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.storage.TenantDatabaseUsage;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.ScanProblem;
import io.tidemark.core.storage.Usage;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tidemark scan}: where the database's and DATA_DIR's bytes are, per table, tenant and category. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Reports the database's tables and where DATA_DIR's bytes are: per tenant (archives, job logs, run logs, "
                + "other), per service log family, the database file and the rest, with the disk's free space.",
                "A rescan lists only folders changed since the last scan (kept in your data folder)."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Print the result as JSON (fields documented in docs/scan-json.md).")
    boolean json;

    @Option(names = "--full", description = "Forget what earlier scans learnt and walk every folder.")
    boolean full;

    @Option(names = "--exact", description = "Count every table's rows and, where pgstattuple is installed, measure bloat "
            + "(reads every table; without it, figures come from statistics).")
    boolean exact;

    @Override
    public Integer call() throws Exception {
        try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
            StorageReport report = ReadStorage.read(session, UserFolders.current(), !full, exact,
                    new TerminalProgress(command.commandLine().getErr(), !json), new Cancellation());
            DatabaseStorage storage = report.database();
            DataDirUsage usage = report.dataDir();
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                out.println(ConfigMapper.json().writeValueAsString(asJson(session, report)));
            } else {
                print(out, session, report);
            }
            out.flush();
            return usage != null && usage.problems().stream().anyMatch(ScanProblem::leftSomethingOut) ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }

    private static void print(PrintWriter out, PlatformSession session, StorageReport report) {
        DatabaseStorage storage = report.database();
        DataDirUsage usage = report.dataDir();
        out.printf("Database   %s · %s%s%n", session.info().engineLabel(), ByteSize.format(storage.totalBytes()),
                storage.freeListBytes() > 0 ? " · " + ByteSize.format(storage.freeListBytes()) + " free pages VACUUM would return" : "");
        out.printf("%n%-28s %14s %10s %10s %10s %10s %12s %10s%n", "Table", "Rows", "Table", "Indexes", "TOAST", "Total", "Dead rows", "Bloat");
        for (TableStats t : storage.tables()) {
            out.printf("%-28s %14s %10s %10s %10s %10s %12s %10s%n", t.table() + (t.inProfile() ? "" : " *"),
                    t.rows() < 0 ? "?" : (t.rowsExact() ? "" : "≈") + ByteSize.count(t.rows()), ByteSize.format(t.tableBytes()),
                    ByteSize.format(t.indexBytes()), ByteSize.format(t.toastBytes()), ByteSize.format(t.totalBytes()),
                    t.deadRows() < 0 ? "-" : ByteSize.count(t.deadRows()), t.bloatBytes() < 0 ? "?" : ByteSize.format(t.bloatBytes()));
        }
        out.println("(* not in the profile; ≈ estimate from statistics; bloat " + storage.tables().stream()
                .map(t -> t.bloatSource().label()).distinct().sorted().reduce((a, b) -> a + ", " + b).orElse("unknown") + ")");
        out.println();
        if (usage == null) {
            out.println("DATA_DIR   none given (--data-dir)");
            printLimits(out, report);
            return;
        }
        out.printf("DATA_DIR   %s · %s in %,d files · scanned in %.2f s (%,d folders reused)%n", usage.dataDir(),
                ByteSize.format(usage.totalBytes()), usage.fileTotal().files(), usage.took().toMillis() / 1000.0, usage.reusedFolders());
        if (report.disk() != null) {
            out.printf("Disk       %s free of %s%n", ByteSize.format(report.disk().freeBytes()), ByteSize.format(report.disk().totalBytes()));
        }
        if (report.databaseDisk() != null && (report.disk() == null
                || !report.databaseDisk().filesystem().equals(report.disk().filesystem()))) {
            out.printf("DB disk    %s free of %s (%s)%n", ByteSize.format(report.databaseDisk().freeBytes()),
                    ByteSize.format(report.databaseDisk().totalBytes()), report.databaseDisk().folder());
        }
        out.println();
        out.printf("%-24s %12s %12s %12s %12s %10s %14s %10s%n", "Tenant", "Archives", "Job logs", "Run logs", "Other", "Files",
                "DB rows", "DB bytes");
        usage.tenants().forEach((tenant, byCategory) -> {
            long files = byCategory.values().stream().mapToLong(Usage::files).sum();
            TenantDatabaseUsage rows = report.tenantRows().get(tenant);
            out.printf("%-24s %12s %12s %12s %12s %,10d %14s %10s%n", tenant,
                    ByteSize.format(usage.tenant(tenant, FileCategory.ARCHIVES).bytes()),
                    ByteSize.format(usage.tenant(tenant, FileCategory.JOB_LOGS).bytes()),
                    ByteSize.format(usage.tenant(tenant, FileCategory.RUN_LOGS).bytes()),
                    ByteSize.format(usage.tenant(tenant, FileCategory.TENANT_OTHER).bytes()), files,
                    rows == null ? "0" : (rows.exact() ? "" : "≈") + ByteSize.count(rows.rows()),
                    rows == null ? "0 bytes" : ByteSize.format(rows.bytes()));
        });
        out.println();
        out.printf("%-40s %12s %6s%n", "Service log family", "Size", "Files");
        usage.serviceLogs().forEach((family, u) -> out.printf("%-40s %12s %6d%n", family, ByteSize.format(u.bytes()), u.files()));
        out.printf("%nDatabase file %s · other files %s%n", ByteSize.format(usage.database().bytes()), ByteSize.format(usage.unassigned().bytes()));
        for (ScanProblem p : usage.problems()) {
            out.printf("warning: %s: %s%n", p.path(), p.message());
        }
        printLimits(out, report);
    }

    private static void printLimits(PrintWriter out, StorageReport report) {
        report.warnings().forEach(w -> out.printf("%s: %s%n",
                w.level() == io.tidemark.core.storage.StorageWarning.Level.EXCEEDED ? "LIMIT EXCEEDED" : "limit near", w.message()));
    }

    private static Map<String, Object> asJson(PlatformSession session, StorageReport report) {
        DatabaseStorage storage = report.database();
        DataDirUsage usage = report.dataDir();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("engine", session.info().kind().displayName());
        database.put("version", session.info().version());
        database.put("total_bytes", storage.totalBytes());
        database.put("free_list_bytes", storage.freeListBytes());
        database.put("pgstattuple", storage.pgstattuple());
        database.put("tables", storage.tables().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", t.table());
            row.put("in_profile", t.inProfile());
            row.put("rows", t.rows());
            row.put("rows_exact", t.rowsExact());
            row.put("table_bytes", t.tableBytes());
            row.put("index_bytes", t.indexBytes());
            row.put("toast_bytes", t.toastBytes());
            row.put("total_bytes", t.totalBytes());
            row.put("dead_rows", t.deadRows());
            row.put("bloat_bytes", t.bloatBytes());
            row.put("bloat_source", t.bloatSource().name().toLowerCase(java.util.Locale.ROOT));
            row.put("last_vacuum", text(t.lastVacuum()));
            row.put("last_autovacuum", text(t.lastAutovacuum()));
            row.put("last_analyze", text(t.lastAnalyze()));
            row.put("last_autoanalyze", text(t.lastAutoanalyze()));
            return row;
        }).toList());
        json.put("database", database);
        List<String> warnings = new ArrayList<>();
        if (usage != null) {
            Map<String, Object> dataDir = new LinkedHashMap<>();
            dataDir.put("path", usage.dataDir());
            dataDir.put("total_bytes", usage.totalBytes());
            dataDir.put("files", usage.fileTotal().files());
            dataDir.put("scanned_at", usage.scannedAt().toString());
            dataDir.put("scan_seconds", usage.took().toMillis() / 1000.0);
            dataDir.put("reused_folders", usage.reusedFolders());
            List<Map<String, Object>> tenants = new ArrayList<>();
            usage.tenants().forEach((tenant, byCategory) -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", tenant);
                t.put("archive_bytes", usage.tenant(tenant, FileCategory.ARCHIVES).bytes());
                t.put("job_log_bytes", usage.tenant(tenant, FileCategory.JOB_LOGS).bytes());
                t.put("run_log_bytes", usage.tenant(tenant, FileCategory.RUN_LOGS).bytes());
                t.put("other_bytes", usage.tenant(tenant, FileCategory.TENANT_OTHER).bytes());
                t.put("files", byCategory.values().stream().mapToLong(Usage::files).sum());
                TenantDatabaseUsage rows = report.tenantRows().get(tenant);
                t.put("db_rows", rows == null ? 0 : rows.rows());
                t.put("db_bytes", rows == null ? 0 : rows.bytes());
                t.put("db_rows_exact", rows == null || rows.exact());
                t.put("db_rows_relative_error", rows == null ? 0 : rows.relativeError());
                t.put("oldest", instant(byCategory.values().stream().mapToLong(Usage::oldestMillis).min().orElse(Long.MAX_VALUE)));
                t.put("newest", instant(byCategory.values().stream().mapToLong(Usage::newestMillis).max().orElse(Long.MIN_VALUE)));
                tenants.add(t);
            });
            dataDir.put("tenants", tenants);
            List<Map<String, Object>> families = new ArrayList<>();
            usage.serviceLogs().forEach((family, u) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("family", family);
                row.put("bytes", u.bytes());
                row.put("files", u.files());
                row.put("oldest", instant(u.oldestMillis()));
                row.put("newest", instant(u.newestMillis()));
                families.add(row);
            });
            dataDir.put("service_logs", families);
            dataDir.put("database_file_bytes", usage.database().bytes());
            dataDir.put("other_bytes", usage.unassigned().bytes());
            json.put("data_dir", dataDir);
            usage.problems().forEach(p -> warnings.add(p.kind() + ": " + p.path() + ": " + p.message()));
        }
        if (report.disk() != null) {
            Map<String, Object> disk = new LinkedHashMap<>();
            disk.put("total_bytes", report.disk().totalBytes());
            disk.put("free_bytes", report.disk().freeBytes());
            json.put("disk", disk);
        }
        if (report.databaseDisk() != null) {
            Map<String, Object> disk = new LinkedHashMap<>();
            disk.put("folder", report.databaseDisk().folder());
            disk.put("total_bytes", report.databaseDisk().totalBytes());
            disk.put("free_bytes", report.databaseDisk().freeBytes());
            json.put("database_disk", disk);
        }
        List<String> limits = new ArrayList<>();
        report.warnings().forEach(w -> limits.add("quota-" + w.level().name().toLowerCase(java.util.Locale.ROOT) + ": " + w.message()));
        limits.addAll(warnings); // limits first, exceeded before near, then what the scan could not count
        json.put("warnings", limits);
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String instant(long millis) {
        return millis == Long.MAX_VALUE || millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis).toString();
    }
}
