package io.tidemark.ui.growth;

import io.tidemark.ui.Screenshots;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.ReadStorage;
import io.tidemark.actions.growth.RecordSnapshot;
import io.tidemark.config.UserFolders;
import io.tidemark.config.growth.GrowthStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.growth.Dimension;
import io.tidemark.ui.CurrentThreadTaskExecutor;
import io.tidemark.ui.Theme;
import java.awt.BasicStroke;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Growth screen on a demo platform with one snapshot: rebuilt and measured points, forecasts, top growers, exports. */
@ExtendWith(ApplicationExtension.class)
class GrowthViewTest {

    @TempDir
    static Path temp;
    static UserFolders folders;
    static PlatformSession session;

    private final SimpleBooleanProperty dark = new SimpleBooleanProperty();
    private GrowthViewModel model;
    private GrowthView view;
    private Scene scene;

    @BeforeAll
    static void demoWithOneSnapshot() {
        Path demo = TestDemos.build(temp.resolve("demo"), 6, 120, 21);
        folders = new UserFolders(temp.resolve("config"), temp.resolve("data"));
        session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE);
        // A snapshot at the end of the demo's last day: that day is measured, the days before it rebuilt.
        var report = ReadStorage.read(session, folders, false, false, Progress.NONE, new Cancellation());
        GrowthStore.open(folders).add(session.key(), RecordSnapshot.of(report, Instant.parse("2026-11-20T23:30:00Z")));
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Start
    void start(Stage stage) {
        model = new GrowthViewModel(new CurrentThreadTaskExecutor(), folders);
        view = new GrowthView(model, dark);
        scene = new Scene(view.root(), 1200, 760);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        model.load(session);
    }

    @Test
    void showsRebuiltAndMeasuredHistoryWithForecastsAndExports(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.reportProperty().get()).isNotNull();
        assertThat(label(robot, "growth-summary")).startsWith("Rebuilt from the data until 2026-11-19; measured by 1 snapshot(s) since.");
        assertThat(label(robot, "growth-forecast")).startsWith("At the current pace DATA_DIR fills the disk in about ");

