package io.tidemark.actions.archive;

import io.tidemark.core.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and deletes one tenant-day of the demo's message family with its own SQL, independent of the archive code. */
final class ArchiveFixtures {

    static final List<String> FAMILY = List.of("cpimessagelog", "cpimessagelogruns", "cpipayload", "cpimessageattachment",
            "cpicustomheaderproperties");

    private ArchiveFixtures() {
    }

    private static String messages(DatabaseKind kind, long tenant, LocalDate day) {
        String from = kind == DatabaseKind.POSTGRESQL ? "'" + day + "T00:00:00Z'::timestamptz" : "'" + day + " 00:00:00'";
        String to = kind == DatabaseKind.POSTGRESQL ? "'" + day.plusDays(1) + "T00:00:00Z'::timestamptz" : "'" + day.plusDays(1) + " 00:00:00'";
        return "SELECT id FROM cpimessagelog WHERE config_id = " + tenant + " AND log_start >= " + from + " AND log_start < " + to;
    }

    private static String where(String table, DatabaseKind kind, long tenant, LocalDate day) {
        return table.equals("cpimessagelog") ? "id IN (" + messages(kind, tenant, day) + ")"
                : "message_log_id IN (" + messages(kind, tenant, day) + ")";
    }

    /** Every row of the tenant-day, per table, each row's every column as text (blobs as hex), in key order. */
    static Map<String, List<List<String>>> rows(Connection c, DatabaseKind kind, long tenant, LocalDate day) throws SQLException {
        Map<String, List<List<String>>> all = new LinkedHashMap<>();
        for (String table : FAMILY) {
            List<List<String>> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE " + where(table, kind, tenant, day) + " ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v == null ? null : v.getClass().getSimpleName() + ":" + v);
                    }
                    rows.add(row);
                }
            }
            all.put(table, rows);
        }
        return all;
    }

    /** Deletes the tenant-day's rows, children first; returns how many. */
    static long delete(Connection c, DatabaseKind kind, long tenant, LocalDate day) throws SQLException {
        long n = 0;
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        for (int i = FAMILY.size() - 1; i >= 0; i--) {
            try (Statement s = c.createStatement()) {
                n += s.executeUpdate("DELETE FROM " + FAMILY.get(i) + " WHERE " + where(FAMILY.get(i), kind, tenant, day));
            }
        }
        c.commit();
        c.setAutoCommit(auto);
        return n;
    }

    static long tenantId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM cconfig WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long total(Map<String, List<List<String>>> rows) {
        return rows.values().stream().mapToLong(List::size).sum();
    }
}
