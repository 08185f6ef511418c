package io.tidemark.actions;

import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.DatabaseStorage;
import io.tidemark.config.QuotaFile;
import io.tidemark.core.storage.QuotaCheck;
import io.tidemark.core.storage.Quotas;
import io.tidemark.db.DatabaseCatalog;
import io.tidemark.files.Disks;
import java.util.HashMap;
import java.util.Map;

/** Reads the whole storage review: the DATA_DIR walk, then the table statistics and each tenant's rows. */
public final class ReadStorage {

    private ReadStorage() {
    }

    /**
     * Reads it.
     *
     * @param reuse whether the DATA_DIR walk may reuse what the last scan learnt about unchanged folders
     * @param exact whether to count every table's rows and measure bloat (reads every table)
     */
    public static StorageReport read(PlatformSession session, UserFolders folders, boolean reuse, boolean exact, Progress progress,
                                     Cancellation cancellation) {
        // A mistake in quotas.yml is said before the walk, not after it.
        Quotas quotas = new QuotaFile(folders.config()).forConnection(session.spec().name());
        // DATA_DIR first: the database work after it may take a while on a large SQLite file, and the walk is what the
        // administrator watches.
        DataDirUsage usage = session.dataDir().isPresent()
                ? ScanDataDir.scan(session, folders, reuse, progress, cancellation)
                : null;
        progress.report(-1, "Reading table statistics");
        DatabaseStorage database = ReadOverview.readStorage(session, exact, cancellation);
        progress.report(-1, "Counting rows per tenant");
        var tenantRows = ReadTenantShares.read(session, database, cancellation);
        cancellation.checkpoint();
        var disk = session.dataDir().map(Disks::spaceOf).orElse(null);
        Map<String, Long> tenantDbBytes = new HashMap<>();
        tenantRows.forEach((tenant, rows) -> tenantDbBytes.put(tenant, rows.bytes()));
        var warnings = QuotaCheck.check(quotas, database.totalBytes(), usage, disk == null ? -1 : disk.freeBytes(), tenantDbBytes);
        var databaseDisk = new DatabaseCatalog(session.database()).filesFolder().map(Disks::spaceOf).orElse(null);
        return new StorageReport(database, usage, disk, tenantRows, warnings, databaseDisk,
                DataDirLayouts.databaseFileInDataDir(session) != null);
    }
}
