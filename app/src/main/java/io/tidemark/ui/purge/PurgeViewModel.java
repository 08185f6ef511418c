package io.tidemark.ui.purge;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.purge.ArchiveGate;
import io.tidemark.actions.purge.ArchiveGates;
import io.tidemark.actions.purge.CleanupTenant;
import io.tidemark.actions.purge.MakePurgePlan;
import io.tidemark.actions.purge.PurgeRequest;
import io.tidemark.actions.purge.RunPurge;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.config.purge.PurgeConfigFiles;
import io.tidemark.config.purge.PurgeJournalFile;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.purge.FileDelete;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeResult;
import io.tidemark.core.purge.RetentionPolicy;
import io.tidemark.core.purge.TableStep;
import io.tidemark.ui.dialogs.DangerConfirmation;
import io.tidemark.ui.dialogs.DialogService;
import io.tidemark.ui.shell.MainViewModel;
import io.tidemark.ui.tasks.RunningTask;
import io.tidemark.ui.tasks.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Purge screen: the retention policy (edited and saved to the purge configuration), the plan made in the background
 * (rows and bytes per table, files and bytes per tenant and kind), then a confirmation naming the database, the tables,
 * the counts, the bytes and the cutoff, then the purge with progress and Cancel, and its result.
 */
public final class PurgeViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** One table step of the plan. */
    public record TableLine(String table, String scope, String cutoff, long rows, long bytes, String note) {
    }

    /** A tenant's files of one kind. */
    public record FolderLine(String tenant, String kind, long files, long bytes) {
    }

    private final TaskExecutor tasks;
    private final UserFolders folders;
    private final DialogService dialogs;
    private final IntegerProperty daysToKeep = new SimpleIntegerProperty(365);
    private final IntegerProperty logRetentionDays = new SimpleIntegerProperty(3);
    private final BooleanProperty archiveFirst = new SimpleBooleanProperty();
    private final BooleanProperty vacuum = new SimpleBooleanProperty(true);
    private final ObjectProperty<PurgePlan> plan = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Make a plan to see what would be deleted.");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper policyNote = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.StringProperty perTable = new javafx.beans.property.SimpleStringProperty("");
    private final ObservableList<TableLine> tables = FXCollections.observableArrayList();
    private final ObservableList<FolderLine> files = FXCollections.observableArrayList();
    private final ObservableList<String> tenantChoices = FXCollections.observableArrayList();
    private PlatformSession session;
    private String tenant;
    private RunningTask running;
    private RetentionPolicy policy;

    public PurgeViewModel(TaskExecutor tasks, UserFolders folders, DialogService dialogs) {
        this.tasks = tasks;
        this.folders = folders;
        this.dialogs = dialogs;
    }

    /** Shows {@code platform}, narrowed to {@code tenantName} ({@link MainViewModel#ALL_TENANTS} for all). */
    public void show(PlatformSession platform, String tenantName) {
        String t = tenantName == null || tenantName.equals(MainViewModel.ALL_TENANTS) ? null : tenantName;
        if (platform != session) {
            plan.set(null);
            tables.clear();
            files.clear();
            result.set("");
        } else if (!java.util.Objects.equals(t, tenant)) {
            plan.set(null); // a plan for other tenants is not this scope's plan
            tables.clear();
            files.clear();
        }
        session = platform;
        tenant = t;
        if (platform == null) {
            status.set("No platform open.");
            return;
        }
        readOnlyReason.set(platform.info().readOnly() ? "Purge is off: " + platform.info().readOnlyReason() : "");
        PurgeConfigFiles config = config();
        tasks.submit(null, (progress, cancel) -> new Loaded(config.policy(platform.profile().retention()),
                platform.tenants().stream().map(io.tidemark.core.Tenant::name).toList(),
                PurgeJournalFile.of(folders).unfinished(platform.key()).orElse(null)), loaded -> {
                    if (platform != session) {
                        return;
                    }
                    policy = loaded.policy();
                    daysToKeep.set(policy.daysToKeep());
                    perTable.set(RetentionPolicy.formatPerTable(policy.daysToKeepPerTable()));
                    logRetentionDays.set(policy.logRetentionDays());
                    vacuum.set(policy.vacuum());
                    policyNote.set("From " + config.folder() + (policy.archivePlugins().isEmpty() ? ""
                            : " · archive plugins " + policy.archivePlugins()) + " · a tenant's own days_to_keep (its settings"
                            + " rows) gets its own group in the plan");
                    tenantChoices.setAll(loaded.tenants());
                    if (loaded.interrupted() != null && plan.get() == null && loaded.interrupted().tenantCleanup() == null) {
                        showPlan(loaded.interrupted()); // what is left of it is deleted with its own cutoffs
                        status.set("A purge planned " + TIME.format(loaded.interrupted().createdAt()) + " was interrupted: "
                                + "Purge… finishes it with its own cutoffs (Make plan starts a new one).");
                    }
                }, failure -> {
                    policy = null;
                    policyNote.set(message("The purge settings could not be read", failure));
                });
        if (plan.get() == null && !status.get().contains("was interrupted")) {
            status.set("Make a plan to see what would be deleted" + (tenant == null ? "." : " for " + tenant + "."));
        }
    }

    private record Loaded(RetentionPolicy policy, List<String> tenants, PurgePlan interrupted) {
    }

    private PurgeConfigFiles config() {
        return new PurgeConfigFiles(folders.config().resolve("purge"));
    }

    /** The per-table overrides typed on the screen, checked against the profile's tables. */
    private Map<String, Integer> perTableTyped() {
        return RetentionPolicy.parsePerTable(perTable.get(), session == null ? List.of()
                : session.profile().tables().stream().map(io.tidemark.core.profile.TableSpec::name).toList());
    }

    /** Saves days_to_keep, the per-table overrides and the log retention to the purge configuration. */
    public void savePolicy() {
        if (policy == null) {
            return;
        }
        try {
            Map<String, Integer> overrides = perTableTyped();
            config().save(daysToKeep.get(), overrides, logRetentionDays.get());
            policy = new RetentionPolicy(daysToKeep.get(), overrides, logRetentionDays.get(), policy.archiveDeleteOlderThan(),
                    policy.archivePlugins(), policy.vacuum(), policy.configuration());
            status.set("Saved in " + config().folder().resolve("conf.d").resolve(PurgeConfigFiles.GUI_FILE) + ".");
        } catch (TidemarkException e) {
            dialogs.showError("The policy was not saved", e.getMessage());
        }
    }

    /** Makes the plan in the background. */
    public void preview() {
        if (session == null || busy.get()) {
            return;
        }
        PlatformSession s = session;
        String t = tenant;
        RetentionPolicy base = policy != null ? policy : io.tidemark.config.purge.PurgeConfigFiles.policy(Map.of(), s.profile().retention(), null);
        Map<String, Integer> overrides;
        try {
            overrides = perTableTyped();
        } catch (TidemarkException e) {
            status.set("Per table: " + e.getMessage());
            return;
        }
        RetentionPolicy p = new RetentionPolicy(daysToKeep.get(), overrides, logRetentionDays.get(),
                base.archiveDeleteOlderThan(), base.archivePlugins(), vacuum.get(), base.configuration());
        busy.set(true);
        status.set("Counting what would be deleted…");
        running = tasks.submit("Purge plan", (progress, cancel) -> MakePurgePlan.make(s,
                new PurgeRequest(p, t, List.of(), archiveFirst.get(), true, null), progress), made -> {
                    busy.set(false);
                    showPlan(made);
                }, failure -> {
                    busy.set(false);
                    status.set(message("The plan could not be made", failure));
                });
    }

    private void showPlan(PurgePlan p) {
        plan.set(p);
        tables.setAll(p.steps().stream().map(s -> new TableLine(s.table(), s.scope(), s.cutoff() == null ? "all rows" : TIME.format(s.cutoff()),
                s.rows() + s.dependentRows(), s.bytes(), note(s))).toList());
        Map<String, FolderLine> byTenantKind = new LinkedHashMap<>();
        for (FileDelete f : p.files()) {
            byTenantKind.merge(f.tenant() + "/" + f.kind(), new FolderLine(f.tenant(), f.kind().label(), 1, f.bytes()),
                    (a, b) -> new FolderLine(a.tenant(), a.kind(), a.files() + 1, a.bytes() + b.bytes()));
        }
        files.setAll(byTenantKind.values());
        status.set(p.isEmpty() ? "Nothing to purge: every row and file is within its retention."
                : String.format(Locale.ROOT, "%,d rows (≈ %s) and %,d files (%s) would be deleted%s.", p.rows(), ByteSize.format(p.rowBytes()),
                p.files().size(), ByteSize.format(p.fileBytes()), p.archives().isEmpty() ? ""
                        : String.format(Locale.ROOT, "; %,d archives are past their window (expired from the Archive screen)", p.archives().size())));
    }

    private static String note(TableStep s) {
        List<String> parts = new ArrayList<>();
        if (s.dependentRows() > 0) {
            parts.add(String.format(Locale.ROOT, "%,d referencing rows in %s", s.dependentRows(),
                    s.dependents().stream().map(d -> d.table()).collect(Collectors.joining(", "))));
        }
        if (!s.partitions().isEmpty()) {
            parts.add(s.partitions().size() + " partitions dropped whole");
        }
        if (s.days() >= 0) {
            parts.add("keeps " + s.days() + " days");
        }
        return String.join(" · ", parts);
    }

    /** Asks for confirmation (typed when every row goes), then purges in the background with progress and Cancel. */
    public void purge() {
        PurgePlan p = plan.get();
        if (p == null || p.isEmpty() || session == null || busy.get() || !readOnlyReason.get().isEmpty()) {
            return;
        }
        if (!dialogs.confirmDanger(confirmation(p))) {
            status.set("Cancelled: nothing was deleted.");
            return;
        }
        execute(p, () -> RunPurge.run(session, p, options(p), runningProgress(), runningCancel()), null);
    }

    /** Asks for the tenant's name typed, then deletes everything of that tenant. */
    public void cleanupTenant(String name) {
        if (session == null || name == null || busy.get() || !readOnlyReason.get().isEmpty()) {
            return;
        }
        PlatformSession s = session;
        busy.set(true);
        status.set("Counting everything of " + name + "…");
        tasks.submit("Tenant cleanup plan", (progress, cancel) -> CleanupTenant.plan(s, name, progress), cleanup -> {
            busy.set(false);
            showPlan(cleanup);
            DangerConfirmation c = new DangerConfirmation("Delete tenant " + name,
                    "Every row and file of tenant " + name + " in " + cleanup.database() + " will be deleted, with its settings and its folders.",
                    details(cleanup), String.format(Locale.ROOT, "Delete tenant %s (%,d rows, %,d files)", name, cleanup.rows(), cleanup.files().size()),
                    name);
            if (!dialogs.confirmDanger(c)) {
                status.set("Cancelled: nothing was deleted.");
                return;
            }
            execute(cleanup, null, () -> CleanupTenant.run(s, cleanup, options(cleanup), null, runningProgress(), runningCancel()));
        }, failure -> {
            busy.set(false);
            status.set(message("The cleanup could not be planned", failure));
        });
    }

    private io.tidemark.core.Progress progressSink = io.tidemark.core.Progress.NONE;
    private Cancellation cancelSink = new Cancellation();

    private io.tidemark.core.Progress runningProgress() {
        return progressSink;
    }

    private Cancellation runningCancel() {
        return cancelSink;
    }

    private void execute(PurgePlan p, java.util.function.Supplier<PurgeResult> purge, java.util.function.Supplier<CleanupTenant.Result> cleanup) {
        busy.set(true);
        status.set(p.tenantCleanup() != null ? "Deleting tenant " + p.tenantCleanup() + "…" : "Purging…");
        running = tasks.submit(p.tenantCleanup() != null ? "Tenant cleanup" : "Purge", (progress, cancel) -> {
            progressSink = progress;
            cancelSink = cancel;
            return purge != null ? purge.get() : cleanup.get().purge();
        }, r -> {
            busy.set(false);
            plan.set(null);
            showResult(r);
        }, failure -> {
            busy.set(false);
            status.set(message("The purge stopped", failure));
        });
    }

    private RunPurge.Options options(PurgePlan p) {
        HistoryStore history = HistoryStore.open(folders);
        ArchiveGate gate = p.archiveFirst() ? ArchiveGates.forPlatform(session, history, io.tidemark.core.Progress.NONE) : ArchiveGate.NONE;
        return RunPurge.Options.of(PurgeJournalFile.of(folders), history)
                .withGate(gate, policy == null ? Map.of() : policy.configuration());
    }

    private void showResult(PurgeResult r) {
        String text = String.format(Locale.ROOT, "%s: %,d rows deleted%s in %.1f s (longest batch %d ms)%s%s",
                switch (r.outcome()) {
                    case DONE -> "Done";
                    case PARTIAL -> "Partly done";
                    case CANCELLED -> "Cancelled";
                    case FAILED -> "Stopped";
                    case REFUSED -> "Refused";
                }, r.rows(), r.filesDeleted() > 0 ? String.format(Locale.ROOT, " and %,d files (%s)", r.filesDeleted(), ByteSize.format(r.fileBytes())) : "",
                r.took().toMillis() / 1000.0, r.maxBatchMillis(),
                r.vacuumed().isEmpty() ? "" : " · VACUUM (ANALYZE) of " + String.join(", ", r.vacuumed()),
                r.problems().isEmpty() ? "" : " · " + String.join(" ", r.problems()));
        result.set(text);
        status.set(r.outcome() == PurgeResult.Outcome.DONE ? "Make a new plan to see what is left." : "Make the plan again to resume.");
        tables.clear();
        files.clear();
    }

    /** What the confirmation shows: the database, the tables with counts and bytes, the files, the cutoff. */
    DangerConfirmation confirmation(PurgePlan p) {
        Instant cutoff = p.steps().stream().map(TableStep::cutoff).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(p.createdAt());
        String header = "Purge " + p.database() + ": rows older than " + TIME.format(cutoff)
                + (p.steps().stream().map(TableStep::cutoff).distinct().count() > 1 ? " (and each tenant's own cutoff)" : "")
                + (p.archiveFirst() ? ", after their archive is written and verified." : ".");
        String action = String.format(Locale.ROOT, "Purge %,d rows", p.rows()) + (p.files().isEmpty() ? ""
                : String.format(Locale.ROOT, " and %,d files", p.files().size()));
        return new DangerConfirmation("Purge " + p.database(), header, details(p), action, p.deletesEverything() ? p.database() : null);
    }

    private static List<String> details(PurgePlan p) {
        List<String> lines = new ArrayList<>();
        for (TableStep s : p.steps()) {
            if (s.rows() + s.dependentRows() > 0 || !s.partitions().isEmpty()) {
                lines.add(String.format(Locale.ROOT, "%s (%s): %,d rows, ≈ %s%s", s.table(), s.scope(), s.rows() + s.dependentRows(),
                        ByteSize.format(s.bytes()), s.cutoff() == null ? "" : ", older than " + TIME.format(s.cutoff())));
            }
        }
        Map<FileDelete.Kind, List<FileDelete>> byKind = p.files().stream().collect(Collectors.groupingBy(FileDelete::kind));
        byKind.forEach((k, list) -> lines.add(String.format(Locale.ROOT, "%s: %,d files, %s", k.label(), list.size(),
                ByteSize.format(list.stream().mapToLong(FileDelete::bytes).sum()))));
        if (p.deletesEverything()) {
            lines.add("days_to_keep 0: EVERY row of these tables is deleted.");
        }
        lines.add(String.format(Locale.ROOT, "In all %,d rows (≈ %s) and %s of files.", p.rows(), ByteSize.format(p.rowBytes()),
                ByteSize.format(p.fileBytes())));
        return lines;
    }

    /** Stops the running purge after its current batch. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
        cancelSink.cancel();
    }

    private static String message(String what, Throwable failure) {
        return failure instanceof TidemarkException || failure instanceof Cancellation.CancelledException
                ? failure.getMessage() : what + ": " + failure;
    }

    public IntegerProperty daysToKeepProperty() {
        return daysToKeep;
    }

    /** Per-table overrides as typed: "cel=90, queue_log=30" (days_to_keep_per_table). */
    public javafx.beans.property.StringProperty perTableProperty() {
        return perTable;
    }

    public IntegerProperty logRetentionDaysProperty() {
        return logRetentionDays;
    }

    public BooleanProperty archiveFirstProperty() {
        return archiveFirst;
    }

    public BooleanProperty vacuumProperty() {
        return vacuum;
    }

    public ObjectProperty<PurgePlan> planProperty() {
        return plan;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty policyNoteProperty() {
        return policyNote.getReadOnlyProperty();
    }

    /** Why purging is off for this role, or empty. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    public ObservableList<TableLine> tables() {
        return tables;
    }

    public ObservableList<FolderLine> files() {
        return files;
    }

    public ObservableList<String> tenantChoices() {
        return tenantChoices;
    }

    /** Whether the Purge button works now. */
    public BooleanBinding canPurge() {
        return Bindings.createBooleanBinding(() -> plan.get() != null && !plan.get().isEmpty() && !busy.get()
                && readOnlyReason.get().isEmpty(), plan, busy, readOnlyReason);
    }

    /** Why the Purge button is off, in words (its tooltip). */
    public StringBinding purgeOffReason() {
        return Bindings.createStringBinding(() -> !readOnlyReason.get().isEmpty() ? readOnlyReason.get()
                : busy.get() ? "Working…" : plan.get() == null ? "Make a plan first: nothing is deleted without one."
                : plan.get().isEmpty() ? "The plan deletes nothing." : "Asks for confirmation before deleting.", plan, busy, readOnlyReason);
    }
}
