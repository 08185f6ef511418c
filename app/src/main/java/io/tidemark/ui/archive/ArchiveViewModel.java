package io.tidemark.ui.archive;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.archive.BrowseArchive;
import io.tidemark.actions.archive.ExpireArchives;
import io.tidemark.actions.archive.ExportArchive;
import io.tidemark.actions.archive.ListArchives;
import io.tidemark.actions.archive.RestoreArchive;
import io.tidemark.actions.archive.VerifyArchives;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveCheck;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.BrowsePage;
import io.tidemark.core.archive.ExpiryPlan;
import io.tidemark.core.archive.FolderCheck;
import io.tidemark.core.archive.RestoreReport;
import io.tidemark.ui.dialogs.DialogService;
import io.tidemark.ui.shell.MainViewModel;
import io.tidemark.ui.tasks.RunningTask;
import io.tidemark.ui.tasks.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Archive screen: every archive per tenant and day with its verification state; export (with progress and
 * Cancel), verify, browse, restore and expire — each destructive step confirmed through the {@link DialogService}.
 */
public final class ArchiveViewModel {

    /** Rows shown per browse page. */
    public static final int PAGE_SIZE = 50;

    /** One archive as the table shows it (raw numbers so columns sort by value). */
    public record ArchiveLine(String tenant, LocalDate day, String format, boolean compressed, long sizeBytes, long rows,
                              String state, String verification, ArchiveEntry entry) {
    }

    /** What the export form asks for: a tenant, a range of days, a format and compression. */
    public record ExportRequest(String tenant, LocalDate from, LocalDate to, ArchiveFormat format, boolean gzip) {
    }

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final UserFolders folders;
    private final ObservableList<ArchiveLine> all = FXCollections.observableArrayList();
    private final FilteredList<ArchiveLine> lines = new FilteredList<>(all);
    private final ObservableList<String> tenants = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No platform open.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<RunningTask> export = new ReadOnlyObjectWrapper<>();
    private final Map<Path, String> verifications = new HashMap<>();
    private final ObservableList<String> browseTables = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BrowsePage> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper browseTitle = new ReadOnlyStringWrapper("Choose an archive and Browse to read its rows.");
    private final ObjectProperty<String> browseTable = new SimpleObjectProperty<>();
    private PlatformSession session;
    private BrowseArchive browsing;
    private String search = "";

