package io.tidemark.db.growth;

import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.growth.RebuiltVolumes.RowDay;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.core.profile.TableSpec;
import io.tidemark.db.DatabaseCatalog;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rows per day (UTC) and tenant in each of the profile's tables, from their retention timestamp columns: one grouped
 * query per table over the indexed column. A child without its own timestamp is dated by its parent's row.
 */
public final class DailyRowCounts {

    private final PlatformDatabase db;
    private final PlatformProfile profile;

    public DailyRowCounts(PlatformDatabase db, PlatformProfile profile) {
        this.db = db;
        this.profile = profile;
    }

    /**
     * Counts them.
     *
     * @param tenantNames tenant ids to names (a row of an unknown id is counted under the id)
     */
    public List<RowDay> count(Map<Long, String> tenantNames, Cancellation cancellation) {
        Set<String> present = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        present.addAll(new DatabaseCatalog(db).tables());
        List<RowDay> days = new ArrayList<>();
        try (Connection c = db.connection()) {
            for (TableSpec table : profile.tables()) {
                cancellation.checkpoint();
                if (!present.contains(table.name())) {
                    continue; // an optional table this release does not have
                }
                String sql = query(c, table);
                if (sql == null) {
                    continue;
                }
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        String day = rs.getString(2);
                        if (day == null) {
                            continue; // no timestamp: no day to put it on
                        }
                        String tenant = null;
                        if (table.tenantColumn() != null || parentTenantColumn(table) != null) {
                            long id = rs.getLong(1);
                            tenant = rs.wasNull() ? null : tenantNames.getOrDefault(id, String.valueOf(id));
                        }
                        days.add(new RowDay(table.name(), tenant, LocalDate.parse(day), rs.getLong(3)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new TidemarkException("Counting rows per day failed: " + e.getMessage(), e);
        }
        return days;
    }

    /** The grouped query for one table, or null when neither it nor its parent has a timestamp. */
    String query(Connection c, TableSpec table) throws SQLException {
        String t = SqlNames.quote(table.name());
        if (table.retentionColumn() != null) {
            String tenant = table.tenantColumn() == null ? "NULL" : "r." + SqlNames.quote(table.tenantColumn());
            return "SELECT " + tenant + ", " + day(c, table.name(), table.retentionColumn(), "r") + ", count(*) FROM " + t
                    + " r GROUP BY 1, 2";
        }
        if (table.parent() == null) {
            return null;
        }
        TableSpec parent = profile.table(table.parent().table()).orElse(null);
        if (parent == null || parent.retentionColumn() == null) {
            return null;
        }
        String tenant = table.tenantColumn() != null ? "r." + SqlNames.quote(table.tenantColumn())
                : parent.tenantColumn() != null ? "p." + SqlNames.quote(parent.tenantColumn()) : "NULL";
        return "SELECT " + tenant + ", " + day(c, parent.name(), parent.retentionColumn(), "p") + ", count(*) FROM " + t
                + " r JOIN " + SqlNames.quote(parent.name()) + " p ON p." + SqlNames.quote(parent.key()) + " = r."
                + SqlNames.quote(table.parent().column()) + " GROUP BY 1, 2";
    }

    private String parentTenantColumn(TableSpec table) {
        if (table.parent() == null) {
            return null;
        }
        return profile.table(table.parent().table()).map(TableSpec::tenantColumn).orElse(null);
    }

    /** The expression giving a timestamp column's UTC day as YYYY-MM-DD text. */
    private String day(Connection c, String table, String column, String alias) throws SQLException {
        String col = alias + "." + SqlNames.quote(column);
        if (db.kind() == DatabaseKind.SQLITE) {
            // Django stores text ("2026-11-20 13:45:01.123456"); other writers may have stored Unix seconds.
            return "CASE WHEN typeof(" + col + ") IN ('integer', 'real') THEN date(" + col + ", 'unixepoch') ELSE substr(" + col
                    + ", 1, 10) END";
        }
        String type = postgresType(c, table, column);
        return switch (type) {
            case "timestamp with time zone" -> "to_char(" + col + " AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
            case "timestamp without time zone", "date" -> "to_char(" + col + ", 'YYYY-MM-DD')";
            default -> throw new TidemarkException("The column " + table + "." + column + " is of type " + type
                    + ", not a timestamp or date: fix the profile's retention column.");
        };
    }

    private static String postgresType(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data_type FROM information_schema.columns WHERE table_schema = "
                + "current_schema() AND table_name = ? AND column_name = ?")) {
            ps.setString(1, table.toLowerCase(Locale.ROOT));
            ps.setString(2, column.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new TidemarkException("The table " + table + " has no column " + column + ": fix the profile's retention column.");
                }
                return rs.getString(1);
            }
        }
    }
}
