package io.tidemark.core.archive;

import java.nio.file.Path;

/**
 * An archive as Tidemark lists it: its file and its archive-table row, either of which may be missing.
 *
 * @param tenant    the tenant's name
 * @param name      the parsed file name
 * @param file      the file, or null when only the row exists
 * @param sizeBytes the file's size (the row's figure when the file is missing)
 * @param record    the archive-table row, or null when only the file exists
 */
public record ArchiveEntry(String tenant, ArchiveName name, Path file, long sizeBytes, ArchiveRecord record) {

    /** Whether the file is there. */
    public boolean hasFile() {
        return file != null;
    }

    /** Whether the archive table records it. */
    public boolean recorded() {
        return record != null;
    }

    /** The rows the archive table says it holds, or -1 when it is not recorded. */
    public long rows() {
        return record == null ? -1 : record.rowCount();
    }
}