    public ArchiveViewModel(TaskExecutor tasks, DialogService dialogs, UserFolders folders) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.folders = folders;
    }

    /** Shows {@code platform}'s archives (reading them in the background). */
    public void show(PlatformSession platform) {
        if (platform != session) {
            closeBrowse();
            verifications.clear();
            all.clear();
            tenants.clear();
        }
        session = platform;
        refresh();
    }

    /** Lists the archives again. */
    public void refresh() {
        refresh(null);
    }

    /** Lists the archives again; the status keeps {@code done} (what the last action did) in front of the listing's figures. */
    private void refresh(String done) {
        if (session == null) {
            status.set("No platform open.");
            return;
        }
        PlatformSession platform = session;
        busy.set(true);
        status.set("Reading the archive folders and the archive table…");
        tasks.submit("Listing archives", (progress, cancel) -> new Listing(ListArchives.list(platform, null), ListArchives.tenants(platform)),
                listing -> {
                    if (platform != session) {
                        return;
                    }
                    busy.set(false);
                    tenants.setAll(listing.tenants());
                    all.setAll(listing.entries().stream().map(this::line).toList());
                    long bytes = listing.entries().stream().filter(ArchiveEntry::hasFile).mapToLong(ArchiveEntry::sizeBytes).sum();
                    status.set((done == null ? "" : done + " · ") + listing.entries().size() + " archives · " + ByteSize.format(bytes));
                }, this::failed);
    }

    private record Listing(List<ArchiveEntry> entries, List<String> tenants) {
    }

    private ArchiveLine line(ArchiveEntry e) {
        String state = !e.hasFile() ? "File missing" : e.recorded() ? "Recorded" : "Not recorded";
        String verification = e.hasFile() ? verifications.getOrDefault(e.file(), "Not verified") : "—";
        return new ArchiveLine(e.tenant(), e.name().day(), e.name().format().label(), e.name().compressed(), e.sizeBytes(), e.rows(),
                state, verification, e);
    }

    /** Narrows the list to one tenant ({@link MainViewModel#ALL_TENANTS} for all). */
    public void showTenant(String tenant) {
        lines.setPredicate(tenant == null || tenant.equals(MainViewModel.ALL_TENANTS) ? null : l -> l.tenant().equals(tenant));
    }

    /** Exports each day of the request, one archive per day; progress and Cancel through the running task. */
    public void export(ExportRequest request) {
        if (session == null) {
            return;
        }
        if (request.tenant() == null || request.from() == null || request.to() == null) {
            dialogs.showError("Export", "Choose a tenant and the first and last day to export.");
            return;
        }
        if (request.to().isBefore(request.from())) {
            dialogs.showError("Export", "The last day " + request.to() + " is before the first day " + request.from() + ".");
            return;
        }
        PlatformSession platform = session;
        HistoryStore history = HistoryStore.open(folders);
        status.set("Exporting tenant " + request.tenant() + "…");
        boolean[] ended = {false};
        RunningTask task = tasks.submit("Exporting archives of " + request.tenant(), (progress, cancel) -> {
            List<ExportArchive.Request> requests = new ArrayList<>();
            for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
                requests.add(new ExportArchive.Request(request.tenant(), day, request.format(), request.gzip()));
            }
            ExportArchive.Batch batch = ExportArchive.runAll(platform, requests, ExportArchive.defaultWorkers(), history, progress, cancel);
            List<String> done = new ArrayList<>();
            for (ExportArchive.Result r : batch.exported()) {
                done.add(r.entry().name().fileName() + " (" + String.format(Locale.ROOT, "%,d", r.manifest().totalRows()) + " rows)");
            }
            List<String> failed = batch.failed().stream().map(f -> f.request().day() + ": " + f.reason()).toList();
            return new Exported(done, failed);
        }, result -> {
            ended[0] = true;
            export.set(null);
            String done = "Exported " + result.done().size() + " archive" + (result.done().size() == 1 ? "" : "s")
                    + (result.failed().isEmpty() ? "" : " · " + result.failed().size() + " failed");
            status.set(done);
            if (!result.failed().isEmpty()) {
                dialogs.showError("Some days were not exported", String.join("\n", result.failed()));
            }
            refresh(done);
        }, failure -> {
            ended[0] = true;
            export.set(null);
            failed(failure);
            refresh();
        });
        if (!ended[0]) {
            export.set(task);
        }
    }

    private record Exported(List<String> done, List<String> failed) {
    }

    /** Cancels a running export (an archive half-written is removed; finished ones stay). */
    public void cancelExport() {
        RunningTask task = export.get();
        if (task != null) {
            task.cancel();
        }
    }

    /** Verifies one archive. */
    public void verify(ArchiveLine line) {
        if (line == null || !line.entry().hasFile()) {
            return;
        }
        status.set("Verifying " + line.entry().name().fileName() + "…");
        tasks.submit("Verifying " + line.entry().name().fileName(),
                (progress, cancel) -> VerifyArchives.file(line.entry().file(), line.entry().record(), cancel),
                check -> {
                    remember(check);
                    status.set(line.entry().name().fileName() + ": " + check.summary());
                }, this::failed);
    }

    /** Verifies every archive and the archive table against the folders (temporary leftovers are deleted). */
    public void verifyAll() {
        if (session == null) {
            return;
        }
        PlatformSession platform = session;
        status.set("Verifying every archive…");
        tasks.submit("Verifying archives", (progress, cancel) -> VerifyArchives.all(platform, true, progress, cancel), check -> {
            check.files().forEach(this::remember);
            status.set(summary(check));
        }, this::failed);
    }

    private static String summary(FolderCheck check) {
        long bad = check.files().stream().filter(f -> !f.ok()).count();
        List<String> parts = new ArrayList<>();
        parts.add(check.files().size() + " archives checked");
        parts.add(bad == 0 ? "all verified" : bad + " failed");
        if (!check.rowsWithoutFiles().isEmpty()) {
            parts.add(check.rowsWithoutFiles().size() + " rows without a file");
        }
        if (!check.filesWithoutRows().isEmpty()) {
            parts.add(check.filesWithoutRows().size() + " files without a row");
        }
        return String.join(" · ", parts);
    }

    private void remember(ArchiveCheck check) {
        verifications.put(check.file(), check.ok() ? "Verified" : "FAILED: " + check.summary());
        for (int i = 0; i < all.size(); i++) {
            ArchiveLine l = all.get(i);
            if (check.file().equals(l.entry().file())) {
                all.set(i, line(l.entry()));
            }
        }
    }

    /** Opens an archive for browsing and shows its first table's first page. */
    public void browse(ArchiveLine line) {
        if (line == null || !line.entry().hasFile()) {
            return;
        }
        browseFile(line.entry().file());
    }

    /** Opens any archive file for browsing (one double-clicked in a file manager, from any platform). */
    public void browseFile(java.nio.file.Path file) {
        String fileName = file.getFileName().toString();
        closeBrowse();
        status.set("Opening " + fileName + "…");
        tasks.submit("Opening " + fileName, (progress, cancel) -> {
            BrowseArchive archive = BrowseArchive.open(file, cancel);
            try {
                String first = archive.manifest().tables().get(0).table();
                return new Opened(archive, archive.page(first, null, 0, PAGE_SIZE, cancel));
            } catch (RuntimeException e) {
                archive.close();
                throw e;
            }
        }, opened -> {
            browsing = opened.archive();
            search = "";
            browseTables.setAll(opened.archive().manifest().tables().stream().map(t -> t.table()).toList());
            browseTable.set(opened.page().table());
            page.set(opened.page());
            browseTitle.set("Tenant " + opened.archive().manifest().tenant() + ", " + opened.archive().manifest().day() + " · "
                    + opened.archive().file().getFileName());
            status.set("Browsing " + fileName);
        }, this::failed);
    }

    private record Opened(BrowseArchive archive, BrowsePage page) {
    }

    /** Shows the first page of {@code table}'s rows containing {@code text} (blank: every row). */
    public void showRows(String table, String text) {
        search = text == null ? "" : text.trim();
        loadPage(table, 0);
    }

    /** The next page. */
    public void nextPage() {
        BrowsePage p = page.get();
        if (p != null && p.offset() + PAGE_SIZE < p.matching()) {
            loadPage(p.table(), p.offset() + PAGE_SIZE);
        }
    }

    /** The previous page. */
    public void previousPage() {
        BrowsePage p = page.get();
        if (p != null && p.offset() > 0) {
            loadPage(p.table(), Math.max(0, p.offset() - PAGE_SIZE));
        }
    }

    private void loadPage(String table, long offset) {
        BrowseArchive archive = browsing;
        if (archive == null || table == null) {
            return;
        }
        String text = search;
        tasks.submit(null, (progress, cancel) -> archive.page(table, text, offset, PAGE_SIZE, cancel), p -> {
            if (archive == browsing) {
                page.set(p);
            }
        }, this::failed);
    }

    private void closeBrowse() {
        if (browsing != null) {
            browsing.close();
            browsing = null;
        }
        browseTables.clear();
        page.set(null);
        browseTitle.set("Choose an archive and Browse to read its rows.");
    }

    /** Verifies the archive, asks to confirm naming tenant, day and row counts, then restores it. */
    public void restore(ArchiveLine line) {
        if (line == null || !line.entry().hasFile() || session == null) {
            return;
        }
        PlatformSession platform = session;
        status.set("Verifying " + line.entry().name().fileName() + " before restoring…");
        tasks.submit("Preparing the restore", (progress, cancel) -> RestoreArchive.plan(platform, line.entry().file(), cancel), plan -> {
            String rows = String.format(Locale.ROOT, "%,d", plan.manifest().totalRows());
            boolean go = dialogs.confirmDanger(new io.tidemark.ui.dialogs.DangerConfirmation(
                    "Restore tenant " + plan.manifest().tenant() + ", " + plan.manifest().day(),
                    "Put back the rows of " + plan.describe() + " into " + platform.info().engineLabel() + ".",
                    List.of("Rows whose key is still in the database are skipped; the archive restores in one transaction."),
                    "Restore " + rows + " rows", null));
            if (!go) {
                status.set("Restore cancelled: nothing was changed.");
                return;
            }
            tasks.submit("Restoring " + plan.file().getFileName(),
                    (progress, cancel) -> RestoreArchive.run(platform, plan, HistoryStore.open(folders), progress, cancel),
                    (RestoreReport report) -> status.set(String.format(Locale.ROOT, "Restored %,d rows of tenant %s, %s; skipped %,d already there",
                            report.restored(), plan.manifest().tenant(), plan.manifest().day(), report.skipped())),
                    this::failed);
        }, this::failed);
    }

    /** Lists the archives older than {@code days}, asks to confirm, then deletes them and their rows. */
    public void expire(int days) {
        if (session == null) {
            return;
        }
        PlatformSession platform = session;
        tasks.submit("Finding expired archives", (progress, cancel) -> ExpireArchives.plan(platform, days, Clock.systemUTC()), plan -> {
            if (plan.archives().isEmpty()) {
                status.set("No archive is older than " + days + " days.");
                return;
            }
            List<String> lines = describe(plan).lines().toList();
            boolean go = dialogs.confirmDanger(new io.tidemark.ui.dialogs.DangerConfirmation(
                    "Expire archives older than " + days + " days", lines.get(0), lines.subList(1, lines.size()),
                    "Delete " + plan.archives().size() + " archive" + (plan.archives().size() == 1 ? "" : "s"), null));
            if (!go) {
                status.set("Expiry cancelled: nothing was deleted.");
                return;
            }
            tasks.submit("Expiring archives", (progress, cancel) -> ExpireArchives.run(platform, plan, HistoryStore.open(folders), progress, cancel),
                    result -> {
                        String done = "Deleted " + result.deletedFiles() + " files (" + ByteSize.format(result.bytes()) + ") and "
                                + result.deletedRows() + " archive-table rows" + (result.problems().isEmpty() ? "" : " · " + result.problems().get(0));
                        status.set(done);
                        refresh(done);
                    }, this::failed);
        }, this::failed);
    }

    /** The preview of an expiry: how many, which, how many bytes. */
    static String describe(ExpiryPlan plan) {
        StringBuilder text = new StringBuilder("Delete " + plan.archives().size() + " archives dated before " + plan.firstKeptDay()
                + " (" + ByteSize.format(plan.bytes()) + ") and their archive-table rows:\n");
        int shown = 0;
        for (ArchiveEntry e : plan.archives()) {
            if (shown++ == 12) {
                text.append("… and ").append(plan.archives().size() - 12).append(" more\n");
                break;
            }
            text.append("  ").append(e.tenant()).append("  ").append(e.name().day()).append("  ").append(e.name().fileName()).append('\n');
        }
        return text.toString();
    }

    private void failed(Throwable failure) {
        busy.set(false);
        status.set(failure instanceof TidemarkException || failure instanceof Cancellation.CancelledException
                ? failure.getMessage() == null ? "Cancelled." : failure.getMessage() : "Failed: " + failure);
    }

    public ObservableList<ArchiveLine> lines() {
        return lines;
    }

    public ObservableList<String> tenants() {
        return tenants;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The export running now, or null. */
    public ReadOnlyObjectProperty<RunningTask> exportProperty() {
        return export.getReadOnlyProperty();
    }

    public ObservableList<String> browseTables() {
        return browseTables;
    }

    public ObjectProperty<String> browseTableProperty() {
        return browseTable;
    }

    public ReadOnlyObjectProperty<BrowsePage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty browseTitleProperty() {
        return browseTitle.getReadOnlyProperty();
    }

    /** The default window for expiry: the profile's {@code delete_older_than}. */
    public int defaultExpiryDays() {
        return session == null ? 30 : session.profile().retention().archiveDeleteOlderThan();
    }

    /** The day the platform's nightly job would export: {@code days_ago} before today. */
    public LocalDate defaultExportDay() {
        int ago = session == null ? 10 : session.profile().retention().archiveDaysAgo();
        return LocalDate.now(Clock.systemUTC()).minusDays(ago);
    }
}
