package io.tidemark.files;

import io.tidemark.core.storage.Usage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What earlier scans learnt about each folder, so a rescan lists only folders whose modification time changed.
 * Files modified recently are kept one by one and looked at again, because a growing log changes its size without
 * changing its folder's time; older files are kept as totals.
 */
public final class ScanMemory {

    /**
     * One folder as last seen.
     *
     * @param region which tenant region it was counted in ("TENANT:acme"): a folder reused under another layout would
     *               put its bytes in the wrong place, so a different region means a fresh listing
     */
    record Folder(String region, long modifiedMillis, List<String> subfolders, Map<Bucket, Usage> settled, List<RecentFile> recent) {
    }

    /** A recently modified file, checked again at every rescan. */
    record RecentFile(String name, Bucket bucket) {
    }

    private final Map<String, Folder> folders = new ConcurrentHashMap<>();

    Folder get(String path) {
        return folders.get(path);
    }

    void put(String path, Folder folder) {
        folders.put(path, folder);
    }

    /** A copy of what it remembers, for saving. */
    Map<String, Folder> snapshot() {
        return Map.copyOf(folders);
    }

    /** How many folders it remembers. */
    public int size() {
        return folders.size();
    }

    /** Forgets everything (the next scan walks the whole tree). */
    public void clear() {
        folders.clear();
    }
}
