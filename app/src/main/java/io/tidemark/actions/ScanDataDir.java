package io.tidemark.actions;

import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.files.DataDirScanner;
import io.tidemark.files.ScanMemory;
import io.tidemark.files.ScanMemoryFile;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scans an open platform's DATA_DIR, reusing and then saving what the previous scan of it learnt. */
public final class ScanDataDir {

    private static final Logger LOG = LoggerFactory.getLogger(ScanDataDir.class);

    private ScanDataDir() {
    }

    /**
     * Scans DATA_DIR.
     *
     * @param reuse whether to reuse what the last scan learnt (then only changed folders are listed); either way
     *              this scan's knowledge is kept in the user's data folder for the next one
     */
    public static DataDirUsage scan(PlatformSession session, UserFolders folders, boolean reuse, Progress progress,
                                    Cancellation cancellation) {
        DataDirLayout layout = DataDirLayouts.of(session);
        ScanMemoryFile file = new ScanMemoryFile(folders.data(), layout.dataDir());
        ScanMemory memory = reuse ? file.load() : new ScanMemory();
        DataDirUsage usage = new DataDirScanner(memory, Math.max(2, Runtime.getRuntime().availableProcessors()))
                .scan(layout, progress, cancellation);
        try {
            file.save(memory);
        } catch (IOException e) {
            LOG.warn("Could not keep the scan memory ({}); the next scan walks everything", e.toString());
        }
        return usage;
    }
}
