package io.tidemark.ui.growth;

import io.tidemark.core.ByteSize;
import io.tidemark.core.growth.GrowthPoint;
import io.tidemark.core.growth.GrowthSeries;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.TableXYDataset;

/**
 * Daily series on one shared day axis, held in plain arrays (five years of 50 series is 90,000 doubles): a day a series
 * has no point is NaN (no line drawn) or, stacked, 0 (a stacked series' y is its top edge). For lines each series is split in two dataset series, its
 * measured days (even index) and its rebuilt days (odd index, drawn dashed), so each part draws as one path.
 * It shows at most {@link #MAX_ITEMS} days of the window on screen (every n-th day and the window's last): a frame never
 * draws more points than the chart has pixels; zooming in narrows the window and brings every day back.
 */
final class DailyDataset extends AbstractXYDataset implements TableXYDataset {

    private final List<GrowthSeries> series;
    private final long firstDay;
    private final int days;
    private final double[][] bytes;
    private final boolean[][] rebuilt;
    private final long[][] counts;
    private final boolean split;
    private final boolean stacked;
    /** Days drawn at most: about one per pixel of a full-width plot. */
    static final int MAX_ITEMS = 600;
    private int start;
    private int end;
    private int step = 1;

    DailyDataset(List<GrowthSeries> series, boolean stacked) {
        this.series = List.copyOf(series);
        this.split = !stacked;
        this.stacked = stacked;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (GrowthSeries s : series) {
            if (!s.points().isEmpty()) {
                first = Math.min(first, s.points().get(0).day().toEpochDay());
                last = Math.max(last, s.last().day().toEpochDay());
            }
        }
        this.firstDay = first == Long.MAX_VALUE ? 0 : first;
        this.days = first == Long.MAX_VALUE ? 0 : (int) (last - first + 1);
        this.bytes = new double[series.size()][days];
        this.rebuilt = new boolean[series.size()][days];
        this.counts = new long[series.size()][days];
        this.start = 0;
        this.end = days - 1;
        this.step = Math.max(1, (days + MAX_ITEMS - 1) / MAX_ITEMS);
        for (int s = 0; s < series.size(); s++) {
            Arrays.fill(bytes[s], stacked ? 0.0 : Double.NaN);
            for (GrowthPoint p : series.get(s).points()) {
                int i = (int) (p.day().toEpochDay() - firstDay);
                bytes[s][i] = p.bytes();
                rebuilt[s][i] = p.rebuilt();
                counts[s][i] = p.count();
            }
        }
    }

    @Override
    public int getSeriesCount() {
        return split ? 2 * series.size() : series.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int s) {
        String name = series.get(underlying(s)).name();
        return split && s % 2 == 1 ? name + " (rebuilt)" : name;
    }

    /** How many growth series it holds. */
    int growthSeriesCount() {
        return series.size();
    }

    /** The growth series' name of a dataset series. */
    String name(int s) {
        return series.get(underlying(s)).name();
    }

    /** The growth series behind a dataset series. */
    int underlying(int s) {
        return split ? s / 2 : s;
    }

    /** Whether the dataset series is the rebuilt part of a split series. */
    boolean isRebuiltPart(int s) {
        return split && s % 2 == 1;
    }

    /**
     * Shows the days between two times (epoch millis; the whole history when {@code all}), thinned to {@link #MAX_ITEMS}.
     *
     * @return whether what is shown changed
     */
    boolean window(double fromMillis, double toMillis, boolean all) {
        if (days == 0) {
            return false;
        }
        int from = all ? 0 : (int) Math.max(0, Math.floor(dayIndex(fromMillis)) - 1);
        int to = all ? days - 1 : (int) Math.min(days - 1, Math.ceil(dayIndex(toMillis)) + 1);
        if (to < from) {
            from = 0;
            to = days - 1;
        }
        int newStep = Math.max(1, (to - from + 1 + MAX_ITEMS - 1) / MAX_ITEMS);
        if (from == start && to == end && newStep == step) {
            return false;
        }
        start = from;
        end = to;
        step = newStep;
        fireDatasetChanged();
        return true;
    }

    private double dayIndex(double millis) {
        return millis / 86_400_000.0 - firstDay;
    }

    /** The item drawn nearest to a time (epoch millis), or -1 when there is none. */
    int itemNear(double millis) {
        int count = getItemCount();
        if (count == 0) {
            return -1;
        }
        int item = (int) Math.round((dayIndex(millis) - start) / step);
        return Math.max(0, Math.min(count - 1, item));
    }

    /** The growth series' value at an item (NaN when it has no point that day), whichever part draws it. */
    double value(int growthSeries, int item) {
        return bytes[growthSeries][index(item)];
    }

    /** The day index of an item: every step-th day of the window, and the window's last day. */
    private int index(int item) {
        return Math.min(start + item * step, end);
    }

    @Override
    public int getItemCount() {
        return days == 0 ? 0 : (end - start) / step + 1 + ((end - start) % step == 0 ? 0 : 1);
    }

    @Override
    public int getItemCount(int s) {
        return getItemCount();
    }

    @Override
    public Number getX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public double getXValue(int s, int item) {
        return (firstDay + index(item)) * 86_400_000.0;
    }

    @Override
    public Number getY(int s, int item) {
        return getYValue(s, item);
    }

    @Override
    public double getYValue(int s, int item) {
        int u = underlying(s);
        int i = index(item);
        if (stacked) {
            // Stacked: each series' top edge, the series below it included, so one filled path per series draws it.
            double top = 0;
            for (int k = 0; k <= u; k++) {
                top += bytes[k][i];
            }
            return top;
        }
        boolean r = rebuilt[u][i];
        if (s % 2 == 1) {
            // The rebuilt part, carried on to the first measured point so the two parts join.
            return r || item > 0 && rebuilt[u][index(item - 1)] ? bytes[u][i] : Double.NaN;
        }
        return r ? Double.NaN : bytes[u][i];
    }

    /** Whether that point was rebuilt from the data. */
    boolean rebuilt(int s, int item) {
        return rebuilt[underlying(s)][index(item)];
    }

    /** The point's day. */
    LocalDate day(int item) {
        return LocalDate.ofEpochDay(firstDay + index(item));
    }

    /** The tooltip: the series, the day, exact bytes, rows or files, and where the figure comes from. */
    String tooltip(int k, int item) {
        int s = underlying(k);
        int i = index(item);
        double value = bytes[s][i];
        if (Double.isNaN(value)) {
            return null;
        }
        long exact = Math.round(value);
        return series.get(s).name() + " · " + day(item) + "\n" + ByteSize.format(exact) + " (" + ByteSize.count(exact) + " bytes)"
                + (counts[s][i] > 0 ? " · " + ByteSize.count(counts[s][i]) + " rows or files" : "")
                + "\n" + (rebuilt[s][i] ? "rebuilt from the data" : "measured by a snapshot");
    }
}
