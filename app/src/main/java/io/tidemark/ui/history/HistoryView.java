package io.tidemark.ui.history;

import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.Outcome;
import io.tidemark.ui.ViewLoader;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** The History screen: a sortable list of actions and the selected one's plan and result. */
public final class HistoryView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @FXML private Parent root;
    @FXML private TextField search;
    @FXML private ComboBox<String> kind;
    @FXML private ComboBox<String> outcome;
    @FXML private DatePicker since;
    @FXML private CheckBox thisPlatform;
    @FXML private Button refreshButton;
    @FXML private TableView<HistoryEntry> entries;
    @FXML private Label detail;
    @FXML private TextArea plan;
    @FXML private TextArea result;
    @FXML private Label status;
    @FXML private TableView<io.tidemark.core.history.PlatformRecord> platformRecords;

    public HistoryView(HistoryViewModel model) {
        ViewLoader.load(this);
        search.textProperty().bindBidirectional(model.textProperty());
        kind.setItems(model.kinds());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        outcome.setItems(model.outcomes());
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        since.valueProperty().bindBidirectional(model.sinceProperty());
        thisPlatform.selectedProperty().bindBidirectional(model.thisPlatformOnlyProperty());
        thisPlatform.setTooltip(new Tooltip("Off: every platform this history holds (the window's and nightly jobs')"));
        refreshButton.setOnAction(e -> model.refresh());
        refreshButton.setTooltip(new Tooltip("Read the history file again (a nightly job may have written to it)"));
        detail.textProperty().bind(model.detailProperty());
        plan.textProperty().bind(model.planProperty());
        result.textProperty().bind(model.resultProperty());
        status.textProperty().bind(model.statusProperty());

        entries.getColumns().setAll(
                column("#", e -> e.id(), 60),
                column("Started", e -> e.started(), 165, v -> TIME.format((java.time.Instant) v)),
                column("Took", e -> e.duration() == null ? -1L : e.duration().toMillis(), 80,
                        v -> (Long) v < 0 ? "" : HistoryViewModel.took(java.time.Duration.ofMillis((Long) v))),
                column("Kind", HistoryEntry::kind, 120),
                outcomeColumn(),
                column("Platform", HistoryEntry::platformTitle, 150),
                column("Who", HistoryViewModel::who, 190),
                column("Subject", HistoryEntry::subject, 200),
                column("Message", HistoryEntry::message, 320));
        SortedList<HistoryEntry> sorted = new SortedList<>(model.entries());
        sorted.comparatorProperty().bind(entries.comparatorProperty());
        entries.setItems(sorted);
        entries.setPlaceholder(new Label("No action recorded yet: purges, archives, restores, expiries, VACUUMs and "
                + "tenant cleanups appear here when they start."));
        entries.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.selectedProperty().set(now));

        platformRecords.getColumns().setAll(
                recordColumn("Record", io.tidemark.core.history.PlatformRecord::source, 110),
                recordColumn("Started", r -> r.started() == null ? "" : TIME.format(r.started()), 160),
                recordColumn("Took", r -> r.started() == null || r.finished() == null ? ""
                        : HistoryViewModel.took(java.time.Duration.between(r.started(), r.finished())), 80),
                recordColumn("Tenant", io.tidemark.core.history.PlatformRecord::tenant, 160),
                recordColumn("Status", io.tidemark.core.history.PlatformRecord::status, 100),
                recordColumn("Rows", r -> r.rows() < 0 ? "" : String.format("%,d", r.rows()), 100),
                recordColumn("What", io.tidemark.core.history.PlatformRecord::what, 420));
        platformRecords.setItems(model.platformRecords());
        platformRecords.setPlaceholder(new Label("The platform keeps no cleanup history or job runs that Tidemark knows of "
                + "(the profile names them), or none were read yet."));
    }

    private static TableColumn<io.tidemark.core.history.PlatformRecord, String> recordColumn(String title,
            Function<io.tidemark.core.history.PlatformRecord, String> value, double width) {
        TableColumn<io.tidemark.core.history.PlatformRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<HistoryEntry, String> outcomeColumn() {
        TableColumn<HistoryEntry, String> c = column("Outcome", e -> HistoryViewModel.label(e.outcome()), 100);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("outcome-good", "outcome-bad", "outcome-warn");
                setText(empty ? null : item);
                if (!empty && item != null) {
                    Outcome o = Outcome.valueOf(item.toUpperCase(java.util.Locale.ROOT));
                    getStyleClass().add(switch (o) {
                        case DONE -> "outcome-good";
                        case FAILED, INTERRUPTED -> "outcome-bad";
                        default -> "outcome-warn";
                    });
                }
            }
        });
        return c;
    }

    private static <T> TableColumn<HistoryEntry, T> column(String title, Function<HistoryEntry, T> value, double width) {
        TableColumn<HistoryEntry, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T extends Comparable<T>> TableColumn<HistoryEntry, T> column(String title, Function<HistoryEntry, T> value,
                                                                              double width, Function<Object, String> text) {
        TableColumn<HistoryEntry, T> c = column(title, value, width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return c;
    }

    /** The screen's root node. */
    public Parent root() {
        return root;
    }

    /** Puts the cursor in the filter box (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
