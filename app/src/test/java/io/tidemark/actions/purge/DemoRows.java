package io.tidemark.actions.purge;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the demo's rows as (id, tenant, time, parent) to check a purge row by row. */
final class DemoRows {

    record Row(long id, long tenant, Instant time, long parent) {
    }

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]", Locale.ROOT);

    private DemoRows() {
    }

    static List<Row> read(Connection c, String table, String timeColumn, String parentColumn) throws SQLException {
        List<Row> rows = new ArrayList<>();
        String sql = "SELECT id, config_id, " + (timeColumn == null ? "NULL" : timeColumn) + ", "
                + (parentColumn == null ? "0" : parentColumn) + " FROM " + table;
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getLong(2), time(rs.getObject(3)), rs.getLong(4)));
            }
        }
        return rows;
    }

    static Instant time(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return LocalDateTime.parse(v.toString(), TEXT).toInstant(ZoneOffset.UTC);
    }

    /** Children whose parent row is missing. */
    static long orphans(Connection c, String child) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + child
                + " WHERE message_log_id NOT IN (SELECT id FROM cpimessagelog)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
