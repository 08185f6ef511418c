package io.tidemark.core.logs;

import java.nio.file.Path;

/**
 * One line of a request's trace across logs.
 *
 * @param file  the log it is in
 * @param label the log's name in the tree
 * @param line  the line
 */
public record TraceLine(Path file, String label, LogLine line) {
}
