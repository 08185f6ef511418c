package io.tidemark.core.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rebuilt points before the first snapshot, measured ones from it on. */
class GrowthHistoryTest {

    @Test
    void snapshotsTakeOverFromTheRebuiltPointsOnTheirFirstDay() {
        LocalDate d1 = LocalDate.of(2026, 11, 1);
        RebuiltVolumes rebuilt = new RebuiltVolumes(List.of(
                new RebuiltVolumes.RowDay("log", "a", d1, 10),
                new RebuiltVolumes.RowDay("log", "a", d1.plusDays(1), 20),
                new RebuiltVolumes.RowDay("log", "b", d1.plusDays(2), 30),
                new RebuiltVolumes.RowDay("log", "b", d1.plusDays(3), 40)),
                List.of(new RebuiltVolumes.FileDay("a", GrowthCategory.ARCHIVES, d1.plusDays(1), 2, 500)));
        StorageSnapshot snapshot = new StorageSnapshot(Instant.parse("2026-11-04T23:00:00Z"), 9_000, 20_000, 1_000_000, 2_000_000,
                List.of(new StorageSnapshot.TableSize("log", 100, 5_000, 900, 100)),
                List.of(new StorageSnapshot.TenantSize("a", GrowthCategory.DATABASE, 30, 1_800),
                        new StorageSnapshot.TenantSize("a", GrowthCategory.ARCHIVES, 2, 500),
                        new StorageSnapshot.TenantSize("b", GrowthCategory.DATABASE, 70, 4_200)), 77);
        GrowthHistory history = GrowthHistory.build(rebuilt, Map.of("log", 6_000L), List.of(snapshot));
        assertThat(history.bytesPerRow()).containsEntry("log", 60.0); // 6,000 bytes over 100 rows
        GrowthSeries log = history.find(Dimension.TABLE, "log");
        assertThat(log.points()).containsExactly(
                new GrowthPoint(d1, 600, 10, true),
                new GrowthPoint(d1.plusDays(1), 1_800, 30, true),
                new GrowthPoint(d1.plusDays(2), 3_600, 60, true),
                new GrowthPoint(d1.plusDays(3), 6_000, 100, false)); // the snapshot's figures on its day
        GrowthSeries a = history.find(Dimension.TENANT, "a");
        assertThat(a.points().get(1)).isEqualTo(new GrowthPoint(d1.plusDays(1), 1_800 + 500, 30, true));
        assertThat(a.last()).isEqualTo(new GrowthPoint(d1.plusDays(3), 2_300, 30, false));
        GrowthSeries other = history.find(Dimension.CATEGORY, "other");
        assertThat(other.points()).containsExactly(new GrowthPoint(d1.plusDays(3), 77, 0, false)); // measured only
        assertThat(history.total().last().bytes()).isEqualTo(6_000 + 500 + 77);
        assertThat(history.firstSnapshot()).isEqualTo(d1.plusDays(3));
        assertThat(history.of(Dimension.TENANT)).extracting(GrowthSeries::name).containsExactly("b", "a"); // largest first
    }
}
