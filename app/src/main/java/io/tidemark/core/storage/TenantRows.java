package io.tidemark.core.storage;

/**
 * One tenant's share of one table.
 *
 * @param table         the table
 * @param tenantId      the tenant's key
 * @param rows          its rows (counted, or scaled up from a sample)
 * @param bytes         its share of the table's total bytes, in proportion to its rows
 * @param exact         whether {@code rows} was counted
 * @param relativeError for a sampled figure, its expected relative error (one standard error, 0.05 = ±5 %); 0 when counted
 */
public record TenantRows(String table, long tenantId, long rows, long bytes, boolean exact, double relativeError) {
}
