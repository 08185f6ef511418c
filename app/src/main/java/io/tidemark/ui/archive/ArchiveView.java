package io.tidemark.ui.archive;

import io.tidemark.core.ByteSize;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.BrowsePage;
import io.tidemark.ui.ViewLoader;
import io.tidemark.ui.archive.ArchiveViewModel.ArchiveLine;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** The Archive screen: the archives table, an export form, and a paged browser of one archive's rows. */
public final class ArchiveView {

    @FXML private Parent root;
    @FXML private Button refreshButton;
    @FXML private Button verifyButton;
    @FXML private Button verifyAllButton;
    @FXML private Button browseButton;
    @FXML private Button restoreButton;
    @FXML private Button expireButton;
    @FXML private Spinner<Integer> expireDays;
    @FXML private TableView<ArchiveLine> archives;
    @FXML private ChoiceBox<String> exportTenant;
    @FXML private DatePicker exportFrom;
    @FXML private DatePicker exportTo;
    @FXML private ChoiceBox<ArchiveFormat> exportFormat;
    @FXML private CheckBox exportGzip;
    @FXML private Button exportButton;
    @FXML private ProgressBar exportProgress;
    @FXML private Button exportCancel;
    @FXML private Label browseTitle;
    @FXML private ChoiceBox<String> browseTable;
    @FXML private TextField browseSearch;
    @FXML private Button previousPage;
    @FXML private Button nextPage;
    @FXML private Label pageLabel;
    @FXML private TableView<List<String>> rows;
    @FXML private Label status;

