package io.tidemark.ui.storage;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.ReadStorage;
import io.tidemark.actions.StorageCsv;
import io.tidemark.actions.StorageReport;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ByteSize;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.ScanProblem;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.storage.TenantDatabaseUsage;
import io.tidemark.core.storage.Usage;
import io.tidemark.ui.shell.MainViewModel;
import io.tidemark.ui.tasks.TaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The Storage screen: every table's figures and DATA_DIR per tenant and category, read in the background. */
public final class StorageViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One table, with raw numbers so columns sort by value. */
    public record TableLine(String table, boolean inProfile, long rows, boolean rowsExact, long tableBytes, long indexBytes,
                            long toastBytes, long totalBytes, long deadRows, long bloatBytes, String bloatSource, Instant lastVacuum,
                            Instant lastAnalyze) {
    }

    /** One tenant's DATA_DIR usage. */
    public record TenantLine(String tenant, long archiveBytes, long jobLogBytes, long runLogBytes, long otherBytes, long totalBytes,
                             long files, Instant oldest, Instant newest, long dbRows, long dbBytes, String dbPrecision) {
    }

    /** One service log rotation family. */
    public record FamilyLine(String family, long bytes, long files, Instant newest) {
    }

    private final TaskExecutor tasks;
    private final UserFolders folders;
    private final ReadOnlyObjectWrapper<StorageReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not scanned yet.");
    private final ObservableList<TableLine> tables = FXCollections.observableArrayList();
    private final ObservableList<TenantLine> allTenants = FXCollections.observableArrayList();
    private final FilteredList<TenantLine> tenants = new FilteredList<>(allTenants);
    private final ObservableList<FamilyLine> serviceLogs = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private PlatformSession session;
    private long requests;
    private io.tidemark.ui.tasks.RunningTask running;

    public StorageViewModel(TaskExecutor tasks, UserFolders folders) {
        this.tasks = tasks;
        this.folders = folders;
    }

    /** Shows {@code platform}'s storage, scanning it (reusing what the last scan learnt unless {@code full}). */
    public void scan(PlatformSession platform, boolean full) {
        scan(platform, full, false);
    }

    /** Reads the figures again with every table's rows counted and, where pgstattuple is installed, bloat measured. */
    public void countExactly() {
        scan(session, false, true);
    }

    private void scan(PlatformSession platform, boolean full, boolean exact) {
        if (platform != session) {
            report.set(null); // another platform: the last figures are not its figures
            tables.clear();
            allTenants.clear();
            serviceLogs.clear();
            problems.clear();
            summary.set("");
        }
        if (running != null) {
            running.cancel(); // a newer scan supersedes it: free its threads
        }
        session = platform;
        long request = ++requests;
        if (platform == null) {
            report.set(null);
            tables.clear();
            allTenants.clear();
            serviceLogs.clear();
            problems.clear();
            summary.set("");
            status.set("No platform open.");
            return;
        }
        loading.set(true);
        status.set(exact ? "Counting every table's rows…" : full ? "Scanning every folder…" : "Scanning…");
        running = tasks.submit(exact ? "Exact table figures" : full ? "Full storage scan" : "Storage scan",
                (progress, cancel) -> ReadStorage.read(platform, folders, !full, exact, progress, cancel),
                r -> {
                    if (request == requests) {
                        show(r);
                    }
                },
                failure -> {
                    if (request == requests) {
                        loading.set(false);
                        status.set(failure instanceof TidemarkException || failure instanceof io.tidemark.core.Cancellation.CancelledException
                                ? failure.getMessage() : "The scan failed: " + failure);
                    }
                });
    }

    /** Scans the open platform again. */
    public void rescan(boolean full) {
        scan(session, full);
    }

    /** Narrows the tenants list to one tenant ({@link MainViewModel#ALL_TENANTS} for all). */
    public void showTenant(String tenant) {
        tenants.setPredicate(tenant == null || tenant.equals(MainViewModel.ALL_TENANTS) ? null : line -> line.tenant().equals(tenant));
    }

    private void show(StorageReport r) {
        loading.set(false);
        report.set(r);
        tables.setAll(r.database().tables().stream().map(StorageViewModel::line).toList());
        DataDirUsage usage = r.dataDir();
        problems.setAll(r.warnings().stream().map(w -> (w.level() == io.tidemark.core.storage.StorageWarning.Level.EXCEEDED
                ? "Limit exceeded · " : "Limit near · ") + w.message()).toList());
        StringBuilder text = new StringBuilder("Database " + ByteSize.format(r.database().totalBytes()));
        if (r.database().freeListBytes() > 0) {
            text.append(" (").append(ByteSize.format(r.database().freeListBytes())).append(" free pages)");
        }
        if (usage != null) {
            text.append(" · DATA_DIR ").append(ByteSize.format(usage.totalBytes())).append(" in ")
                    .append(ByteSize.count(usage.fileTotal().files())).append(" files");
            allTenants.setAll(usage.tenants().entrySet().stream()
                    .map(e -> tenantLine(e.getKey(), e.getValue(), r.tenantRows().get(e.getKey()))).toList());
            serviceLogs.setAll(usage.serviceLogs().entrySet().stream()
                    .map(e -> new FamilyLine(e.getKey(), e.getValue().bytes(), e.getValue().files(), instant(e.getValue().newestMillis())))
                    .toList());
            problems.addAll(usage.problems().stream().map(StorageViewModel::problem).toList());
            status.set(String.format(java.util.Locale.ROOT, "Last scan %s · %.2f s · %s folders reused", TIME.format(usage.scannedAt()),
                    usage.took().toMillis() / 1000.0, ByteSize.count(usage.reusedFolders())));
        } else {
            allTenants.clear();
            serviceLogs.clear();
            status.set("This connection has no DATA_DIR: only the database is shown.");
        }
        if (r.disk() != null) {
            text.append(" · ").append(ByteSize.format(r.disk().freeBytes())).append(" free of ").append(ByteSize.format(r.disk().totalBytes()));
        }
        if (r.databaseDisk() != null && (r.disk() == null || !r.databaseDisk().filesystem().equals(r.disk().filesystem()))) {
            text.append(" · database disk ").append(ByteSize.format(r.databaseDisk().freeBytes())).append(" free of ")
                    .append(ByteSize.format(r.databaseDisk().totalBytes()));
        }
        summary.set(text.toString());
    }

    private static String problem(ScanProblem p) {
        return p.kind() + " · " + p.path() + " · " + p.message();
    }

    private static TableLine line(TableStats t) {
        Instant vacuum = latest(t.lastVacuum(), t.lastAutovacuum());
        Instant analyze = latest(t.lastAnalyze(), t.lastAutoanalyze());
        return new TableLine(t.table(), t.inProfile(), t.rows(), t.rowsExact(), t.tableBytes(), t.indexBytes(), t.toastBytes(),
                t.totalBytes(), t.deadRows(), t.bloatBytes(), t.bloatSource().label(), vacuum, analyze);
    }

    private static TenantLine tenantLine(String tenant, Map<FileCategory, Usage> byCategory, TenantDatabaseUsage rows) {
        Usage all = byCategory.values().stream().reduce(Usage.NONE, Usage::plus);
        String precision = rows == null || rows.exact() ? "Counted per tenant (grouped count on the tenant column)"
                : String.format(java.util.Locale.ROOT, "Scaled from a sample of the largest tables (TABLESAMPLE SYSTEM): about ±%.1f %%",
                        rows.relativeError() * 100);
        return new TenantLine(tenant, bytes(byCategory, FileCategory.ARCHIVES), bytes(byCategory, FileCategory.JOB_LOGS),
                bytes(byCategory, FileCategory.RUN_LOGS), bytes(byCategory, FileCategory.TENANT_OTHER), all.bytes(), all.files(),
                instant(all.oldestMillis()), instant(all.newestMillis()), rows == null ? 0 : rows.rows(), rows == null ? 0 : rows.bytes(),
                precision);
    }

    private static long bytes(Map<FileCategory, Usage> byCategory, FileCategory category) {
        return byCategory.getOrDefault(category, Usage.NONE).bytes();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant instant(long millis) {
        return millis == Long.MAX_VALUE || millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
    }

    /** Writes the tables list as CSV in the background; {@code done} gets the outcome in words. */
    public void exportTables(Path file, java.util.function.Consumer<String> done) {
        export(file, done, true);
    }

    /** Writes the tenants list as CSV in the background; {@code done} gets the outcome in words. */
    public void exportTenants(Path file, java.util.function.Consumer<String> done) {
        export(file, done, false);
    }

    private void export(Path file, java.util.function.Consumer<String> done, boolean tablesList) {
        StorageReport current = report.get();
        if (current == null) {
            done.accept("Nothing to export yet: scan first.");
            return;
        }
        tasks.submit("Exporting " + file.getFileName(), (progress, cancel) -> {
            if (tablesList) {
                StorageCsv.writeTables(current, file);
            } else {
                StorageCsv.writeTenants(current, file);
            }
            return file;
        }, written -> {
            status.set("Saved " + written);
            done.accept("Saved " + written);
        }, failure -> {
            status.set(failure.getMessage());
            done.accept(failure.getMessage());
        });
    }

    public ReadOnlyObjectProperty<StorageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<TableLine> tables() {
        return tables;
    }

    public ObservableList<TenantLine> tenants() {
        return tenants;
    }

    public ObservableList<FamilyLine> serviceLogs() {
        return serviceLogs;
    }

    public ObservableList<String> problems() {
        return problems;
    }
}
