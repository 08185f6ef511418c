package io.tidemark.core.storage;

/**
 * Something the scan could not count, or would not follow; the scan goes on past it.
 *
 * @param path    the path concerned
 * @param kind    unreadable, vanished, link-outside, unsafe-tenant
 * @param message what happened, in plain words
 */
public record ScanProblem(String path, String kind, String message) {

    /** Whether something was left uncounted (a link not followed is counted as a link: it is only worth knowing). */
    public boolean leftSomethingOut() {
        return !"link-outside".equals(kind);
    }
}
