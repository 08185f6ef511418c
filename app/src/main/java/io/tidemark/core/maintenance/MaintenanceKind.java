package io.tidemark.core.maintenance;

/** The maintenance commands Tidemark runs, with the kind they are recorded under in the history. */
public enum MaintenanceKind {
    VACUUM("VACUUM", "vacuum"),
    VACUUM_FULL("VACUUM FULL", "vacuum-full"),
    ANALYZE("ANALYZE", "analyze"),
    REINDEX("REINDEX", "reindex");

    private final String verb;
    private final String historyKind;

    MaintenanceKind(String verb, String historyKind) {
        this.verb = verb;
        this.historyKind = historyKind;
    }

    /** The SQL verb, as the button and the report say it. */
    public String verb() {
        return verb;
    }

    /** The history store's kind ("vacuum-full"). */
    public String historyKind() {
        return historyKind;
    }

    /** Whether the administrator must type the table's or database's name before it runs. */
    public boolean needsTypedName() {
        return this == VACUUM_FULL;
    }
}
