package io.tidemark.core;


/**
 * What the command line asked the desktop window to open with.
 *
 * @param openDemo   open the bundled demo platform straight away
 * @param connection a platform given with --db/--connection, or null
 */
public record WindowRequest(boolean openDemo, ConnectionSpec connection) {
}
