package io.tidemark.db.purge;

import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The platform's own cleanup history table ({@code cConfigCleanupHistory}): a tenant cleanup adds a row with the
 * platform's columns (config_id, config_name, started_at, finished_at, status, rows_deleted, details).
 */
public final class CleanupHistory {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CleanupHistory() {
    }

    /** Records a cleanup. */
    public static void record(PlatformDatabase db, String table, long tenantId, String tenant, Instant started, Instant finished,
                              String status, long rows, String details) {
        String sql = "INSERT INTO " + SqlNames.quote(table) + " (config_id, config_name, started_at, finished_at, status, rows_deleted,"
                + " details) VALUES (?, ?, ?, ?, ?, ?, ?)";
        boolean sqlite = db.kind() == DatabaseKind.SQLITE;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, tenantId);
            ps.setString(2, tenant);
            ps.setObject(3, sqlite ? TEXT.format(started) : OffsetDateTime.ofInstant(started, ZoneOffset.UTC));
            ps.setObject(4, sqlite ? TEXT.format(finished) : OffsetDateTime.ofInstant(finished, ZoneOffset.UTC));
            ps.setString(5, status);
            ps.setLong(6, rows);
            ps.setString(7, details);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new TidemarkException("The cleanup was done but could not be recorded in " + table + ": " + e.getMessage(), e);
        }
    }
}
