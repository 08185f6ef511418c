package io.tidemark.core.archive;

import java.util.List;

/**
 * One page of an archive table's rows, as text.
 *
 * @param table    the table
 * @param columns  its columns
 * @param rows     the page's rows (null values as null)
 * @param offset   the index of the first row of the page among the matching rows
 * @param matching how many rows match the search
 */
public record BrowsePage(String table, List<String> columns, List<List<String>> rows, long offset, long matching) {

    public BrowsePage {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
