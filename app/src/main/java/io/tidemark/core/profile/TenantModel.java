package io.tidemark.core.profile;

import java.util.List;

/**
 * Where a platform keeps its tenants and their settings.
 *
 * @param table           the tenant table ("cconfig")
 * @param idColumn        its key
 * @param nameColumn      the tenant's name, which is also its folder name under DATA_DIR
 * @param configTable     the table of per-tenant settings rows (JSON values), or null
 * @param configTenantColumn the settings table's column that points at the tenant
 * @param configNameColumn   the settings row's name column ("global", "jobs.logs")
 * @param configValueColumn  the settings row's JSON value column
 * @param dataDirSettings    the settings rows whose {@code data_dir} moves the tenant's files, weakest first
 * @param jobLogDirSettings  the settings rows whose {@code data_dir} moves the tenant's job logs, weakest first
 * @param retentionSetting   the settings row holding the tenant's own {@code days_to_keep}
 * @param logRetentionSetting the settings row holding the tenant's own job-log {@code retention_days}
 * @param cleanupHistoryTable the table where a tenant cleanup is recorded (the platform's own cleanup history), or null
 * @param cacheKeyPatterns   Redis key patterns of a tenant's cache entries ({@code {config}} is its name), for tenant cleanup
 */
public record TenantModel(
        String table,
        String idColumn,
        String nameColumn,
        String configTable,
        String configTenantColumn,
        String configNameColumn,
        String configValueColumn,
        List<String> dataDirSettings,
        List<String> jobLogDirSettings,
        String retentionSetting,
        String logRetentionSetting,
        String cleanupHistoryTable,
        List<String> cacheKeyPatterns) {

    public TenantModel {
        dataDirSettings = dataDirSettings == null ? List.of() : List.copyOf(dataDirSettings);
        jobLogDirSettings = jobLogDirSettings == null ? List.of() : List.copyOf(jobLogDirSettings);
        cacheKeyPatterns = cacheKeyPatterns == null ? List.of() : List.copyOf(cacheKeyPatterns);
    }
}
