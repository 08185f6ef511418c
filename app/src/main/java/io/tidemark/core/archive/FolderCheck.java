package io.tidemark.core.archive;

import java.nio.file.Path;
import java.util.List;

/**
 * The archive table against the archive folders.
 *
 * @param rowsWithoutFiles  archive-table rows whose file is missing
 * @param filesWithoutRows  archive files no row records
 * @param leftovers         temporary files an interrupted export left behind
 * @param files             each archive file's own verification
 */
public record FolderCheck(List<ArchiveRecord> rowsWithoutFiles, List<Path> filesWithoutRows, List<Path> leftovers,
                          List<ArchiveCheck> files) {

    public FolderCheck {
        rowsWithoutFiles = List.copyOf(rowsWithoutFiles);
        filesWithoutRows = List.copyOf(filesWithoutRows);
        leftovers = List.copyOf(leftovers);
        files = List.copyOf(files);
    }

    /** Whether everything matches and every file verified. */
    public boolean ok() {
        return rowsWithoutFiles.isEmpty() && filesWithoutRows.isEmpty() && leftovers.isEmpty()
                && files.stream().allMatch(ArchiveCheck::ok);
    }
}
