package io.tidemark.core.growth;

/** The categories growth is charted in: the database and the kinds of files under DATA_DIR. */
public enum GrowthCategory {
    /** The profile's tables (a tenant's share of them, for a tenant). */
    DATABASE("database"),
    /** Archive exports. */
    ARCHIVES("archives"),
    /** Aggregated per-day job logs. */
    JOB_LOGS("job_logs"),
    /** Per-run logs. */
    RUN_LOGS("run_logs"),
    /** Every other file under DATA_DIR (tenants' other files, service logs, unassigned files); measured by snapshots only. */
    OTHER("other");

    private final String key;

    GrowthCategory(String key) {
        this.key = key;
    }

    /** The name in JSON, on the command line and in the snapshot store ("job_logs"). */
    public String key() {
        return key;
    }

    /** The category of a key. */
    public static GrowthCategory ofKey(String key) {
        for (GrowthCategory c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("No growth category " + key);
    }
}
