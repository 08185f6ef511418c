package io.tidemark.core.growth;

import java.time.LocalDate;
import java.util.List;

/**
 * What was added each day, read back from the data itself: rows per table and tenant from their timestamps, files per
 * tenant and category from their names or modification times. Only what is still there is seen: purged rows and
 * deleted files left no trace.
 *
 * @param rows  rows per table, tenant and day
 * @param files files per tenant, category and day
 */
public record RebuiltVolumes(List<RowDay> rows, List<FileDay> files) {

    public RebuiltVolumes {
        rows = List.copyOf(rows);
        files = List.copyOf(files);
    }

    /** Rows of one table and tenant (null on a platform without tenants) whose timestamp falls on {@code day} (UTC). */
    public record RowDay(String table, String tenant, LocalDate day, long rows) {
    }

    /** Files of one tenant and category dated {@code day}, and their bytes. */
    public record FileDay(String tenant, GrowthCategory category, LocalDate day, long files, long bytes) {
    }
}
