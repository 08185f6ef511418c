package io.tidemark.ui.growth;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.ReadStorage;
import io.tidemark.actions.growth.GrowthCsv;
import io.tidemark.actions.growth.GrowthForecasts;
import io.tidemark.actions.growth.GrowthReport;
import io.tidemark.actions.growth.ReadGrowth;
import io.tidemark.actions.growth.RecordSnapshot;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.growth.Dimension;
import io.tidemark.core.growth.Forecast;
import io.tidemark.core.growth.GrowthSeries;
import io.tidemark.ui.shell.MainViewModel;
import io.tidemark.ui.tasks.RunningTask;
import io.tidemark.ui.tasks.TaskExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Growth screen: the platform's daily history read in the background, narrowed to what the screen shows. */
public final class GrowthViewModel {

    /** How many series a line chart shows at most (the largest), and how many fastest-growing names each list gives. */
    public static final int MAX_LINES = 12;
    public static final int TOP_N = 5;

    private final TaskExecutor tasks;
    private final UserFolders folders;
    private final ReadOnlyObjectWrapper<GrowthReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not read yet.");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper forecastSentence = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Dimension> dimension = new SimpleObjectProperty<>(Dimension.CATEGORY);
    private final ObjectProperty<GrowthRange> range = new SimpleObjectProperty<>(GrowthRange.ALL);
    private final BooleanProperty stacked = new SimpleBooleanProperty(true);
    private final BooleanProperty logScale = new SimpleBooleanProperty();
    private final ObservableList<GrowthSeries> shown = FXCollections.observableArrayList();
    private final ObservableList<String> fastestTables = FXCollections.observableArrayList();
    private final ObservableList<String> fastestTenants = FXCollections.observableArrayList();
    private final ObservableList<String> forecasts = FXCollections.observableArrayList();
    private String tenant;
    private String historyNote = "";
    private PlatformSession session;
    private long requests;
    private RunningTask running;

    public GrowthViewModel(TaskExecutor tasks, UserFolders folders) {
        this.tasks = tasks;
        this.folders = folders;
        dimension.addListener((obs, was, now) -> narrow());
        range.addListener((obs, was, now) -> narrow());
    }

    /** Reads {@code platform}'s growth in the background (rebuilds the history from its rows and files, then the snapshots). */
    public void load(PlatformSession platform) {
        if (running != null) {
            running.cancel();
        }
        long request = ++requests;
        if (platform != session) {
            report.set(null);
            narrow();
            forecastSentence.set("");
        }
        session = platform;
        if (platform == null) {
            status.set("No platform open.");
            return;
        }
        loading.set(true);
        status.set("Rebuilding the history from the data…");
        running = tasks.submit("Reading growth", (progress, cancel) -> ReadGrowth.read(platform, folders, progress, cancel),
                r -> {
                    if (request == requests) {
                        show(r);
                    }
                },
                failure -> {
                    if (request == requests) {
                        loading.set(false);
                        status.set(words(failure, "Reading growth failed: "));
                    }
                });
    }

    /** Reads the open platform's growth again. */
    public void reload() {
        load(session);
    }

    /** Scans the platform and records a snapshot in the growth history, then reads the history again. */
    public void recordSnapshot() {
        PlatformSession platform = session;
        if (platform == null) {
            return;
        }
        status.set("Scanning for a snapshot…");
        tasks.submit("Recording a snapshot", (progress, cancel) ->
                RecordSnapshot.record(platform, folders, ReadStorage.read(platform, folders, true, false, progress, cancel)),
                snapshot -> {
                    if (platform == session) {
                        load(platform);
                    }
                },
                failure -> status.set(words(failure, "Recording the snapshot failed: ")));
    }

    /** Writes the series shown as CSV in the background; {@code done} gets the outcome in words. */
    public void exportCsv(Path file, Consumer<String> done) {
        List<GrowthSeries> series = List.copyOf(shown);
        tasks.submit("Exporting " + file.getFileName(), (progress, cancel) -> {
            GrowthCsv.write(series, file);
            return file;
        }, f -> {
            status.set("Exported " + series.size() + " series to " + f);
            done.accept(status.get());
        }, failure -> {
            status.set(words(failure, "Export failed: "));
            done.accept(status.get());
        });
    }

    /** Writes {@code chart} (a copy, so zooming on screen meanwhile is harmless) as a PNG in the background. */
    public void exportPng(Path file, org.jfree.chart.JFreeChart chart, int width, int height, Consumer<String> done) {
        org.jfree.chart.JFreeChart copy;
        try {
            copy = (org.jfree.chart.JFreeChart) chart.clone();
        } catch (CloneNotSupportedException e) {
            copy = chart;
        }
        org.jfree.chart.JFreeChart toWrite = copy;
        tasks.submit("Exporting " + file.getFileName(), (progress, cancel) -> {
            org.jfree.chart.ChartUtils.saveChartAsPNG(file.toFile(), toWrite, width, height);
            return file;
        }, f -> {
            status.set("Exported the chart to " + f);
            done.accept(status.get());
        }, failure -> {
            status.set(words(failure, "Export failed: "));
            done.accept(status.get());
        });
    }

