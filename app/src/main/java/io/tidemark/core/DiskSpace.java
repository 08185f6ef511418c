package io.tidemark.core;

/**
 * The filesystem that holds a folder: its size and what is free.
 *
 * @param folder     the folder asked about
 * @param filesystem the filesystem's name as the OS reports it
 * @param totalBytes its size
 * @param freeBytes  the bytes this user may still write
 */
public record DiskSpace(String folder, String filesystem, long totalBytes, long freeBytes) {

    /** The used share, 0..1. */
    public double usedFraction() {
        return totalBytes <= 0 ? 0 : 1.0 - (double) freeBytes / totalBytes;
    }
}