    public ArchiveView(ArchiveViewModel model) {
        ViewLoader.load(this);
        status.textProperty().bind(model.statusProperty());
        refreshButton.setOnAction(e -> model.refresh());
        refreshButton.disableProperty().bind(model.busyProperty());

        archives.setItems(new SortedList<>(model.lines()));
        ((SortedList<ArchiveLine>) archives.getItems()).comparatorProperty().bind(archives.comparatorProperty());
        archives.setPlaceholder(new Label("No archives found in the tenants' archive folders or the archive table"));
        archives.getColumns().setAll(List.of(
                text("Tenant", ArchiveLine::tenant, 150),
                text("Day", l -> l.day().toString(), 108),
                text("Format", l -> l.format() + (l.compressed() ? " · gz" : ""), 110),
                number("Size", ArchiveLine::sizeBytes, ByteSize::format, 90),
                number("Rows", ArchiveLine::rows, n -> n < 0 ? "?" : String.format(Locale.ROOT, "%,d", n), 90),
                text("State", ArchiveLine::state, 110),
                text("Verification", ArchiveLine::verification, 270)));
        var selected = archives.getSelectionModel().selectedItemProperty();
        var noFile = Bindings.createBooleanBinding(() -> selected.get() == null || !selected.get().entry().hasFile(), selected);
        verifyButton.disableProperty().bind(noFile);
        browseButton.disableProperty().bind(noFile);
        restoreButton.disableProperty().bind(noFile);
        verifyButton.setOnAction(e -> model.verify(selected.get()));
        verifyAllButton.setOnAction(e -> model.verifyAll());
        verifyAllButton.setTooltip(new Tooltip("Verify every archive, and the archive table against the folders "
                + "(rows without files, files without rows); deletes temporary files an interrupted export left"));
        browseButton.setOnAction(e -> model.browse(selected.get()));
        restoreButton.setOnAction(e -> model.restore(selected.get()));
        restoreButton.setTooltip(new Tooltip("Put the archive's rows back into the database (rows still there are skipped)"));
        expireDays.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, 3650, 30));
        expireDays.setEditable(true);
        expireButton.setOnAction(e -> model.expire(expireDays.getValue()));
        expireButton.setTooltip(new Tooltip("List the archives older than this many days (by the date in their name), then delete "
                + "them and their rows after your confirmation"));

        exportTenant.setItems(model.tenants());
        model.tenants().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if ((exportTenant.getValue() == null || !model.tenants().contains(exportTenant.getValue())) && !model.tenants().isEmpty()) {
                exportTenant.setValue(model.tenants().get(0));
            }
            if (exportFrom.getValue() == null) {
                // first listing: the platform's own defaults (days_ago, delete_older_than)
                expireDays.getValueFactory().setValue(model.defaultExpiryDays());
                exportFrom.setValue(model.defaultExportDay());
                exportTo.setValue(model.defaultExportDay());
            }
        });
        javafx.util.StringConverter<LocalDate> iso = new javafx.util.StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : d.toString();
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
        };
        exportFrom.setConverter(iso);
        exportTo.setConverter(iso);
        exportFormat.getItems().setAll(ArchiveFormat.values());
        exportFormat.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ArchiveFormat f) {
                return f == null ? "" : f == ArchiveFormat.SQLITE ? "SQLite file" : "psql script";
            }

            @Override
            public ArchiveFormat fromString(String s) {
                return null;
            }
        });
        exportFormat.setValue(ArchiveFormat.SQLITE);
        exportFormat.setTooltip(new Tooltip("SQLite file: <tenant>_YYYY_MM_DD.archive.sqlite, any SQLite tool opens it. psql script: "
                + "<tenant>_YYYY_MM_DD.archive, restorable with psql -f (PostgreSQL platforms only)."));
        exportButton.setOnAction(e -> model.export(new ArchiveViewModel.ExportRequest(exportTenant.getValue(), exportFrom.getValue(),
                exportTo.getValue(), exportFormat.getValue(), exportGzip.isSelected())));
        exportButton.disableProperty().bind(model.exportProperty().isNotNull());
        exportCancel.visibleProperty().bind(model.exportProperty().isNotNull());
        exportProgress.visibleProperty().bind(model.exportProperty().isNotNull());
        exportCancel.setOnAction(e -> model.cancelExport());
        model.exportProperty().addListener((obs, was, now) -> {
            exportProgress.progressProperty().unbind();
            if (now != null) {
                exportProgress.progressProperty().bind(now.progressProperty());
            }
        });

        browseTitle.textProperty().bind(model.browseTitleProperty());
        browseTable.setItems(model.browseTables());
        browseTable.valueProperty().bindBidirectional(model.browseTableProperty());
        browseTable.setOnAction(e -> {
            if (browseTable.getValue() != null && model.pageProperty().get() != null
                    && !browseTable.getValue().equals(model.pageProperty().get().table())) {
                model.showRows(browseTable.getValue(), browseSearch.getText());
            }
        });
        browseSearch.setOnAction(e -> model.showRows(browseTable.getValue(), browseSearch.getText()));
        browseSearch.setPromptText("Search (Enter): text in any column");
        previousPage.setOnAction(e -> model.previousPage());
        nextPage.setOnAction(e -> model.nextPage());
        rows.setPlaceholder(new Label("No rows"));
        model.pageProperty().addListener((obs, was, now) -> showPage(now));
        showPage(null);
    }

    private void showPage(BrowsePage page) {
        boolean none = page == null;
        browseTable.setDisable(none);
        browseSearch.setDisable(none);
        previousPage.setDisable(none || page.offset() == 0);
        nextPage.setDisable(none || page.offset() + ArchiveViewModel.PAGE_SIZE >= page.matching());
        if (none) {
            rows.getColumns().clear();
            rows.getItems().clear();
            pageLabel.setText("");
            return;
        }
        if (rows.getColumns().size() != page.columns().size() || !sameColumns(page)) {
            rows.getColumns().clear();
            for (int i = 0; i < page.columns().size(); i++) {
                int index = i;
                TableColumn<List<String>, String> col = new TableColumn<>(page.columns().get(i));
                col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().get(index)));
                col.setPrefWidth(Math.max(80, Math.min(260, 9 * page.columns().get(i).length() + 40)));
                col.setSortable(false);
                rows.getColumns().add(col);
            }
        }
        rows.getItems().setAll(page.rows());
        pageLabel.setText(page.matching() == 0 ? "No rows" : String.format(Locale.ROOT, "Rows %,d–%,d of %,d", page.offset() + 1,
                page.offset() + page.rows().size(), page.matching()));
    }

    private boolean sameColumns(BrowsePage page) {
        for (int i = 0; i < page.columns().size(); i++) {
            if (!rows.getColumns().get(i).getText().equals(page.columns().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static TableColumn<ArchiveLine, String> text(String title, Function<ArchiveLine, String> value, double width) {
        TableColumn<ArchiveLine, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setPrefWidth(width);
        if (title.equals("Verification") || title.equals("State")) {
            col.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null ? null : new Tooltip(item));
                    getStyleClass().removeAll("archive-bad", "archive-good");
                    if (!empty && item != null) {
                        if (item.startsWith("FAILED") || item.equals("File missing") || item.equals("Not recorded")) {
                            getStyleClass().add("archive-bad");
                        } else if (item.equals("Verified")) {
                            getStyleClass().add("archive-good");
                        }
                    }
                }
            });
        }
        return col;
    }

    private static TableColumn<ArchiveLine, Long> number(String title, Function<ArchiveLine, Long> value, Function<Long, String> format,
                                                         double width) {
        TableColumn<ArchiveLine, Long> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setPrefWidth(width);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        col.getStyleClass().add("numeric");
        return col;
    }

    /** The screen's root node. */
    public Parent root() {
        return root;
    }

}
