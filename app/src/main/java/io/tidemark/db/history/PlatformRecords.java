package io.tidemark.db.history;

import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.history.PlatformRecord;
import io.tidemark.core.profile.JobRunTable;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;
import io.tidemark.db.SqlTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the platform's own records: its tenant cleanup history and its worker job runs, newest first. */
public final class PlatformRecords {

    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private PlatformRecords() {
    }

    /**
     * The platform's records started at or after {@code since} (null: all), at most {@code limit} of each kind.
     * A table the database lacks gives no records.
     */
    public static List<PlatformRecord> read(PlatformDatabase db, PlatformProfile profile, Instant since, int limit) {
        List<PlatformRecord> records = new ArrayList<>();
        try (Connection c = db.connection()) {
            Map<Long, String> tenants = tenantNames(c, profile);
            String cleanup = profile.tenants() == null ? null : profile.tenants().cleanupHistoryTable();
            if (cleanup != null && exists(c, cleanup)) {
                String sql = "SELECT config_id, config_name, started_at, finished_at, status, rows_deleted, details FROM "
                        + SqlNames.quote(cleanup) + where("started_at", since) + " ORDER BY started_at DESC LIMIT " + limit;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bindSince(ps, db.kind(), since);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            records.add(new PlatformRecord("tenant cleanup", rs.getString(2), rs.getString(7),
                                    SqlTimes.parse(rs.getString(3)), SqlTimes.parse(rs.getString(4)), rs.getString(5), rs.getLong(6)));
                        }
                    }
                }
            }
            JobRunTable runs = profile.jobRuns();
            if (runs != null && exists(c, runs.table())) {
                String sql = "SELECT " + SqlNames.quote(runs.tenantColumn()) + ", " + SqlNames.quote(runs.jobColumn()) + ", "
                        + SqlNames.quote(runs.runColumn()) + ", " + SqlNames.quote(runs.startedColumn()) + ", "
                        + SqlNames.quote(runs.finishedColumn()) + ", " + SqlNames.quote(runs.statusColumn()) + " FROM "
                        + SqlNames.quote(runs.table()) + where(SqlNames.quote(runs.startedColumn()), since) + " ORDER BY "
                        + SqlNames.quote(runs.startedColumn()) + " DESC LIMIT " + limit;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bindSince(ps, db.kind(), since);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            records.add(new PlatformRecord("job run", tenants.getOrDefault(id, "#" + id),
                                    rs.getString(2) + " " + rs.getString(3), SqlTimes.parse(rs.getString(4)),
                                    SqlTimes.parse(rs.getString(5)), rs.getString(6), -1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new TidemarkException("Cannot read the platform's own records: " + e.getMessage(), e);
        }
        records.sort(Comparator.comparing(PlatformRecord::started, Comparator.nullsLast(Comparator.reverseOrder())));
        return records;
    }

    private static String where(String column, Instant since) {
        return since == null ? "" : " WHERE " + column + " >= ?";
    }

    private static void bindSince(PreparedStatement ps, DatabaseKind kind, Instant since) throws SQLException {
        if (since != null) {
            if (kind == DatabaseKind.POSTGRESQL) {
                ps.setObject(1, since.atOffset(ZoneOffset.UTC));
            } else {
                ps.setString(1, SQLITE_TIME.format(since));
            }
        }
    }

    private static Map<Long, String> tenantNames(Connection c, PlatformProfile profile) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        if (profile.tenants() == null || !exists(c, profile.tenants().table())) {
            return names;
        }
        String sql = "SELECT " + SqlNames.quote(profile.tenants().idColumn()) + ", " + SqlNames.quote(profile.tenants().nameColumn())
                + " FROM " + SqlNames.quote(profile.tenants().table());
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(2));
            }
        }
        return names;
    }

    private static boolean exists(Connection c, String table) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + SqlNames.quote(table) + " WHERE 1 = 0")) {
            ps.executeQuery().close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
