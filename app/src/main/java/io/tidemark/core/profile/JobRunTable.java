package io.tidemark.core.profile;

/**
 * The platform's own record of its worker job runs, shown beside Tidemark's history.
 *
 * @param table          the table ("cworkerjobrun")
 * @param tenantColumn   the column holding the tenant's id
 * @param jobColumn      the job's name
 * @param runColumn      the run's id (the run log's name)
 * @param startedColumn  when the run started
 * @param finishedColumn when it finished (null while it runs)
 * @param statusColumn   how it ended
 */
public record JobRunTable(String table, String tenantColumn, String jobColumn, String runColumn, String startedColumn,
                          String finishedColumn, String statusColumn) {
}
