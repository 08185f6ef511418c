package io.tidemark.db.archive;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where an export reads: its own snapshot, or a snapshot shared by a batch of exports ({@link SharedSnapshot}) with
 * the tenant-day's root keys already read in it.
 *
 * @param snapshotId a PostgreSQL snapshot to join ({@code SET TRANSACTION SNAPSHOT}), or null for the export's own
 * @param rootKeys   the tenant-day's root keys read in that snapshot, or null to read them
 */
public record ExportSource(String snapshotId, List<String> rootKeys) {

    /** The export takes its own snapshot and reads its own keys. */
    public static final ExportSource OWN = new ExportSource(null, null);

    /**
     * Starts the export's read-only REPEATABLE READ transaction on {@code source} (PostgreSQL), in the shared snapshot
     * when there is one, with the settings that fix how values are written as text (UTC, hex bytea, ISO dates). One
     * round trip: the session's own characteristics are left as they are.
     */
    void begin(Connection source) throws SQLException {
        if (snapshotId != null && !snapshotId.matches("[0-9A-Fa-f-]+")) {
            throw new SQLException("Not a snapshot identifier: " + snapshotId);
        }
        source.setAutoCommit(false);
        // The values' text must not depend on the machine or the server's defaults (CopyText reads bytea in hex).
        try (Statement s = source.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; "
                    + (snapshotId == null ? "" : "SET TRANSACTION SNAPSHOT '" + snapshotId + "'; ")
                    + "SET LOCAL TimeZone = 'UTC'; SET LOCAL bytea_output = 'hex'; SET LOCAL DateStyle = 'ISO, YMD';"
                    + " SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3");
        }
    }
}
