package io.tidemark.db;

/** Quotes SQL identifiers, which come from the catalog or a profile and are never pasted raw into SQL. */
public final class SqlNames {

    private SqlNames() {
    }

    /** {@code name} as a double-quoted identifier, inner quotes doubled. */
    public static String quote(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Not a usable SQL identifier: " + name);
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
