package io.tidemark.db.purge;

import io.tidemark.db.SqlNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The leaf partitions of a PostgreSQL partitioned table, and which of them lie wholly before a cutoff. */
final class Partitions {

    private static final Pattern UPPER = Pattern.compile("\\bTO \\((.*)\\)\\s*$");

    private Partitions() {
    }

    /** A leaf partition and the text of its upper bound (null for DEFAULT, MAXVALUE or a non-range bound). */
    record Leaf(String name, String upperBound) {
    }

    static List<Leaf> leaves(Connection c, String table) throws SQLException {
        List<Leaf> leaves = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)"
                + " FROM pg_partition_tree(CAST(? AS regclass)) t JOIN pg_class c ON c.oid = t.relid"
                + " WHERE t.isleaf ORDER BY 1")) {
            ps.setString(1, SqlNames.quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leaves.add(new Leaf(rs.getString(1), upper(rs.getString(2))));
                }
            }
        }
        return leaves;
    }

    static String upper(String bound) {
        if (bound == null) {
            return null;
        }
        Matcher m = UPPER.matcher(bound);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1).trim();
        if (value.contains(",") || value.toUpperCase(Locale.ROOT).contains("MAXVALUE") || !value.startsWith("'")) {
            return null; // multi-column or open-ended bounds are purged row by row
        }
        return value.substring(1, value.length() - 1).replace("''", "'");
    }

    /** The range partition key's single column, or null. */
    static String rangeKeyColumn(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_partkeydef(CAST(? AS regclass))")) {
            ps.setString(1, SqlNames.quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return null;
                }
                Matcher m = Pattern.compile("^RANGE \\((\\w+)\\)$").matcher(rs.getString(1).trim());
                return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
            }
        }
    }

    /** The leaves whose every row is older than {@code cutoff} on {@code column}. */
    static List<String> whollyBefore(Connection c, TableFacts facts, String column, Instant cutoff, ZoneId zone) throws SQLException {
        List<String> names = new ArrayList<>();
        if (!column.equalsIgnoreCase(String.valueOf(rangeKeyColumn(c, facts.table())))) {
            return names;
        }
        ColumnKind kind = facts.kind(column);
        String sql = "SELECT CAST(? AS " + facts.type(column) + ") <= ?";
        for (Leaf leaf : leaves(c, facts.table())) {
            if (leaf.upperBound() == null) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, leaf.upperBound());
                ps.setObject(2, StepFilter.cutoffValue(cutoff, kind, zone, false));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        names.add(leaf.name());
                    }
                }
            }
        }
        return names;
    }
}
