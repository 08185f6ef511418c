package io.tidemark.core.growth;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A straight line fitted robustly through a series: the Theil–Sen estimator (the median of the slopes between every
 * pair of points), so a burst of a few days moves it little, with Sen's 90 % confidence interval of the slope as the
 * uncertainty band.
 *
 * @param slope     bytes per day
 * @param lowSlope  the band's slow end, bytes per day
 * @param highSlope the band's fast end, bytes per day
 * @param level     the line's value on {@code lastDay}
 * @param lastDay   the last day fitted
 * @param points    how many points were fitted
 */
public record Trend(double slope, double lowSlope, double highSlope, double level, LocalDate lastDay, int points) {

    /** Above this many points, the fit uses evenly spaced ones (the pairs grow with the square). */
    static final int MAX_POINTS = 400;
    private static final double Z90 = 1.6448536;

    /**
     * Fits the last {@code windowDays} days of the series (all when 0).
     *
     * @return the trend, or null when fewer than three points remain
     */
    public static Trend fit(List<GrowthPoint> series, int windowDays) {
        if (series.isEmpty()) {
            return null;
        }
        LocalDate lastDay = series.get(series.size() - 1).day();
        List<GrowthPoint> window = windowDays <= 0 ? series
                : series.stream().filter(p -> p.day().isAfter(lastDay.minusDays(windowDays))).toList();
        int n = window.size();
        if (n < 3) {
            return null;
        }
        int step = (n + MAX_POINTS - 1) / MAX_POINTS;
        int m = (n - 1) / step + 1;
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0, j = n - 1 - (m - 1) * step; i < m; i++, j += step) {
            x[i] = window.get(j).day().toEpochDay() - lastDay.toEpochDay();
            y[i] = window.get(j).bytes();
        }
        double[] slopes = new double[m * (m - 1) / 2];
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
            }
        }
        Arrays.sort(slopes, 0, k);
        double slope = median(slopes, k);
        // Sen's confidence interval: ranks around the median from the variance of Kendall's S (ties ignored).
        double c = Z90 * Math.sqrt(m * (m - 1.0) * (2.0 * m + 5.0) / 18.0);
        int lower = (int) Math.max(0, Math.floor((k - c) / 2.0));
        int upper = (int) Math.min(k - 1, Math.ceil((k + c) / 2.0));
        double[] residuals = new double[m];
        for (int i = 0; i < m; i++) {
            residuals[i] = y[i] - slope * x[i];
        }
        Arrays.sort(residuals);
        double level = median(residuals, m);
        return new Trend(slope, slopes[lower], slopes[upper], level, lastDay, m);
    }

    private static double median(double[] sorted, int n) {
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** The line's value {@code days} after the last day fitted. */
    public double at(double days) {
        return level + slope * days;
    }

    /**
     * Days after the last day fitted until the line reaches {@code bytes}, at the given pace; infinite when it never
     * does (no growth), 0 when it is already there.
     */
    public static double daysUntil(double level, double slope, double bytes) {
        if (level >= bytes) {
            return 0;
        }
        return slope <= 0 ? Double.POSITIVE_INFINITY : (bytes - level) / slope;
    }
}
