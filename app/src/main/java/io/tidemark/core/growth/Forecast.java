package io.tidemark.core.growth;

import java.time.LocalDate;

/**
 * When one series reaches one limit at its current pace.
 *
 * @param target       what fills, in words ("the disk under DATA_DIR", "quota data_dir", "tenant acme-prod's quota")
 * @param series       the series followed ("DATA_DIR", "database", a tenant's name, "total")
 * @param currentBytes the series' newest value
 * @param limitBytes   the value at which the limit is reached
 * @param trend        the fitted trend (null when the series is too short to fit)
 * @param days         days from the series' last day until the limit, at the fitted pace (infinite when it does not grow)
 * @param date         that day, or null when never
 * @param earliest     the day at the band's fast end, or null
 * @param latest       the day at the band's slow end, or null when the slow end does not grow
 */
public record Forecast(String target, String series, long currentBytes, long limitBytes, Trend trend, double days,
                       LocalDate date, LocalDate earliest, LocalDate latest) {

    /**
     * The forecast of one series against one limit.
     *
     * @param windowDays the days fitted (the current pace), 0 for the whole series
     */
    public static Forecast of(String target, GrowthSeries series, long limitBytes, int windowDays) {
        GrowthPoint last = series.last();
        long current = last == null ? 0 : last.bytes();
        Trend trend = Trend.fit(series.points(), windowDays);
        if (trend == null) {
            return new Forecast(target, series.name(), current, limitBytes, null, Double.POSITIVE_INFINITY, null, null, null);
        }
        double days = Trend.daysUntil(current, trend.slope(), limitBytes);
        double soonest = Trend.daysUntil(current, trend.highSlope(), limitBytes);
        double slowest = Trend.daysUntil(current, trend.lowSlope(), limitBytes);
        return new Forecast(target, series.name(), current, limitBytes, trend, days, dayAfter(trend.lastDay(), days),
                dayAfter(trend.lastDay(), soonest), dayAfter(trend.lastDay(), slowest));
    }

    private static LocalDate dayAfter(LocalDate day, double days) {
        if (Double.isInfinite(days) || days > 365 * 200) {
            return null;
        }
        return day.plusDays(Math.round(days));
    }

    /** Whether the limit is reached at the fitted pace. */
    public boolean reached() {
        return date != null;
    }
}
