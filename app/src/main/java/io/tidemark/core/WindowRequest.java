package io.tidemark.core;


/**
 * What the command line asked the desktop window to open with.
 *
 * @param openDemo   open the bundled demo platform straight away
 * @param connection a platform given with --db/--connection, or null
 * @param archive    an archive file to open in the archive browser (a double-clicked {@code .archive.sqlite}), or null
 */
public record WindowRequest(boolean openDemo, ConnectionSpec connection, java.nio.file.Path archive) {

    /** A request that opens no archive. */
    public WindowRequest(boolean openDemo, ConnectionSpec connection) {
        this(openDemo, connection, null);
    }
}
