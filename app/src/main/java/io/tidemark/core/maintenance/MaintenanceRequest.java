package io.tidemark.core.maintenance;

import java.util.List;

/**
 * One maintenance command as the administrator asked for it.
 *
 * @param kind    what to run
 * @param tables  the tables, or empty for the whole database
 * @param options how
 */
public record MaintenanceRequest(MaintenanceKind kind, List<String> tables, MaintenanceOptions options) {

    public MaintenanceRequest {
        tables = List.copyOf(tables);
    }

    /** Whether it covers the whole database. */
    public boolean wholeDatabase() {
        return tables.isEmpty();
    }

    /** "VACUUM FULL of events" / "ANALYZE of the database". */
    public String describe() {
        return kind.verb() + " of " + (tables.isEmpty() ? "the whole database" : String.join(", ", tables));
    }
}
