package io.tidemark.core.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The verification of one archive file: what it really holds against what its manifest and its archive-table row say.
 *
 * @param file       the file checked
 * @param manifest   the manifest read from it, or null when it could not be read
 * @param actualRows the rows counted in each table
 * @param problems   what is wrong, one sentence each; empty when the archive can be trusted
 */
public record ArchiveCheck(Path file, ArchiveManifest manifest, Map<String, Long> actualRows, List<String> problems) {

    public ArchiveCheck {
        actualRows = Map.copyOf(actualRows);
        problems = List.copyOf(problems);
    }

    /** Whether the archive is complete and matches its manifest. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The first problem, or "verified". */
    public String summary() {
        return ok() ? "verified" : problems.get(0);
    }
}
