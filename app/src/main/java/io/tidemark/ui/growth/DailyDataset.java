package io.tidemark.ui.growth;

import io.tidemark.core.ByteSize;
import io.tidemark.core.growth.GrowthPoint;
import io.tidemark.core.growth.GrowthSeries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.TableXYDataset;

/**
 * Daily series on one shared day axis, held in plain arrays (five years of 50 series is 90,000 doubles): a day a series
 * has no point is NaN (no line drawn) or, stacked, 0.
 */
final class DailyDataset extends AbstractXYDataset implements TableXYDataset {

    private final List<GrowthSeries> series;
    private final long firstDay;
    private final int days;
    private final double[][] bytes;
    private final boolean[][] rebuilt;
    private final long[][] counts;

    DailyDataset(List<GrowthSeries> series, boolean stacked) {
        this.series = List.copyOf(series);
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
        return series.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int s) {
        return series.get(s).name();
    }

    @Override
    public int getItemCount() {
        return days;
    }

    @Override
    public int getItemCount(int s) {
        return days;
    }

    @Override
    public Number getX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public double getXValue(int s, int item) {
        return LocalDate.ofEpochDay(firstDay + item).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Override
    public Number getY(int s, int item) {
        return bytes[s][item];
    }

    @Override
    public double getYValue(int s, int item) {
        return bytes[s][item];
    }

    /** Whether that point was rebuilt from the data. */
    boolean rebuilt(int s, int item) {
        return rebuilt[s][item];
    }

    /** The point's day. */
    LocalDate day(int item) {
        return LocalDate.ofEpochDay(firstDay + item);
    }

    /** The tooltip: the series, the day, exact bytes, rows or files, and where the figure comes from. */
    String tooltip(int s, int item) {
        double value = bytes[s][item];
        if (Double.isNaN(value)) {
            return null;
        }
        long exact = Math.round(value);
        return series.get(s).name() + " · " + day(item) + "\n" + ByteSize.format(exact) + " (" + ByteSize.count(exact) + " bytes)"
                + (counts[s][item] > 0 ? " · " + ByteSize.count(counts[s][item]) + " rows or files" : "")
                + "\n" + (rebuilt[s][item] ? "rebuilt from the data" : "measured by a snapshot");
    }
}
