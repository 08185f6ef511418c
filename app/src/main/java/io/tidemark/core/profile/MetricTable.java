package io.tidemark.core.profile;

/**
 * The platform's own table of metric snapshots, where {@code tidemark snapshot --to-platform} adds storage figures.
 *
 * @param table        the table ("cmetricsnapshot")
 * @param tenantColumn the column holding the tenant's id
 * @param timeColumn   the timestamp column
 * @param nameColumn   the metric's name column
 * @param valueColumn  the metric's (floating-point) value column
 */
public record MetricTable(String table, String tenantColumn, String timeColumn, String nameColumn, String valueColumn) {
}
