package io.tidemark.ui.growth;

import io.tidemark.core.growth.Dimension;
import io.tidemark.ui.ViewLoader;
import java.io.File;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/** The Growth screen: a JFreeChart of the shown series, the fastest growers and the forecasts. It only binds and forwards. */
public final class GrowthView {

    @FXML private Parent root;
    @FXML private Button snapshotButton;
    @FXML private Button pngButton;
    @FXML private Button csvButton;
    @FXML private HBox dimensionButtons;
    @FXML private HBox rangeButtons;
    @FXML private CheckBox stackedBox;
    @FXML private CheckBox logBox;
    @FXML private Button resetZoomButton;
    @FXML private Label forecast;
    @FXML private Label summary;
    @FXML private StackPane chartHolder;
    @FXML private ListView<String> fastestTables;
    @FXML private ListView<String> fastestTenants;
    @FXML private ListView<String> forecasts;
    @FXML private Label status;

    private final GrowthViewModel model;
    private final ObservableBooleanValue dark;
    private final ChartViewer viewer = new ChartViewer();

    public GrowthView(GrowthViewModel model, ObservableBooleanValue dark) {
        this.model = model;
        this.dark = dark;
        ViewLoader.load(this);
        viewer.getStyleClass().add("growth-chart-viewer");
        // Tooltips from the data under the pointer, not from one entity per point and frame (see GrowthChart.tooltipAt).
        viewer.getCanvas().setTooltipEnabled(false);
        viewer.getCanvas().addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> viewer.getCanvas().setTooltip(
                tooltipAt(e.getX(), e.getY()), e.getScreenX() + 12, e.getScreenY() + 12));
        chartHolder.getChildren().setAll(viewer);

        ToggleGroup dimensions = new ToggleGroup();
        for (Dimension d : new Dimension[] {Dimension.CATEGORY, Dimension.TABLE, Dimension.TENANT}) {
            ToggleButton b = new ToggleButton(switch (d) {
                case CATEGORY -> "Categories";
                case TABLE -> "Tables";
                default -> "Tenants";
            });
            b.setId("by-" + d.key());
            b.setToggleGroup(dimensions);
            b.setSelected(model.dimensionProperty().get() == d);
            b.setOnAction(e -> {
                b.setSelected(true);
                model.dimensionProperty().set(d);
            });
            dimensionButtons.getChildren().add(b);
        }
        ToggleGroup ranges = new ToggleGroup();
        for (GrowthRange r : GrowthRange.values()) {
            ToggleButton b = new ToggleButton(r.label());
            b.setId("range-" + r.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(ranges);
            b.setSelected(model.rangeProperty().get() == r);
            b.setOnAction(e -> {
                b.setSelected(true);
                model.rangeProperty().set(r);
            });
            rangeButtons.getChildren().add(b);
        }
        stackedBox.selectedProperty().bindBidirectional(model.stackedProperty());
        stackedBox.disableProperty().bind(model.dimensionProperty().isNotEqualTo(Dimension.CATEGORY));
        stackedBox.setTooltip(new Tooltip("The categories as a stacked area (their sum is the total)"));
        logBox.selectedProperty().bindBidirectional(model.logScaleProperty());
        logBox.setTooltip(new Tooltip("A logarithmic size axis, so small series show next to large ones (lines only)"));
        resetZoomButton.setOnAction(e -> redraw());
        resetZoomButton.setTooltip(new Tooltip("Drag on the chart to zoom in, Ctrl-drag to pan, scroll to zoom"));
        snapshotButton.setOnAction(e -> model.recordSnapshot());
        snapshotButton.setTooltip(new Tooltip("Scan the platform and record today's figures in the growth history"));
        pngButton.setOnAction(e -> exportPng());
        csvButton.setOnAction(e -> exportCsv());
        pngButton.disableProperty().bind(model.reportProperty().isNull());
        csvButton.disableProperty().bind(model.reportProperty().isNull());

        forecast.textProperty().bind(model.forecastSentenceProperty());
        summary.textProperty().bind(model.summaryProperty());
        status.textProperty().bind(model.statusProperty());
        fastestTables.setItems(model.fastestTables());
        fastestTenants.setItems(model.fastestTenants());
        forecasts.setItems(model.forecasts());

        model.shown().addListener((ListChangeListener<Object>) c -> redraw());
        model.stackedProperty().addListener((obs, was, now) -> redraw());
        model.logScaleProperty().addListener((obs, was, now) -> redraw());
        dark.addListener((obs, was, now) -> redraw());
        redraw();
    }

    /** Builds the chart again from what the model shows (this also resets zoom and pan). */
    private void redraw() {
        boolean stacked = model.stackedProperty().get() && model.dimensionProperty().get() == Dimension.CATEGORY;
        JFreeChart chart = GrowthChart.build(model.shown(), stacked, model.logScaleProperty().get(), dark.get(), model.firstSnapshot());
        viewer.setChart(chart);
    }

    /** The plot's data area on the canvas as last drawn, or null. */
    java.awt.geom.Rectangle2D dataArea() {
        var info = viewer.getCanvas().getRenderingInfo();
        return info == null ? null : info.getPlotInfo().getDataArea();
    }

    /** What the tooltip says at a point of the chart canvas (null: nothing there). */
    String tooltipAt(double x, double y) {
        var info = viewer.getCanvas().getRenderingInfo();
        return viewer.getChart() == null || info == null ? null
                : GrowthChart.tooltipAt(viewer.getChart(), info.getPlotInfo().getDataArea(), x, y);
    }

    /** The chart on screen (for tests and export). */
    public JFreeChart chart() {
        return viewer.getChart();
    }

    private void exportPng() {
        File file = choose("Export the chart as PNG", "tidemark-growth.png", "PNG", "*.png");
        if (file != null) {
            model.exportPng(file.toPath(), viewer.getChart(), Math.max(800, (int) viewer.getWidth()), Math.max(500, (int) viewer.getHeight()),
                    outcome -> { });
        }
    }

    private void exportCsv() {
        File file = choose("Export the series as CSV", "tidemark-growth.csv", "CSV", "*.csv");
        if (file != null) {
            model.exportCsv(file.toPath(), outcome -> { });
        }
    }

    private File choose(String title, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser.showSaveDialog(root.getScene().getWindow());
    }

    /** The screen's root node. */
    public Parent root() {
        return root;
    }
}
