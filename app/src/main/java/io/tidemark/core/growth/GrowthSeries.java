package io.tidemark.core.growth;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily history of one table, tenant, category or the total, oldest day first.
 *
 * @param dimension what it follows
 * @param name      the table's, tenant's or category's name ("total" for the total)
 * @param points    one point per day, oldest first, without gaps
 */
public record GrowthSeries(Dimension dimension, String name, List<GrowthPoint> points) {

    public GrowthSeries {
        points = List.copyOf(points);
    }

    /** The newest point, or null when the series is empty. */
    public GrowthPoint last() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    /** Bytes added between the point {@code days} before the last and the last (0 when the series is shorter). */
    public long addedOver(int days) {
        if (points.size() < 2) {
            return 0;
        }
        int from = Math.max(0, points.size() - 1 - days);
        return last().bytes() - points.get(from).bytes();
    }

    /** The points from {@code since} on (all when null). */
    public GrowthSeries since(LocalDate since) {
        if (since == null) {
            return this;
        }
        return new GrowthSeries(dimension, name, points.stream().filter(p -> !p.day().isBefore(since)).toList());
    }

    /** Whether any point was rebuilt rather than measured. */
    public boolean hasRebuiltPoints() {
        return points.stream().anyMatch(GrowthPoint::rebuilt);
    }
}
