package io.tidemark.db.growth;

import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.MetricTable;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Adds metric rows to the platform's own metric snapshot table, in one transaction. */
public final class PlatformMetrics {

    /** Django's SQLite datetime text. */
    private static final DateTimeFormatter SQLITE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** One metric of one tenant. */
    public record Metric(long tenantId, String name, double value) {
    }

    private final PlatformDatabase db;
    private final MetricTable table;

    public PlatformMetrics(PlatformDatabase db, MetricTable table) {
        this.db = db;
        this.table = table;
    }

    /** Adds the metrics, all taken at {@code at}; returns the rows added. */
    public int add(Instant at, List<Metric> metrics) {
        String sql = "INSERT INTO " + SqlNames.quote(table.table()) + " (" + SqlNames.quote(table.tenantColumn()) + ", "
                + SqlNames.quote(table.timeColumn()) + ", " + SqlNames.quote(table.nameColumn()) + ", "
                + SqlNames.quote(table.valueColumn()) + ") VALUES (?, ?, ?, ?)";
        try (Connection c = db.connection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Metric m : metrics) {
                    ps.setLong(1, m.tenantId());
                    if (db.kind() == DatabaseKind.SQLITE) {
                        ps.setString(2, SQLITE_TIME.format(at));
                    } else {
                        ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    }
                    ps.setString(3, m.name());
                    ps.setDouble(4, m.value());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new TidemarkException("Writing the snapshot into " + table.table() + " failed: " + e.getMessage(), e);
        }
        return metrics.size();
    }
}
