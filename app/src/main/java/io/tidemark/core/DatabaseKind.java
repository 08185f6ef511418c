package io.tidemark.core;

/** The database engines a platform can run on. */
public enum DatabaseKind {
    POSTGRESQL("PostgreSQL"),
    SQLITE("SQLite");

    private final String displayName;

    DatabaseKind(String displayName) {
        this.displayName = displayName;
    }

    /** The engine's name as administrators write it. */
    public String displayName() {
        return displayName;
    }
}
