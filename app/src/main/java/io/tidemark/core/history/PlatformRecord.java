package io.tidemark.core.history;

import java.time.Instant;

/**
 * One line of the platform's own records, shown beside Tidemark's history: a tenant cleanup from its cleanup history,
 * or a worker job run.
 *
 * @param source   "tenant cleanup" or "job run"
 * @param tenant   the tenant's name (or its id when the tenant is gone)
 * @param what     the job's name and run id, or the cleanup's details
 * @param started  when it started, or null when unreadable
 * @param finished when it finished, or null while it runs
 * @param status   the platform's status word ("SUCCESS", "FAILED", …)
 * @param rows     the rows it deleted, or -1 when the platform does not say
 */
public record PlatformRecord(String source, String tenant, String what, Instant started, Instant finished, String status,
                             long rows) {
}
