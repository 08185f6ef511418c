package io.tidemark.core.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * What a scan walks and how it names what it finds.
 *
 * @param dataDir        DATA_DIR
 * @param logDir         the service log folder
 * @param tenants        every tenant's folders
 * @param archiveFolder  the archive folder's path inside a tenant folder ("archive")
 * @param jobLogFolder   the job logs' folder inside a tenant's log root ("logs/jobs")
 * @param runLogFolder   the run logs' folder inside a tenant's log root ("logs/runs")
 * @param databaseFiles  file names in DATA_DIR that are the platform's database ("platform.sqlite3", "db.sqlite3")
 */
public record DataDirLayout(Path dataDir, Path logDir, List<TenantFolders> tenants, String archiveFolder, String jobLogFolder,
                            String runLogFolder, List<String> databaseFiles) {

    public DataDirLayout {
        tenants = List.copyOf(tenants);
        databaseFiles = List.copyOf(databaseFiles);
    }
}
