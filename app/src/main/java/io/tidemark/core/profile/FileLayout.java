package io.tidemark.core.profile;

import java.util.List;

/**
 * Where a platform writes its files, as path templates. Tokens: {@code {data_dir}}, {@code {config}} (tenant name),
 * {@code {tenant_dir}}, {@code {job}}, {@code {date}} (YYYY-MM-DD), {@code {run_id}}.
 *
 * @param logDir        the folder of the global service logs
 * @param serviceLogs   the service log families in it
 * @param tenantDir     a tenant's own folder, unless its settings move it
 * @param jobLog        an aggregated per-day job log
 * @param runLog        a per-run log
 * @param archiveDir    a tenant's archive folder
 * @param archiveNames  the archive file name patterns ({@code {config}_{yyyy}_{MM}_{dd}.archive…})
 */
public record FileLayout(
        String logDir,
        List<LogFamilySpec> serviceLogs,
        String tenantDir,
        String jobLog,
        String runLog,
        String archiveDir,
        List<String> archiveNames) {

    public FileLayout {
        serviceLogs = serviceLogs == null ? List.of() : List.copyOf(serviceLogs);
        archiveNames = archiveNames == null ? List.of() : List.copyOf(archiveNames);
    }

    /**
     * A group of service logs that rotate the same way.
     *
     * @param folder   the folder under {@link #logDir()} ("" for the log folder itself)
     * @param names    the base file names ("gunicorn.log")
     * @param format   the log format's name ("celery", "postgres-stderr", "django-verbose"…)
     * @param rotation how the writer rotates them
     */
    public record LogFamilySpec(String folder, List<String> names, String format, Rotation rotation) {
        public LogFamilySpec {
            folder = folder == null ? "" : folder;
            names = names == null ? List.of() : List.copyOf(names);
        }
    }

    /**
     * A size-based rotation: {@code name.log} is written, {@code name.log.1}…{@code .backups} are older.
     *
     * @param maxBytes size at which the writer rotates
     * @param backups  how many rotated files it keeps
     */
    public record Rotation(long maxBytes, int backups) {
    }
}
