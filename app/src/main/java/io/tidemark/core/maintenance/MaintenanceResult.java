package io.tidemark.core.maintenance;

import java.time.Duration;
import java.util.List;

/**
 * What a maintenance command did.
 *
 * @param request     the command
 * @param sizeBefore  bytes of its tables (or the SQLite file) before
 * @param sizeAfter   bytes after
 * @param took        how long it ran
 * @param phasesSeen  the progress phases the server reported while it ran, in order ("writing new heap"…)
 * @param pagesBefore SQLite page figures before (null on PostgreSQL)
 * @param pagesAfter  SQLite page figures after (null on PostgreSQL)
 */
public record MaintenanceResult(MaintenanceRequest request, long sizeBefore, long sizeAfter, Duration took, List<String> phasesSeen,
                                SqlitePages pagesBefore, SqlitePages pagesAfter) {

    public MaintenanceResult {
        phasesSeen = List.copyOf(phasesSeen);
    }

    /** The bytes returned to the disk (negative when it grew, as a table being written to may). */
    public long bytesReturned() {
        return sizeBefore - sizeAfter;
    }

    /** The rate at which it rewrote the tables, bytes per second (-1 when it took no measurable time). */
    public double rewriteRate() {
        return took.toMillis() <= 0 ? -1 : sizeBefore * 1000.0 / took.toMillis();
    }

    /**
     * A SQLite file's page figures.
     *
     * @param pageSize      bytes per page
     * @param pageCount     pages in the file
     * @param freelistCount pages on the free list (inside the file, reusable, not returned to the disk)
     */
    public record SqlitePages(long pageSize, long pageCount, long freelistCount) {

        /** The file's bytes. */
        public long fileBytes() {
            return pageSize * pageCount;
        }

        /** Bytes on the free list. */
        public long freeBytes() {
            return pageSize * freelistCount;
        }
    }
}
