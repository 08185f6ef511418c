package io.tidemark.core.logs;

import java.util.List;

/**
 * A search over a scope: per file, in the scope's order, only files with a match.
 *
 * @param files     files with matches
 * @param searched  how many files were searched
 * @param bytes     how many bytes were searched
 * @param problems  files that could not be read, one sentence each
 */
public record SearchResult(List<FileHits> files, int searched, long bytes, List<String> problems) {
    public SearchResult {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** Matching lines in every file. */
    public long total() {
        return files.stream().mapToLong(FileHits::count).sum();
    }
}
