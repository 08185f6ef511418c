package io.tidemark.actions;

import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.DatabaseStorage;
import io.tidemark.files.Disks;

/** Reads the whole storage review: table statistics first (quick), then the DATA_DIR walk. */
public final class ReadStorage {

    private ReadStorage() {
    }

    /**
     * Reads it.
     *
     * @param reuse whether the DATA_DIR walk may reuse what the last scan learnt about unchanged folders
     */
    public static StorageReport read(PlatformSession session, UserFolders folders, boolean reuse, Progress progress,
                                     Cancellation cancellation) {
        progress.report(-1, "Reading table statistics");
        DatabaseStorage database = ReadOverview.readStorage(session, false, cancellation);
        cancellation.checkpoint();
        DataDirUsage usage = session.dataDir().isPresent()
                ? ScanDataDir.scan(session, folders, reuse, progress, cancellation)
                : null;
        return new StorageReport(database, usage, session.dataDir().map(Disks::spaceOf).orElse(null));
    }
}
