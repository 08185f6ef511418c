package io.tidemark.core.growth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A platform's daily storage history: series per table, tenant and category and the total. Before the first snapshot
 * the points are rebuilt from the data itself; from it on, they are what snapshots measured (a day without a snapshot
 * keeps the day before's figures).
 *
 * @param series        every series, by dimension (tables, tenants, categories, total), largest first in each
 * @param firstSnapshot the first snapshot's day, or null when there is none
 * @param snapshots     how many snapshots the history holds
 * @param bytesPerRow   each table's current bytes per row, which turns rebuilt row counts into bytes
 */
public record GrowthHistory(List<GrowthSeries> series, LocalDate firstSnapshot, int snapshots, Map<String, Double> bytesPerRow) {

    public GrowthHistory {
        series = List.copyOf(series);
        bytesPerRow = Map.copyOf(bytesPerRow);
    }

    /** The series of one dimension, largest first. */
    public List<GrowthSeries> of(Dimension dimension) {
        return series.stream().filter(s -> s.dimension() == dimension).toList();
    }

    /** One series by dimension and name, or null. */
    public GrowthSeries find(Dimension dimension, String name) {
        return series.stream().filter(s -> s.dimension() == dimension && s.name().equals(name)).findFirst().orElse(null);
    }

    /** The total series (empty when there is no history). */
    public GrowthSeries total() {
        GrowthSeries total = find(Dimension.TOTAL, "total");
        return total == null ? new GrowthSeries(Dimension.TOTAL, "total", List.of()) : total;
    }

    /**
     * Builds the history.
     *
     * @param rebuilt      what the data says was added each day
     * @param tableBytes   each table's current size (table, indexes, TOAST), to turn rows into bytes
     * @param snapshots    the recorded snapshots, in any order
     */
    public static GrowthHistory build(RebuiltVolumes rebuilt, Map<String, Long> tableBytes, List<StorageSnapshot> snapshots) {
        // The last snapshot of each day stands for that day.
        TreeMap<LocalDate, StorageSnapshot> byDay = new TreeMap<>();
        snapshots.stream().sorted(Comparator.comparing(StorageSnapshot::takenAt))
                .forEach(s -> byDay.put(s.takenAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(), s));
        LocalDate first = null;
        LocalDate last = null;
        for (RebuiltVolumes.RowDay r : rebuilt.rows()) {
            first = min(first, r.day());
            last = max(last, r.day());
        }
        for (RebuiltVolumes.FileDay f : rebuilt.files()) {
            first = min(first, f.day());
            last = max(last, f.day());
        }
        if (!byDay.isEmpty()) {
            first = min(first, byDay.firstKey());
            last = max(last, byDay.lastKey());
        }
        if (first == null) {
            return new GrowthHistory(List.of(), null, 0, Map.of());
        }
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        LocalDate firstSnapshot = byDay.isEmpty() ? null : byDay.firstKey();

        // Rows per table, then bytes per row from the table's current size.
        Map<String, Long> rowsPerTable = new HashMap<>();
        rebuilt.rows().forEach(r -> rowsPerTable.merge(r.table(), r.rows(), Long::sum));
        Map<String, Double> bytesPerRow = new TreeMap<>();
        rowsPerTable.forEach((table, rows) -> bytesPerRow.put(table,
                rows > 0 ? tableBytes.getOrDefault(table, 0L) / (double) rows : 0.0));

        Map<Key, Daily> daily = new LinkedHashMap<>();
        for (RebuiltVolumes.RowDay r : rebuilt.rows()) {
            int i = (int) (r.day().toEpochDay() - first.toEpochDay());
            double bytes = r.rows() * bytesPerRow.get(r.table());
            add(daily, new Key(Dimension.TABLE, r.table()), days, i, r.rows(), bytes);
            if (r.tenant() != null) {
                add(daily, new Key(Dimension.TENANT, r.tenant()), days, i, r.rows(), bytes);
            }
            add(daily, new Key(Dimension.CATEGORY, GrowthCategory.DATABASE.key()), days, i, r.rows(), bytes);
            add(daily, new Key(Dimension.TOTAL, "total"), days, i, 0, bytes);
        }
        for (RebuiltVolumes.FileDay f : rebuilt.files()) {
            int i = (int) (f.day().toEpochDay() - first.toEpochDay());
            add(daily, new Key(Dimension.TENANT, f.tenant()), days, i, 0, f.bytes());
            add(daily, new Key(Dimension.CATEGORY, f.category().key()), days, i, f.files(), f.bytes());
            add(daily, new Key(Dimension.TOTAL, "total"), days, i, 0, f.bytes());
        }
        Map<Key, Map<LocalDate, long[]>> measured = new LinkedHashMap<>();
        byDay.forEach((day, s) -> measure(s).forEach((key, value) -> measured.computeIfAbsent(key, k -> new HashMap<>()).put(day, value)));

        java.util.Set<Key> keys = new java.util.LinkedHashSet<>(daily.keySet());
        keys.addAll(measured.keySet());
        List<GrowthSeries> series = new ArrayList<>();
        for (Key key : keys) {
            Daily d = daily.get(key);
            Map<LocalDate, long[]> m = measured.getOrDefault(key, Map.of());
            List<GrowthPoint> points = new ArrayList<>(days);
            double bytes = 0;
            long count = 0;
            long[] carried = null;
            for (int i = 0; i < days; i++) {
                LocalDate day = first.plusDays(i);
                if (d != null) {
                    bytes += d.bytes[i];
                    count += d.count[i];
                }
                if (firstSnapshot == null || day.isBefore(firstSnapshot)) {
                    if (d != null) {
                        points.add(new GrowthPoint(day, Math.round(bytes), count, true));
                    }
                } else {
                    long[] value = m.get(day);
                    if (value != null) {
                        carried = value;
                    } else if (byDay.containsKey(day)) {
                        carried = new long[] {0, 0}; // measured that day, and gone
                    }
                    if (carried != null) {
                        points.add(new GrowthPoint(day, carried[0], carried[1], false));
                    }
                }
            }
            if (!points.isEmpty()) {
                series.add(new GrowthSeries(key.dimension(), key.name(), points));
            }
        }
        series.sort(Comparator.comparing(GrowthSeries::dimension)
                .thenComparing(Comparator.comparingLong((GrowthSeries s) -> s.last().bytes()).reversed())
                .thenComparing(GrowthSeries::name));
        return new GrowthHistory(series, firstSnapshot, snapshots.size(), bytesPerRow);
    }

    /** A snapshot's figures per series: bytes and count. */
    private static Map<Key, long[]> measure(StorageSnapshot s) {
        Map<Key, long[]> values = new LinkedHashMap<>();
        long total = 0;
        for (StorageSnapshot.TableSize t : s.tables()) {
            values.put(new Key(Dimension.TABLE, t.table()), new long[] {t.totalBytes(), t.rows()});
            accumulate(values, new Key(Dimension.CATEGORY, GrowthCategory.DATABASE.key()), t.totalBytes(), t.rows());
            total += t.totalBytes();
        }
        for (StorageSnapshot.TenantSize t : s.tenants()) {
            accumulate(values, new Key(Dimension.TENANT, t.tenant()), t.bytes(), t.category() == GrowthCategory.DATABASE ? t.count() : 0);
            if (t.category() != GrowthCategory.DATABASE) {
                accumulate(values, new Key(Dimension.CATEGORY, t.category().key()), t.bytes(), t.count());
                total += t.bytes();
            }
        }
        if (s.other() > 0) {
            accumulate(values, new Key(Dimension.CATEGORY, GrowthCategory.OTHER.key()), s.other(), 0);
            total += s.other();
        }
        values.put(new Key(Dimension.TOTAL, "total"), new long[] {total, 0});
        return values;
    }

    private static void accumulate(Map<Key, long[]> values, Key key, long bytes, long count) {
        long[] v = values.computeIfAbsent(key, k -> new long[2]);
        v[0] += bytes;
        v[1] += count;
    }

    private static void add(Map<Key, Daily> daily, Key key, int days, int i, long count, double bytes) {
        Daily d = daily.computeIfAbsent(key, k -> new Daily(new long[days], new double[days]));
        d.count[i] += count;
        d.bytes[i] += bytes;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private record Key(Dimension dimension, String name) {
    }

    private record Daily(long[] count, double[] bytes) {
    }
}
