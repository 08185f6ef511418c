package io.tidemark.files;

/** Rules for names that become folder names: a tenant called "../../etc" must never lead a path anywhere. */
public final class FolderNames {

    private FolderNames() {
    }

    /** Whether {@code name} is one plain path segment: not empty, not "." or "..", no separator, no NUL. */
    public static boolean isSafeSegment(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf('\0') < 0 && !name.contains(":");
    }
}
