package io.tidemark.ui.storage;

import io.tidemark.core.ByteSize;
import io.tidemark.ui.ViewLoader;
import io.tidemark.ui.storage.StorageViewModel.FamilyLine;
import io.tidemark.ui.storage.StorageViewModel.TableLine;
import io.tidemark.ui.storage.StorageViewModel.TenantLine;
import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;

/** The Storage screen: sortable tables of raw figures shown in words, with exact values in tooltips. */
public final class StorageView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @FXML private Parent root;
    @FXML private Button rescanButton;
    @FXML private Button fullRescanButton;
    @FXML private Button exportButton;
    @FXML private Button exactButton;
    @FXML private Label summary;
    @FXML private TabPane tabs;
    @FXML private Tab tablesTab;
    @FXML private Tab tenantsTab;
    @FXML private Tab problemsTab;
    @FXML private TableView<TableLine> tables;
    @FXML private TableView<TableLine> otherTables;
    @FXML private TableView<TenantLine> tenants;
    @FXML private TableView<FamilyLine> serviceLogs;
    @FXML private ListView<String> problems;
    @FXML private Label status;
    @FXML private javafx.scene.layout.StackPane treemapHolder;
    private final TreemapView treemap = new TreemapView();

    public StorageView(StorageViewModel model) {
        ViewLoader.load(this);
        summary.textProperty().bind(model.summaryProperty());
        treemapHolder.getChildren().add(treemap);
        model.reportProperty().addListener((obs, was, now) -> treemap.show(now == null ? null : io.tidemark.actions.StorageTree.of(now)));
        status.textProperty().bind(model.statusProperty());
        rescanButton.setOnAction(e -> model.rescan(false));
        rescanButton.setTooltip(new Tooltip("Read the table statistics again and walk only the folders changed since the last scan"));
        fullRescanButton.setOnAction(e -> model.rescan(true));
        fullRescanButton.setTooltip(new Tooltip("Forget what earlier scans learnt and walk every folder of DATA_DIR"));
        rescanButton.disableProperty().bind(model.loadingProperty());
        exactButton.setOnAction(e -> model.countExactly());
        exactButton.setTooltip(new Tooltip("Count every table's rows with count(*) and, where pgstattuple is installed, "
                + "measure bloat with pgstattuple_approx: reads every table, so it takes longer"));
        exactButton.disableProperty().bind(model.loadingProperty().or(model.reportProperty().isNull()));
        fullRescanButton.disableProperty().bind(model.loadingProperty());
        exportButton.disableProperty().bind(model.reportProperty().isNull().or(model.loadingProperty()));
        exportButton.setOnAction(e -> export(model));
        problemsTab.textProperty().bind(Bindings.size(model.problems()).asString("Warnings (%d)"));
        problems.setItems(model.problems());
        problems.setPlaceholder(new Label("Every file was counted"));

        showTables(tables, model.tables().filtered(TableLine::inProfile), "No tables of the profile read yet");
        showTables(otherTables, model.tables().filtered(l -> !l.inProfile()), "No other tables");

        tenants.getColumns().setAll(java.util.List.of(
                text("Tenant", TenantLine::tenant, 200, l -> null),
                bytes("Archives", TenantLine::archiveBytes, "Files under the tenant's archive folder"),
                bytes("Job logs", TenantLine::jobLogBytes, "Aggregated per-day job logs, wherever the tenant's settings put them"),
                bytes("Run logs", TenantLine::runLogBytes, "Per-run logs"),
                bytes("Other", TenantLine::otherBytes, "Anything else in the tenant's folders"),
                bytes("Total", TenantLine::totalBytes, "All of the tenant's files"),
                count("Files", TenantLine::files, l -> null, l -> false),
                count("DB rows", TenantLine::dbRows, TenantLine::dbPrecision, l -> !l.dbPrecision().startsWith("Counted")),
                bytes("DB bytes", TenantLine::dbBytes, "Each table's bytes shared in proportion to the tenant's rows", TenantLine::dbPrecision),
                day("Oldest", TenantLine::oldest),
                day("Newest", TenantLine::newest)));
        SortedList<TenantLine> sortedTenants = new SortedList<>(model.tenants());
        sortedTenants.comparatorProperty().bind(tenants.comparatorProperty());
        tenants.setItems(sortedTenants);
        // Eleven columns in the width of a laptop screen: narrow figures, the tenant's name wider.
        for (TableColumn<TenantLine, ?> column : tenants.getColumns()) {
            column.setPrefWidth(switch (column.getText()) {
                case "Tenant" -> 150;
                case "Files" -> 65;
                case "DB rows" -> 90;
                case "Oldest", "Newest" -> 100;
                default -> 84;
            });
        }
        tenants.setPlaceholder(new Label("No DATA_DIR scanned"));

        serviceLogs.getColumns().setAll(java.util.List.of(
                text("Rotation family", FamilyLine::family, 300, l -> "The log with its rotated backups (.1 … .N, .gz)"),
                bytes("Size", FamilyLine::bytes, "All files of the family"),
                count("Files", FamilyLine::files, l -> null, l -> false),
                date("Newest", FamilyLine::newest)));
        SortedList<FamilyLine> sortedFamilies = new SortedList<>(model.serviceLogs());
        sortedFamilies.comparatorProperty().bind(serviceLogs.comparatorProperty());
        serviceLogs.setItems(sortedFamilies);
        serviceLogs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        serviceLogs.setPlaceholder(new Label("No service logs found"));
    }

    private static void showTables(TableView<TableLine> view, javafx.collections.ObservableList<TableLine> lines, String empty) {
        view.getColumns().setAll(java.util.List.of(
                text("Table", TableLine::table, 220, l -> l.inProfile() ? "Managed by the platform profile" : "Not in the platform profile"),
                count("Rows", TableLine::rows, l -> l.rowsExact() ? "Counted" : "Estimate from statistics", l -> !l.rowsExact()),
                bytes("Table", TableLine::tableBytes, "The table's own pages"),
                bytes("Indexes", TableLine::indexBytes, "All its indexes"),
                bytes("TOAST", TableLine::toastBytes, "Out-of-line values (PostgreSQL)"),
                bytes("Total", TableLine::totalBytes, "Table, indexes and TOAST"),
                count("Dead rows", TableLine::deadRows, l -> "pg_stat_user_tables.n_dead_tup", l -> false),
                bytes("Bloat", TableLine::bloatBytes, null, TableLine::bloatSource),
                date("Last vacuum", TableLine::lastVacuum),
                date("Last analyze", TableLine::lastAnalyze)));
        SortedList<TableLine> sorted = new SortedList<>(lines);
        sorted.comparatorProperty().bind(view.comparatorProperty());
        view.setItems(sorted);
        view.setPlaceholder(new Label(empty));
    }

    private void export(StorageViewModel model) {
        boolean tenantsShown = tabs.getSelectionModel().getSelectedItem() == tenantsTab;
        FileChooser chooser = new FileChooser();
        chooser.setTitle(tenantsShown ? "Export tenants as CSV" : "Export tables as CSV");
        chooser.setInitialFileName(tenantsShown ? "tidemark-tenants.csv" : "tidemark-tables.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        if (tenantsShown) {
            model.exportTenants(file.toPath(), outcome -> { }); // the model shows the outcome in the status line
        } else {
            model.exportTables(file.toPath(), outcome -> { });
        }
    }

    private static <S> TableColumn<S, String> text(String title, Function<S, String> value, double width, Function<S, String> tip) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> cell(v -> v, tip));
        return column;
    }

    private static <S> TableColumn<S, Long> bytes(String title, Function<S, Long> value, String meaning) {
        return bytes(title, value, meaning, null);
    }

    private static <S> TableColumn<S, Long> bytes(String title, Function<S, Long> value, String meaning, Function<S, String> source) {
        return numeric(title, 100, value, (row, v) -> v < 0 ? "?" : ByteSize.format(v),
                (row, v) -> (v < 0 ? "Unknown" : ByteSize.count(v) + " bytes") + (meaning == null ? "" : " · " + meaning)
                        + (source == null ? "" : " · " + source.apply(row)));
    }

    private static <S> TableColumn<S, Long> count(String title, Function<S, Long> value, Function<S, String> tip,
                                                   java.util.function.Predicate<S> estimate) {
        return numeric(title, 110, value, (row, v) -> v < 0 ? "–" : (estimate.test(row) ? "≈ " : "") + ByteSize.count(v),
                (row, v) -> tip.apply(row));
    }

    /** A right-aligned column that sorts by the raw number and shows it in words, with a tooltip per row. */
    private static <S> TableColumn<S, Long> numeric(String title, double width, Function<S, Long> value,
                                                     java.util.function.BiFunction<S, Long, String> text,
                                                     java.util.function.BiFunction<S, Long, String> tip) {
        TableColumn<S, Long> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.getStyleClass().add("numeric");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                S row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null || v == null ? null : text.apply(row, v));
                String t = row == null || v == null ? null : tip.apply(row, v);
                setTooltip(t == null ? null : new Tooltip(t));
            }
        });
        return column;
    }

    private static <S> TableColumn<S, Instant> day(String title, Function<S, Instant> value) {
        TableColumn<S, Instant> column = date(title, value);
        column.setPrefWidth(95);
        column.setCellFactory(c -> cell(v -> v == null ? "—" : DAY.format(v), row -> null));
        return column;
    }

    private static <S> TableColumn<S, Instant> date(String title, Function<S, Instant> value) {
        TableColumn<S, Instant> column = new TableColumn<>(title);
        column.setPrefWidth(140);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        column.setCellFactory(c -> cell(v -> v == null ? "—" : DAY_TIME.format(v), row -> null));
        return column;
    }

    private static <S, T> TableCell<S, T> cell(Function<T, String> format, Function<S, String> tip) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                S row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || row == null ? null : format.apply(v));
                String t = row == null ? null : tip.apply(row);
                setTooltip(t == null ? null : new Tooltip(t));
            }
        };
    }

    /** The treemap, for tests that drill into it. */
    public TreemapView treemap() {
        return treemap;
    }

    /** The screen's root node. */
    public Parent root() {
        return root;
    }

    /** Rescans the changed folders (Ctrl+R). */
    public void rescan() {
        rescanButton.fire();
    }
}
