package io.tidemark.ui.maintenance;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.maintenance.Maintenance;
import io.tidemark.actions.maintenance.PreFlightText;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.core.maintenance.MaintenanceOptions;
import io.tidemark.core.maintenance.MaintenanceRefused;
import io.tidemark.core.maintenance.MaintenanceRequest;
import io.tidemark.core.maintenance.MaintenanceTable;
import io.tidemark.core.maintenance.PreFlight;
import io.tidemark.core.storage.TableStats;
import io.tidemark.ui.dialogs.DangerConfirmation;
import io.tidemark.ui.dialogs.DialogService;
import io.tidemark.ui.tasks.RunningTask;
import io.tidemark.ui.tasks.TaskExecutor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Maintenance screen's logic: the tables with their dead rows and reclaim, and each command as pre-flight (in the
 * background) → confirmation (the typed name for VACUUM FULL; Cancel is the default) → run with progress and Cancel → result.
 */
public final class MaintenanceViewModel {

    /** One table as the screen lists it. */
    public record TableLine(String table, long totalBytes, long deadRows, long reclaimBytes, String reclaimSource, Instant lastVacuum,
                            Instant lastAutovacuum) {

        /** The latest of the manual and automatic vacuums, or null. */
        public Instant lastAnyVacuum() {
            if (lastVacuum == null) {
                return lastAutovacuum;
            }
            return lastAutovacuum == null || lastVacuum.isAfter(lastAutovacuum) ? lastVacuum : lastAutovacuum;
        }
    }

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final UserFolders folders;
    private final ObservableList<TableLine> tables = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedTable = new SimpleObjectProperty<>();
    private final StringProperty report = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty tablesNote = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty postgres = new SimpleBooleanProperty();
    private final ObjectProperty<RunningTask> running = new SimpleObjectProperty<>();
    private PlatformSession session;

