package io.tidemark.core.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The robust trend and the forecasts built on it, on series whose true fill day is known. */
class ForecastTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /** size(day) = base + perDay × day, with a little noise; the limit is reached on a day we can compute. */
    private static GrowthSeries linear(int days, long base, long perDay, long noise) {
        List<GrowthPoint> points = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < days; i++) {
            long jitter = noise == 0 ? 0 : (long) (random.nextGaussian() * noise);
            points.add(new GrowthPoint(START.plusDays(i), base + perDay * i + jitter, 0, true));
        }
        return new GrowthSeries(Dimension.TOTAL, "total", points);
    }

    @Test
    void aLinearSeriesReachesItsLimitOnTheTrueDayWithinOnePercent() {
        long perDay = 2_000_000_000L / 1000; // 2 MB a day
        GrowthSeries series = linear(180, 50_000_000_000L, perDay, 0);
        long limit = 50_000_000_000L + perDay * 600; // reached 600 days after START, 421 after the last day
        Forecast f = Forecast.of("disk", series, limit, 90);
        double trueDays = 600 - 179;
        assertThat(f.days()).isCloseTo(trueDays, within(trueDays * 0.01));
        assertThat(f.date()).isEqualTo(START.plusDays(600));
        assertThat(f.trend().slope()).isCloseTo(perDay, within(1.0));
        assertThat(f.earliest()).isEqualTo(f.date()); // no noise: the band collapses on the line
    }

    @Test
    void noiseWidensTheBandAroundTheTrueDay() {
        long perDay = 1_000_000;
        GrowthSeries series = linear(120, 10_000_000_000L, perDay, 3_000_000);
        long last = series.last().bytes();
        long limit = last + perDay * 300;
        Forecast f = Forecast.of("disk", series, limit, 90);
        assertThat(f.days()).isCloseTo(300, within(3.0));
        assertThat(f.trend().lowSlope()).isLessThan(perDay).isGreaterThan(perDay * 0.9);
        assertThat(f.trend().highSlope()).isGreaterThan(perDay).isLessThan(perDay * 1.1);
        assertThat(f.earliest()).isBefore(f.date());
        assertThat(f.latest()).isAfter(f.date());
    }

    @Test
    void aBurstDoesNotThrowTheForecastOff() {
        long perDay = 1_000_000;
        List<GrowthPoint> points = new ArrayList<>();
        long size = 10_000_000_000L;
        List<Double> olsInput = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            // Three days at six times the pace (the demo's burst), then back to normal; and one day a 20 GB spike
            // that a scan saw before the files were moved away.
            size += i >= 60 && i < 63 ? 6 * perDay : perDay;
            long seen = i == 75 ? size + 20_000_000_000L : size;
            points.add(new GrowthPoint(START.plusDays(i), seen, 0, false));
            olsInput.add((double) seen);
        }
        GrowthSeries series = new GrowthSeries(Dimension.TOTAL, "total", points);
        long limit = series.last().bytes() + 365 * perDay;
        Forecast f = Forecast.of("disk", series, limit, 90);
        assertThat(f.days()).isCloseTo(365, within(365 * 0.02));
        // A least-squares line through the same points is far off: that is what the robust fit is for.
        assertThat(Math.abs(leastSquaresSlope(olsInput) - perDay) / perDay).isGreaterThan(0.1);
    }

    private static double leastSquaresSlope(List<Double> y) {
        int n = y.size();
        double mx = (n - 1) / 2.0;
        double my = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - mx) * (y.get(i) - my);
            sxx += (i - mx) * (i - mx);
        }
        return sxy / sxx;
    }

    @Test
    void aFlatSeriesNeverFillsAndAShortOneIsNotForecast() {
        Forecast flat = Forecast.of("disk", linear(30, 1000, 0, 0), 5000, 90);
        assertThat(flat.reached()).isFalse();
        assertThat(flat.days()).isInfinite();
        Forecast shortOne = Forecast.of("disk", linear(2, 1000, 10, 0), 5000, 90);
        assertThat(shortOne.trend()).isNull();
        assertThat(Forecast.of("disk", linear(30, 1000, 10, 0), 500, 90).days()).isZero(); // already past it
    }

    @Test
    void fiveYearsOfDailyPointsAreThinnedForTheFit() {
        Trend trend = Trend.fit(linear(5 * 365, 0, 7, 0).points(), 0);
        assertThat(trend.points()).isLessThanOrEqualTo(Trend.MAX_POINTS);
        assertThat(trend.slope()).isCloseTo(7.0, within(1e-9));
        assertThat(trend.level()).isCloseTo(7.0 * (5 * 365 - 1), within(1e-6));
    }

    @Test
    void whatIfKeepsNDaysOfTheRecentPerDayVolume() {
        List<RebuiltVolumes.RowDay> rows = new ArrayList<>();
        List<RebuiltVolumes.FileDay> files = new ArrayList<>();
        LocalDate last = START.plusDays(99);
        for (int i = 0; i < 100; i++) {
            rows.add(new RebuiltVolumes.RowDay("log", "a", START.plusDays(i), 100));
            rows.add(new RebuiltVolumes.RowDay("log", "b", START.plusDays(i), 10));
            files.add(new RebuiltVolumes.FileDay("a", GrowthCategory.JOB_LOGS, START.plusDays(i), 1, 1000));
            files.add(new RebuiltVolumes.FileDay("a", GrowthCategory.ARCHIVES, START.plusDays(i), 1, 99_999));
        }
        RetentionWhatIf w = RetentionWhatIf.of(new RebuiltVolumes(rows, files), Map.of("log", 50.0), last, 30, 3, 28);
        assertThat(w.tables()).singleElement().satisfies(t -> {
            assertThat(t.rowsNow()).isEqualTo(11_000);
            assertThat(t.bytesNow()).isEqualTo(550_000);
            assertThat(t.rowsPerDay()).isEqualTo(110.0);
            assertThat(t.steadyRows()).isEqualTo(3_300);
            assertThat(t.steadyBytes()).isEqualTo(165_000);
            assertThat(t.change()).isEqualTo(165_000 - 550_000);
        });
        RetentionWhatIf.Line a = w.tenants().get(0);
        assertThat(a.name()).isEqualTo("a");
        assertThat(a.steadyBytes()).isEqualTo(30 * 100 * 50 + 3 * 1000); // 30 days of rows, 3 days of job logs; archives apart
        assertThat(a.bytesNow()).isEqualTo(100 * 100 * 50 + 100 * 1000);
    }
}
