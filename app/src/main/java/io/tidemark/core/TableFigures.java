package io.tidemark.core;

/**
 * The size of one table as the database reports it.
 *
 * @param table      the table name
 * @param rows       its row count
 * @param rowsExact  true for a counted figure, false for the planner's estimate
 * @param totalBytes the table with its indexes and TOAST, in bytes; -1 when the database does not tell
 */
public record TableFigures(String table, long rows, boolean rowsExact, long totalBytes) {
}
