package io.tidemark.core.growth;

import java.time.LocalDate;

/**
 * One day of one series: its size at the end of that day.
 *
 * @param day     the day (UTC)
 * @param bytes   the size at the end of the day
 * @param count   rows (tables, tenants' database share) or files (file categories) at the end of the day
 * @param rebuilt true when the point was rebuilt from the data itself (row timestamps, file names and times), false
 *                when a snapshot measured it
 */
public record GrowthPoint(LocalDate day, long bytes, long count, boolean rebuilt) {
}