        // Categories, stacked: the database and the file categories, rebuilt until the snapshot's day.
        XYPlot plot = view.chart().getXYPlot();
        assertThat(plot.getRenderer()).isInstanceOf(XYAreaRenderer.class);
        DailyDataset categories = (DailyDataset) plot.getDataset();
        assertThat(categories.getSeriesCount()).isEqualTo(5);
        assertThat(categories.getSeriesKey(0)).isEqualTo("database");
        assertThat(categories.getItemCount()).isEqualTo(120);
        assertThat(categories.getYValue(1, 119)).isEqualTo(categories.value(0, 119) + categories.value(1, 119)); // stacked
        assertThat(categories.rebuilt(0, 0)).isTrue();
        assertThat(categories.rebuilt(0, 119)).isFalse();
        assertThat(categories.tooltip(0, 119)).contains("database · 2026-11-20", "bytes", "measured by a snapshot");
        assertThat(categories.tooltip(0, 10)).contains("rebuilt from the data");
        assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).hasSize(1);
        // The tooltip under the pointer: the bottom band (the database) on the last day, with its exact bytes.
        java.awt.geom.Rectangle2D area = view.dataArea();
        double x = plot.getDomainAxis().valueToJava2D(categories.getXValue(0, 119), area, plot.getDomainAxisEdge());
        double y = plot.getRangeAxis().valueToJava2D(categories.getYValue(0, 119) / 2, area, plot.getRangeAxisEdge());
        assertThat(view.tooltipAt(x, y)).startsWith("database · 2026-11-20\n")
                .contains(String.format(java.util.Locale.ROOT, "%,d bytes", (long) categories.getYValue(0, 119)));
        assertThat(view.tooltipAt(area.getMinX() - 5, y)).isNull(); // outside the plot

        assertThat(model.fastestTenants()).hasSize(5);
        assertThat(model.fastestTables()).hasSize(5).first().asString().startsWith("cpipayload · +");
        assertThat(model.forecasts()).first().asString().startsWith("the disk under DATA_DIR: ");
        snapshot("growth.png");
        robot.interact(() -> {
            dark.set(true);
            Theme.apply(scene, true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.chart().getBackgroundPaint()).isEqualTo(GrowthChart.Colours.of(true).background());
        snapshot("growth-dark.png");
        robot.interact(() -> {
            dark.set(false);
            Theme.apply(scene, false);
        });

        // Tables as lines: rebuilt points dashed and hollow, measured ones solid and filled.
        robot.clickOn("#by-table");
        assertThat(model.dimensionProperty().get()).isEqualTo(Dimension.TABLE);
        plot = view.chart().getXYPlot();
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) plot.getRenderer();
        DailyDataset tables = (DailyDataset) plot.getDataset();
        assertThat(tables.growthSeriesCount()).isEqualTo(8);
        assertThat(tables.getSeriesCount()).isEqualTo(16); // each split in its measured part and its rebuilt part
        assertThat(tables.name(0)).isEqualTo("cpipayload");
        assertThat(((BasicStroke) lines.getItemStroke(1, 5)).getDashArray()).isNotNull();
        assertThat(((BasicStroke) lines.getItemStroke(0, 119)).getDashArray()).isNull();
        assertThat(tables.getYValue(0, 5)).isNaN(); // the measured part has no rebuilt day
        assertThat(tables.getYValue(1, 5)).isPositive();
        assertThat(tables.getYValue(0, 119)).isEqualTo(tables.getYValue(1, 119)); // the parts join on the snapshot's day
        assertThat(lines.getItemShapeFilled(1, 5)).isFalse();
        assertThat(lines.getItemShapeFilled(0, 119)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        area = view.dataArea();
        double onLine = plot.getRangeAxis().valueToJava2D(tables.getYValue(1, 60), area, plot.getRangeAxisEdge());
        double day60 = plot.getDomainAxis().valueToJava2D(tables.getXValue(1, 60), area, plot.getDomainAxisEdge());
        assertThat(view.tooltipAt(day60, onLine + 3)).startsWith("cpipayload · " + tables.day(60)).endsWith("rebuilt from the data");

        // Range presets narrow the days; the log scale swaps the axis.
        robot.clickOn("#range-days_30");
        assertThat(((DailyDataset) view.chart().getXYPlot().getDataset()).getItemCount()).isEqualTo(30);
        robot.clickOn("Log scale");
        assertThat(view.chart().getXYPlot().getRangeAxis()).isInstanceOf(LogAxis.class);
        robot.clickOn("#by-tenant");
        assertThat(((DailyDataset) view.chart().getXYPlot().getDataset()).growthSeriesCount()).isEqualTo(6);
        robot.interact(() -> model.showTenant("globex"));
        assertThat(((DailyDataset) view.chart().getXYPlot().getDataset()).getSeriesKey(0)).isEqualTo("globex");
        assertThat(((DailyDataset) view.chart().getXYPlot().getDataset()).growthSeriesCount()).isEqualTo(1);

        // Exports: the series shown as CSV, the chart as PNG.
        Path csv = temp.resolve("growth.csv");
        Path png = temp.resolve("growth-export.png");
        robot.interact(() -> {
            model.exportCsv(csv, outcome -> { });
            model.exportPng(png, view.chart(), 900, 500, outcome -> { });
        });
        assertThat(Files.readAllLines(csv)).first().isEqualTo("dimension,series,day,bytes,count,rebuilt");
        assertThat(Files.readAllLines(csv)).hasSize(31).last().asString().startsWith("tenant,globex,2026-11-20,").endsWith(",false");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(900);
    }

    private static String label(FxRobot robot, String styleClass) {
        return robot.lookup("." + styleClass).queryAs(Label.class).getText();
    }

    private void snapshot(String name) throws Exception {
        Screenshots.write(new FxRobot(), scene, name, temp);
    }
}
