package io.tidemark.core.archive;

import java.util.List;

/** What a restore did, per table in the order it ran (parents first). */
public record RestoreReport(List<TableRestore> tables) {

    public RestoreReport {
        tables = List.copyOf(tables);
    }

    /** Rows inserted in every table. */
    public long restored() {
        return tables.stream().mapToLong(TableRestore::restored).sum();
    }

    /** Rows skipped because they were still there. */
    public long skipped() {
        return tables.stream().mapToLong(TableRestore::skipped).sum();
    }

    /**
     * One table's restore.
     *
     * @param table    the table
     * @param restored rows inserted
     * @param skipped  rows already present (same key), left as they were
     */
    public record TableRestore(String table, long restored, long skipped) {
    }
}
