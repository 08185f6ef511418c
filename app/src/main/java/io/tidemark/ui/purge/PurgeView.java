package io.tidemark.ui.purge;

import io.tidemark.core.ByteSize;
import io.tidemark.ui.ViewLoader;
import io.tidemark.ui.purge.PurgeViewModel.FolderLine;
import io.tidemark.ui.purge.PurgeViewModel.TableLine;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.List;
import java.util.function.Function;

/** The Purge screen. */
public final class PurgeView {

    @FXML private Parent root;
    @FXML private Button previewButton;
    @FXML private Button purgeButton;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;
    @FXML private Spinner<Integer> daysToKeep;
    @FXML private Spinner<Integer> logDays;
    @FXML private javafx.scene.control.TextField perTable;
    @FXML private CheckBox archiveFirst;
    @FXML private CheckBox vacuum;
    @FXML private Label policyNote;
    @FXML private Label offReason;
    @FXML private Label status;
    @FXML private ProgressBar progress;
    @FXML private Label result;
    @FXML private TableView<TableLine> planTables;
    @FXML private TableView<FolderLine> planFiles;
    @FXML private ComboBox<String> cleanupTenant;
    @FXML private Button cleanupButton;

    public PurgeView(PurgeViewModel model) {
        ViewLoader.load(this);
        SpinnerValueFactory.IntegerSpinnerValueFactory days = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 36_500, 365);
        daysToKeep.setValueFactory(days);
        days.valueProperty().bindBidirectional(model.daysToKeepProperty().asObject());
        SpinnerValueFactory.IntegerSpinnerValueFactory logs = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 36_500, 3);
        logDays.setValueFactory(logs);
        logs.valueProperty().bindBidirectional(model.logRetentionDaysProperty().asObject());
        daysToKeep.setTooltip(new Tooltip("days_to_keep: rows older than this many days are deleted; 0 deletes every row "
                + "(it asks you to type the database's name)"));
        archiveFirst.selectedProperty().bindBidirectional(model.archiveFirstProperty());
        archiveFirst.setTooltip(new Tooltip("Write and verify each tenant-day's archive first; nothing is deleted where it failed"));
        vacuum.selectedProperty().bindBidirectional(model.vacuumProperty());
        perTable.textProperty().bindBidirectional(model.perTableProperty());
        perTable.setTooltip(new Tooltip("days_to_keep_per_table: a table's own retention, written table=days (cel=90, queue_log=30);"
                + " used by the plan and saved with the policy"));
        saveButton.setOnAction(e -> model.savePolicy());
        saveButton.setTooltip(new Tooltip("Saves days_to_keep, the per-table days and the log retention in the purge configuration (conf.d)"));
        policyNote.textProperty().bind(model.policyNoteProperty());
        status.textProperty().bind(model.statusProperty());
        result.textProperty().bind(model.resultProperty());
        result.visibleProperty().bind(model.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        offReason.textProperty().bind(model.readOnlyReasonProperty());
        offReason.visibleProperty().bind(model.readOnlyReasonProperty().isNotEmpty());
        offReason.managedProperty().bind(offReason.visibleProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        previewButton.setOnAction(e -> model.preview());
        previewButton.disableProperty().bind(model.busyProperty());
        purgeButton.setOnAction(e -> model.purge());
        purgeButton.disableProperty().bind(model.canPurge().not());
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.purgeOffReason());
        purgeButton.setTooltip(why);
        cancelButton.setOnAction(e -> model.cancel());
        cancelButton.visibleProperty().bind(model.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        cancelButton.setTooltip(new Tooltip("Stops after the current batch; what was deleted stays consistent, and the next plan resumes"));
        cleanupTenant.setItems(model.tenantChoices());
        cleanupButton.setOnAction(e -> model.cleanupTenant(cleanupTenant.getValue()));
        cleanupButton.disableProperty().bind(cleanupTenant.valueProperty().isNull().or(model.busyProperty())
                .or(model.readOnlyReasonProperty().isNotEmpty()));
        cleanupButton.setTooltip(new Tooltip("Deletes every row, file, folder and cache key of the tenant; asks you to type its name"));

        planTables.getColumns().setAll(List.of(
                text("Table", TableLine::table, 200), text("Scope", TableLine::scope, 130), text("Older than", TableLine::cutoff, 150),
                number("Rows", TableLine::rows, false), number("≈ Bytes", TableLine::bytes, true), text("", TableLine::note, 360)));
        planTables.setItems(model.tables());
        planTables.setPlaceholder(new Label("No plan yet: Make plan counts what would be deleted, without deleting anything"));
        planFiles.getColumns().setAll(List.of(
                text("Tenant", FolderLine::tenant, 220), text("Kind", FolderLine::kind, 140),
                number("Files", FolderLine::files, false), number("Bytes", FolderLine::bytes, true)));
        planFiles.setItems(model.files());
        planFiles.setPlaceholder(new Label("No files to delete"));
    }

    /** The screen's root node. */
    public Parent root() {
        return root;
    }

    private static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<T, Long> number(String title, Function<T, Long> value, boolean bytes) {
        TableColumn<T, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(110);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : bytes ? ByteSize.format(v) : String.format(java.util.Locale.ROOT, "%,d", v));
                setTooltip(empty || v == null || !bytes ? null : new Tooltip(String.format(java.util.Locale.ROOT, "%,d bytes", v)));
                getStyleClass().add("number");
            }
        });
        return c;
    }
}
