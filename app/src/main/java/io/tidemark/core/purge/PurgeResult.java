package io.tidemark.core.purge;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a purge did.
 *
 * @param outcome        how it ended
 * @param rowsByTable    rows deleted per table (dependents under their own table)
 * @param filesDeleted   files deleted
 * @param fileBytes      their bytes
 * @param partitionsDropped partitions detached and dropped
 * @param took           how long it ran
 * @param maxBatchMillis the longest batch transaction
 * @param vacuumed       tables vacuumed afterwards
 * @param problems       what could not be done, one sentence each (archive failures, refused files…)
 */
public record PurgeResult(Outcome outcome, Map<String, Long> rowsByTable, long filesDeleted, long fileBytes,
                          List<String> partitionsDropped, Duration took, long maxBatchMillis, List<String> vacuumed,
                          List<String> problems) {

    /** How a purge ended. */
    public enum Outcome { DONE, PARTIAL, CANCELLED, FAILED, REFUSED }

    /** Rows deleted in all. */
    public long rows() {
        return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
