package io.tidemark.core.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a demo build produced.
 *
 * @param dataDir      the demo's DATA_DIR
 * @param database     the database it filled (SQLite path or PostgreSQL URL)
 * @param rowsPerTable rows written per table
 * @param files        files written under DATA_DIR (the SQLite database excluded)
 * @param fileBytes    their total size
 * @param took         how long the build took
 */
public record DemoReport(Path dataDir, String database, Map<String, Long> rowsPerTable, long files, long fileBytes,
                         Duration took) {

    /** All rows written. */
    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