    /** Narrows the tenant series to one tenant ({@link MainViewModel#ALL_TENANTS} for all). */
    public void showTenant(String name) {
        tenant = name == null || name.equals(MainViewModel.ALL_TENANTS) ? null : name;
        narrow();
    }

    private void show(GrowthReport r) {
        loading.set(false);
        report.set(r);
        LocalDate first = r.history().firstSnapshot();
        GrowthSeries total = r.history().total();
        historyNote = (total.points().isEmpty() ? "No history: the platform has no dated rows or files yet."
                : (first == null ? "Every point is rebuilt from the data (row timestamps, archive and job log names, run log times): "
                        + "no snapshot recorded yet."
                        : "Rebuilt from the data until " + first.minusDays(1) + "; measured by " + r.history().snapshots()
                                + " snapshot(s) since.")
                        + " Total " + ByteSize.format(total.last().bytes()) + " on " + total.last().day() + ".");
        summary.set(historyNote);
        Forecast disk = GrowthForecasts.disk(r, GrowthForecasts.DEFAULT_WINDOW_DAYS);
        forecastSentence.set(GrowthForecasts.sentence(disk));
        forecasts.setAll(GrowthForecasts.of(r, GrowthForecasts.DEFAULT_WINDOW_DAYS, 0).stream().map(GrowthViewModel::line).toList());
        status.set("History rebuilt in " + String.format(java.util.Locale.ROOT, "%.2f", r.rebuildTook().toMillis() / 1000.0) + " s");
        narrow();
    }

    private static String line(Forecast f) {
        String pace = f.trend() == null ? "too short to fit" : "+" + ByteSize.format(Math.round(f.trend().slope())) + "/day";
        return f.target() + ": " + (f.date() == null ? "not at this pace" : f.date().toString()) + " · " + pace;
    }

    /** Recomputes what the chart and the lists show from the report, the dimension, the range and the tenant. */
    private void narrow() {
        GrowthReport r = report.get();
        if (r == null) {
            shown.clear();
            fastestTables.clear();
            fastestTenants.clear();
            forecasts.clear();
            summary.set("");
            return;
        }
        LocalDate from = from(r);
        List<GrowthSeries> all = r.history().of(dimension.get()).stream()
                .filter(s -> dimension.get() != Dimension.TENANT || tenant == null || s.name().equals(tenant))
                .map(s -> s.since(from)).filter(s -> !s.points().isEmpty()).toList();
        List<GrowthSeries> series = all.stream().limit(MAX_LINES).toList();
        summary.set(historyNote + (series.size() < all.size() ? " The chart shows the " + series.size() + " largest of "
                + all.size() + " " + dimension.get().key() + "s; the tenant selector picks one." : ""));
        shown.setAll(series);
        fastestTables.setAll(fastest(r.history().of(Dimension.TABLE), from));
        fastestTenants.setAll(fastest(r.history().of(Dimension.TENANT), from));
    }

    private LocalDate from(GrowthReport r) {
        GrowthSeries total = r.history().total();
        if (range.get().days() == 0 || total.last() == null) {
            return null;
        }
        return total.last().day().minusDays(range.get().days() - 1L);
    }

    private static List<String> fastest(List<GrowthSeries> all, LocalDate from) {
        record Added(String name, long bytes, int days) {
        }
        return all.stream().map(s -> s.since(from)).filter(s -> s.points().size() > 1)
                .map(s -> new Added(s.name(), s.last().bytes() - s.points().get(0).bytes(), s.points().size() - 1))
                .sorted(Comparator.comparingLong(Added::bytes).reversed())
                .limit(TOP_N)
                .map(a -> a.name() + " · +" + ByteSize.format(a.bytes()) + ", " + ByteSize.format(a.bytes() / Math.max(1, a.days())) + "/day")
                .toList();
    }

    private static String words(Throwable failure, String prefix) {
        return failure instanceof TidemarkException || failure instanceof Cancellation.CancelledException
                ? failure.getMessage() : prefix + failure;
    }

    public ReadOnlyObjectProperty<GrowthReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The Overview's sentence: when DATA_DIR fills the disk at the current pace. */
    public ReadOnlyStringProperty forecastSentenceProperty() {
        return forecastSentence.getReadOnlyProperty();
    }

    public ObjectProperty<Dimension> dimensionProperty() {
        return dimension;
    }

    public ObjectProperty<GrowthRange> rangeProperty() {
        return range;
    }

    /** Whether the categories are drawn as a stacked area (otherwise one line each). */
    public BooleanProperty stackedProperty() {
        return stacked;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The series the chart shows, largest first. */
    public ObservableList<GrowthSeries> shown() {
        return shown;
    }

    public ObservableList<String> fastestTables() {
        return fastestTables;
    }

    public ObservableList<String> fastestTenants() {
        return fastestTenants;
    }

    /** Each forecast in words. */
    public ObservableList<String> forecasts() {
        return forecasts;
    }

    /** The first snapshot's day of the history shown, or null (points before it are rebuilt). */
    public LocalDate firstSnapshot() {
        return report.get() == null ? null : report.get().history().firstSnapshot();
    }
}
