package io.tidemark.ui.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.growth.Dimension;
import io.tidemark.core.growth.GrowthPoint;
import io.tidemark.core.growth.GrowthSeries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Five years of days drawn as at most one point per pixel, and every day again once zoomed in. */
class DailyDatasetTest {

    private static final LocalDate START = LocalDate.of(2021, 11, 21);

    @Test
    void thinsLongHistoriesAndShowsEveryDayWhenZoomedIn() {
        List<GrowthPoint> points = new ArrayList<>();
        for (int d = 0; d < 1825; d++) {
            points.add(new GrowthPoint(START.plusDays(d), 1000L * d, d, d < 1500));
        }
        DailyDataset dataset = new DailyDataset(List.of(new GrowthSeries(Dimension.TABLE, "t", points)), false);
        int items = dataset.getItemCount();
        assertThat(items).isLessThanOrEqualTo(DailyDataset.MAX_ITEMS).isGreaterThan(DailyDataset.MAX_ITEMS / 2);
        assertThat(dataset.day(0)).isEqualTo(START);
        assertThat(dataset.day(items - 1)).isEqualTo(START.plusDays(1824)); // the newest day is always drawn
        assertThat(dataset.getYValue(0, items - 1)).isEqualTo(1824_000.0);

        double from = millis(START.plusDays(1490));
        double to = millis(START.plusDays(1519));
        assertThat(dataset.window(from, to, false)).isTrue();
        assertThat(dataset.window(from, to, false)).isFalse(); // nothing changed: no redraw loop
        assertThat(dataset.getItemCount()).isEqualTo(32); // the 30 days and one on each side
        assertThat(dataset.day(0)).isEqualTo(START.plusDays(1489));
        for (int i = 0; i < dataset.getItemCount(); i++) {
            assertThat(dataset.day(i)).isEqualTo(START.plusDays(1489 + i));
        }
        // Day 1500 is the first measured one: the rebuilt part joins it, the measured part starts on it.
        int firstMeasured = 1500 - 1489;
        assertThat(dataset.getYValue(1, firstMeasured)).isEqualTo(1500_000.0);
        assertThat(dataset.getYValue(1, firstMeasured + 1)).isNaN();
        assertThat(dataset.getYValue(0, firstMeasured - 1)).isNaN();
        assertThat(dataset.tooltip(0, firstMeasured)).contains(START.plusDays(1500).toString(), "measured by a snapshot");
        assertThat(dataset.window(0, 0, true)).isTrue();
        assertThat(dataset.getItemCount()).isEqualTo(items);
    }

    private static double millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