    public MaintenanceViewModel(TaskExecutor tasks, DialogService dialogs, UserFolders folders) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.folders = folders;
    }

    /** Shows {@code now}'s tables, reading them when the platform changed. */
    public void show(PlatformSession now) {
        if (now != session) {
            session = now;
            report.set("");
            result.set("");
            tables.clear();
            refresh();
        }
    }

    /** Reads the tables again. */
    public void refresh() {
        PlatformSession open = session;
        String keep = selectedTable.get();
        if (open == null) {
            tables.clear();
            return;
        }
        postgres.set(open.info().kind() == DatabaseKind.POSTGRESQL);
        tablesNote.set("Reading the tables…");
        tasks.submit("Reading table statistics", (progress, cancellation) -> maintenance(open).tables(cancellation), read -> {
            if (open != session) {
                return;
            }
            tables.setAll(read.stream().map(MaintenanceViewModel::line).toList());
            selectedTable.set(tables.stream().anyMatch(t -> t.table().equals(keep)) ? keep : null);
            tablesNote.set(tables.size() + " tables · dead rows and last vacuum from " + (postgres.get() ? "pg_stat_user_tables" : "SQLite")
                    + "; reclaim " + (postgres.get() ? "estimated from statistics (the pre-flight measures with pgstattuple when installed)"
                    : "from dbstat (unused bytes inside pages)"));
        }, failure -> tablesNote.set("Reading the tables failed: " + failure.getMessage()));
    }

    private static TableLine line(MaintenanceTable m) {
        TableStats t = m.stats();
        return new TableLine(t.table(), t.totalBytes(), t.deadRows(), m.reclaimBytes(), m.method()
                + (m.errorBytes() > 0 ? " · ± " + ByteSize.format(m.errorBytes()) : ""), t.lastVacuum(), t.lastAutovacuum());
    }

    private Maintenance maintenance(PlatformSession open) {
        return new Maintenance(open, HistoryStore.open(folders));
    }

    /**
     * Runs {@code kind} on the selected table (or the whole database when none is selected): pre-flight in the background,
     * then the confirmation, then the command with progress. Nothing runs when the dialog is cancelled.
     */
    public void start(MaintenanceKind kind) {
        PlatformSession open = session;
        if (open == null || busy.get()) {
            return;
        }
        String table = selectedTable.get();
        MaintenanceRequest request = new MaintenanceRequest(kind, table == null ? List.of() : List.of(table),
                kind == MaintenanceKind.REINDEX && postgres.get() ? MaintenanceOptions.defaults().withConcurrently(true)
                        // ANALYZE after the vacuum: the dead-row and size figures the screen shows are current afterwards
                        : MaintenanceOptions.defaults().withAnalyze(postgres.get() && (kind == MaintenanceKind.VACUUM
                        || kind == MaintenanceKind.VACUUM_FULL)));
        busy.set(true);
        result.set("");
        status.set("Preparing " + request.describe() + "…");
        tasks.submit("Preparing " + request.describe(), (progress, cancellation) -> maintenance(open).preFlight(request, false),
                plan -> confirmAndRun(open, plan), failure -> {
                    busy.set(false);
                    status.set(failure.getMessage());
                });
    }

    private void confirmAndRun(PlatformSession open, PreFlight plan) {
        String text = PreFlightText.format(plan);
        report.set(text);
        if (plan.refusal() != null) {
            busy.set(false);
            status.set("Refused: " + plan.refusal());
            return;
        }
        String subject = plan.request().wholeDatabase() ? "the database " + open.info().name() : plan.request().tables().get(0);
        String header = plan.request().kind().verb() + " " + subject
                + (plan.reclaimBytes() > 0 ? " · returns about " + ByteSize.format(plan.reclaimBytes()) + " ± " + ByteSize.format(plan.errorBytes()) : "")
                + (plan.request().kind() == MaintenanceKind.VACUUM_FULL ? " · writes wait until it ends" : "");
        boolean go = dialogs.confirmDanger(new DangerConfirmation(plan.request().kind().verb(), header, List.<String>of(),
                plan.request().kind().verb() + " " + (plan.request().wholeDatabase() ? open.info().name() : plan.request().tables().get(0)),
                plan.confirmName(), text));
        if (!go) {
            busy.set(false);
            status.set("Cancelled: nothing was changed.");
            return;
        }
        String typed = plan.confirmName(); // the dialog enabled its button only once this was typed
        status.set("Running " + plan.request().describe() + "…");
        RunningTask handle = tasks.submit(plan.request().describe(), (progress, cancellation) -> maintenance(open).run(plan, typed, progress, cancellation),
                done -> {
                    running.set(null);
                    busy.set(false);
                    result.set(Maintenance.summary(done) + (plan.reclaimBytes() > 0
                            ? " · estimated " + ByteSize.format(plan.reclaimBytes()) + " ± " + ByteSize.format(plan.errorBytes()) : "")
                            + (done.pagesBefore() == null ? "" : String.format(" · free-list pages %,d → %,d",
                            done.pagesBefore().freelistCount(), done.pagesAfter().freelistCount())));
                    status.set("Done; recorded in the history.");
                    refresh();
                }, failure -> {
                    running.set(null);
                    busy.set(false);
                    status.set(failure instanceof Cancellation.CancelledException ? "Cancelled: the server rolled the statement back; "
                            + "nothing was changed by it." : (failure instanceof MaintenanceRefused ? "Refused: " : "") + failure.getMessage());
                    refresh();
                });
        running.set(handle);
    }

    /** Asks the running command to stop (the server cancels its backend). */
    public void cancel() {
        RunningTask handle = running.get();
        if (handle != null) {
            handle.cancel();
            status.set("Cancelling…");
        }
    }

    public ObservableList<TableLine> tables() {
        return tables;
    }

    public ObjectProperty<String> selectedTableProperty() {
        return selectedTable;
    }

    /** The last pre-flight report. */
    public StringProperty reportProperty() {
        return report;
    }

    /** The last result. */
    public StringProperty resultProperty() {
        return result;
    }

    /** Where the table figures come from, or that they are being read. */
    public StringProperty tablesNoteProperty() {
        return tablesNote;
    }

    /** What the last command did, or why it did not run. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Whether a command is being prepared or runs. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Whether the platform is PostgreSQL (VACUUM FULL, REINDEX CONCURRENTLY); SQLite has one VACUUM for the file. */
    public BooleanProperty postgresProperty() {
        return postgres;
    }

    /** The command running now, for its progress and Cancel, or null. */
    public ObjectProperty<RunningTask> runningProperty() {
        return running;
    }
}
