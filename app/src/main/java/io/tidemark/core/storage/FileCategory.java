package io.tidemark.core.storage;

/** What a file under DATA_DIR is, for the storage review. */
public enum FileCategory {
    /** A tenant's archive exports. */
    ARCHIVES("archives"),
    /** A tenant's aggregated per-day job logs. */
    JOB_LOGS("job logs"),
    /** A tenant's per-run logs. */
    RUN_LOGS("run logs"),
    /** Anything else in a tenant's folders. */
    TENANT_OTHER("other tenant files"),
    /** The platform's global service logs. */
    SERVICE_LOGS("service logs"),
    /** The platform's SQLite database file (with its journal). */
    DATABASE("database file"),
    /** Files in DATA_DIR that belong to no tenant and no known category. */
    UNASSIGNED("other files");

    private final String label;

    FileCategory(String label) {
        this.label = label;
    }

    /** The category in the administrator's words. */
    public String label() {
        return label;
    }
}
