package io.tidemark.ui.maintenance;

import io.tidemark.core.ByteSize;
import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.ui.ViewLoader;
import io.tidemark.ui.tasks.RunningTask;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The Maintenance screen: binds the view model to the table, the buttons, the report, the progress and the result. */
public final class MaintenanceView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @FXML private Parent root;
    @FXML private Button vacuumButton;
    @FXML private Button fullButton;
    @FXML private Button analyzeButton;
    @FXML private Button reindexButton;
    @FXML private Button refreshButton;
    @FXML private Label scope;
    @FXML private TableView<MaintenanceViewModel.TableLine> tables;
    @FXML private TextArea report;
    @FXML private HBox progressRow;
    @FXML private ProgressBar progress;
    @FXML private Label progressMessage;
    @FXML private Button cancelButton;
    @FXML private Label result;
    @FXML private Label status;

    public MaintenanceView(MaintenanceViewModel model) {
        ViewLoader.load(this);
        tables.setId("maintenanceTables");
        tables.setItems(model.tables());
        tables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        tables.setPlaceholder(new Label("No tables read yet"));
        tables.getColumns().setAll(java.util.List.of(
                text("Table", MaintenanceViewModel.TableLine::table, 220),
                bytes("Size", MaintenanceViewModel.TableLine::totalBytes, row -> "table + indexes + TOAST"),
                numeric("Dead rows", MaintenanceViewModel.TableLine::deadRows, v -> v < 0 ? "–" : ByteSize.count(v),
                        row -> "Dead rows waiting for VACUUM (pg_stat_user_tables.n_dead_tup)"),
                bytes("Est. reclaim", MaintenanceViewModel.TableLine::reclaimBytes, MaintenanceViewModel.TableLine::reclaimSource),
                when("Last vacuum", MaintenanceViewModel.TableLine::lastVacuum,
                        "The last manual VACUUM (PostgreSQL does not count VACUUM FULL here: it is a rewrite; the History screen lists it)"),
                when("Last autovacuum", MaintenanceViewModel.TableLine::lastAutovacuum, "The last VACUUM autovacuum ran on it")));
        tables.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now == null && was != null && !tables.getItems().contains(was)) {
                return; // the list was read again: the same table is selected again below, not forgotten
            }
            model.selectedTableProperty().set(now == null ? null : now.table());
        });
        model.tables().addListener((javafx.collections.ListChangeListener<MaintenanceViewModel.TableLine>) change ->
                javafx.application.Platform.runLater(() -> reselect(model.selectedTableProperty().get())));
        model.selectedTableProperty().addListener((obs, was, now) -> {
            if (now == null) {
                tables.getSelectionModel().clearSelection();
            } else {
                reselect(now);
            }
        });
        scope.textProperty().bind(Bindings.createStringBinding(() -> (model.selectedTableProperty().get() == null
                ? "No table selected: the commands act on the whole database; select a table to act on it alone."
                : "Selected: " + model.selectedTableProperty().get()) + " · " + model.tablesNoteProperty().get(),
                model.selectedTableProperty(), model.tablesNoteProperty()));

        vacuumButton.setOnAction(e -> model.start(MaintenanceKind.VACUUM));
        fullButton.setOnAction(e -> model.start(MaintenanceKind.VACUUM_FULL));
        analyzeButton.setOnAction(e -> model.start(MaintenanceKind.ANALYZE));
        reindexButton.setOnAction(e -> model.start(MaintenanceKind.REINDEX));
        refreshButton.setOnAction(e -> model.refresh());
        for (Button b : new Button[] {vacuumButton, fullButton, analyzeButton, reindexButton, refreshButton}) {
            b.disableProperty().bind(model.busyProperty());
        }
        fullButton.visibleProperty().bind(model.postgresProperty());
        fullButton.managedProperty().bind(model.postgresProperty());
        vacuumButton.textProperty().bind(Bindings.when(model.postgresProperty()).then("VACUUM (ANALYZE)…").otherwise("VACUUM…"));
        reindexButton.textProperty().bind(Bindings.when(model.postgresProperty()).then("REINDEX CONCURRENTLY…").otherwise("REINDEX…"));
        vacuumButton.setTooltip(new Tooltip("Marks dead rows' space reusable inside the table and refreshes statistics; blocks no reads "
                + "or writes. On SQLite: rewrites the file (or incremental vacuum)."));
        fullButton.setTooltip(new Tooltip("Rewrites the table to give its free space back to the disk. Locks it for the whole run: "
                + "the platform's writes wait. The pre-flight report tells the cost first."));

        report.textProperty().bind(model.reportProperty());
        result.textProperty().bind(model.resultProperty());
        status.textProperty().bind(model.statusProperty());
        progressRow.visibleProperty().bind(model.runningProperty().isNotNull());
        progressRow.managedProperty().bind(model.runningProperty().isNotNull());
        cancelButton.setOnAction(e -> model.cancel());
        model.runningProperty().addListener((obs, was, now) -> showTask(now));
    }

    private void reselect(String table) {
        MaintenanceViewModel.TableLine selected = tables.getSelectionModel().getSelectedItem();
        if (table != null && (selected == null || !table.equals(selected.table()))) {
            tables.getItems().stream().filter(t -> t.table().equals(table)).findFirst().ifPresent(t -> tables.getSelectionModel().select(t));
        }
    }

    private void showTask(RunningTask task) {
        progress.progressProperty().unbind();
        progressMessage.textProperty().unbind();
        if (task != null) {
            progress.progressProperty().bind(task.progressProperty());
            progressMessage.textProperty().bind(task.messageProperty());
        }
    }

    private static <S> TableColumn<S, String> text(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private static <S> TableColumn<S, Long> bytes(String title, Function<S, Long> value, Function<S, String> source) {
        return numeric(title, value, v -> v < 0 ? "?" : ByteSize.format(v), source);
    }

    private static <S> TableColumn<S, Long> numeric(String title, Function<S, Long> value, Function<Long, String> text,
                                                     Function<S, String> tip) {
        TableColumn<S, Long> column = new TableColumn<>(title);
        column.setPrefWidth(110);
        column.getStyleClass().add("numeric");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                S row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null || v == null ? null : text.apply(v));
                setTooltip(row == null || v == null ? null : new Tooltip((v < 0 ? "Unknown" : ByteSize.count(v)) + " · " + tip.apply(row)));
            }
        });
        return column;
    }

    private static <S> TableColumn<S, Instant> when(String title, Function<S, Instant> value, String meaning) {
        TableColumn<S, Instant> column = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(meaning));
        column.setGraphic(header);
        column.setPrefWidth(140);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? "never" : WHEN.format(v));
            }
        });
        return column;
    }

    /** The screen's root node. */
    public Parent root() {
        return root;
    }
}
