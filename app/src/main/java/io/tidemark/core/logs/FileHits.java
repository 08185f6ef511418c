package io.tidemark.core.logs;

import java.nio.file.Path;
import java.util.List;

/**
 * What a search found in one file.
 *
 * @param file   the log
 * @param label  its name in the tree ("gunicorn.log.1", "acme · fetch_message_logs · 2026-11-20")
 * @param count  how many lines match (as grep -c counts)
 * @param hits   the first matching lines, at most the limit asked for
 */
public record FileHits(Path file, String label, long count, List<LogLine> hits) {
    public FileHits {
        hits = List.copyOf(hits);
    }
}
