package io.tidemark.core.logs;

/**
 * One line of a log as shown: its text decoded (bad bytes as U+FFFD, control bytes as visible symbols, a trailing CR
 * dropped) and cut to a bounded length, so a 100 MB line never becomes a 100 MB string.
 *
 * @param number     the line's number, from 0
 * @param text       the shown text
 * @param byteLength the line's whole length in bytes (without its newline)
 * @param cut        whether {@code text} is only the start of the line
 * @param meta       its timestamp and level (of the record it belongs to when the line itself names none)
 */
public record LogLine(long number, String text, long byteLength, boolean cut, LineMeta meta) {
}
