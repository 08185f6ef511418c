package io.tidemark.ui.overview;

import io.tidemark.ui.ViewLoader;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import java.util.function.Function;

/** The Overview screen: binds the view model's figures to cards and the tables list. */
public final class OverviewView {

    @FXML private Parent root;
    @FXML private Label databaseSize;
    @FXML private Label databaseDetail;
    @FXML private Label tenants;
    @FXML private Label tenantsDetail;
    @FXML private Label diskFree;
    @FXML private Label diskDetail;
    @FXML private ProgressBar diskUsed;
    @FXML private TableView<OverviewViewModel.TableRow> tables;
    @FXML private TableColumn<OverviewViewModel.TableRow, String> tableColumn;
    @FXML private TableColumn<OverviewViewModel.TableRow, String> rowsColumn;
    @FXML private TableColumn<OverviewViewModel.TableRow, String> sizeColumn;
    @FXML private Label status;
    @FXML private Label scopeNote;
    @FXML private Label forecast;
    @FXML private Label dataDirSize;
    @FXML private Label dataDirDetail;
    @FXML private Node databaseCard;
    @FXML private Node dataDirCard;
    @FXML private Node tenantsCard;
    @FXML private Node diskCard;
    @FXML private ListView<String> biggestTenants;
    @FXML private ListView<String> warnings;
    @FXML private Label warningsTitle;

    /** @param openDetail opens the screen with a card's detail (the Storage screen) */
    public OverviewView(OverviewViewModel model, Runnable openDetail) {
        ViewLoader.load(this);
        for (Node card : new Node[] {databaseCard, dataDirCard, tenantsCard, diskCard}) {
            card.setOnMouseClicked(e -> openDetail.run());
            Tooltip.install(card, new Tooltip("Open the Storage screen for the detail"));
        }
        dataDirSize.textProperty().bind(model.dataDirSizeProperty());
        dataDirDetail.textProperty().bind(model.dataDirDetailProperty());
        dataDirSize.setTooltip(new Tooltip("Every file and folder under DATA_DIR and the tenants' moved log folders, as du -sb counts them"));
        biggestTenants.setItems(model.biggestTenants());
        biggestTenants.setPlaceholder(new Label("Known after the first scan"));
        biggestTenants.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openDetail.run();
            }
        });
        warnings.setItems(model.warnings());
        Label noWarnings = new Label("After each scan: limits near or exceeded (quotas.yml) and files the scan could not count");
        noWarnings.setWrapText(true);
        noWarnings.setMaxWidth(300);
        warnings.setPlaceholder(noWarnings);
        warnings.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("warning-exceeded", "warning-near");
                if (!empty && text != null) {
                    getStyleClass().add(text.startsWith("Limit exceeded") ? "warning-exceeded" : "warning-near");
                }
            }
        });
        warningsTitle.textProperty().bind(javafx.beans.binding.Bindings.size(model.warnings()).asString("Warnings (%d)"));
        databaseSize.textProperty().bind(model.databaseSizeProperty());
        databaseDetail.textProperty().bind(model.databaseDetailProperty());
        tenants.textProperty().bind(model.tenantsProperty());
        tenantsDetail.textProperty().bind(model.tenantsDetailProperty());
        diskFree.textProperty().bind(model.diskFreeProperty());
        diskDetail.textProperty().bind(model.diskDetailProperty());
        diskUsed.progressProperty().bind(model.diskUsedProperty());
        status.textProperty().bind(model.statusProperty());
        scopeNote.textProperty().bind(model.scopeNoteProperty());
        scopeNote.visibleProperty().bind(model.scopeNoteProperty().isNotEmpty());
        scopeNote.managedProperty().bind(scopeNote.visibleProperty());
        forecast.textProperty().bind(model.forecastProperty());
        forecast.visibleProperty().bind(model.forecastProperty().isNotEmpty());
        forecast.managedProperty().bind(forecast.visibleProperty());
        databaseSize.setTooltip(new Tooltip("Size of the database on disk: pg_database_size on PostgreSQL, "
                + "the file with its journal on SQLite"));
        diskFree.setTooltip(new Tooltip("Free space for this user on the filesystem holding DATA_DIR, as the OS reports it"));
        tables.setItems(model.tables());
        tables.setPlaceholder(new Label("No tables of the profile in this database"));
        tableColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        rowsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rows()));
        sizeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().size()));
        rowsColumn.setCellFactory(c -> withTooltip(OverviewViewModel.TableRow::rowsTooltip));
        sizeColumn.setCellFactory(c -> withTooltip(OverviewViewModel.TableRow::sizeTooltip));
        rowsColumn.setSortable(false); // listed largest first; sorting words would mislead
        sizeColumn.setSortable(false);
    }

    private static TableCell<OverviewViewModel.TableRow, String> withTooltip(Function<OverviewViewModel.TableRow, String> tip) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                OverviewViewModel.TableRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(tip.apply(row)));
            }
        };
    }

    /** The screen's root node. */
    public Parent root() {
        return root;
    }
}
