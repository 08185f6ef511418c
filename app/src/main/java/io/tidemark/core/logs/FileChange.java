package io.tidemark.core.logs;

/** How a log on disk changed since it was opened or last looked at. */
public enum FileChange {
    /** Nothing new. */
    SAME,
    /** Lines were appended. */
    GREW,
    /** Truncated (copytruncate) or another file now (rotated): open it again. */
    REPLACED
}
