package io.tidemark.files;

import io.tidemark.core.DiskSpace;
import io.tidemark.core.TidemarkException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the size and free space of the filesystem under a folder. */
public final class Disks {

    private Disks() {
    }

    /** The filesystem holding {@code folder}. */
    public static DiskSpace spaceOf(Path folder) {
        try {
            FileStore store = Files.getFileStore(folder);
            return new DiskSpace(folder.toString(), store.name(), store.getTotalSpace(), store.getUsableSpace());
        } catch (IOException e) {
            throw new TidemarkException("Cannot read the free space under " + folder + ": " + e.getMessage(), e);
        }
    }
}
