package io.tidemark.db.purge;

import io.tidemark.core.DatabaseKind;
import io.tidemark.db.SqlNames;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the purge needs to know about one table from the catalog: column types, indexes, partitions, row size. */
record TableFacts(String table, Map<String, String> columnTypes, boolean partitioned, List<String> leadingIndexColumns,
                  double averageRowBytes, boolean sqlite) {

    /** Reads the facts of {@code table}. */
    static TableFacts read(Connection c, DatabaseKind kind, String table) throws SQLException {
        boolean sqlite = kind == DatabaseKind.SQLITE;
        Map<String, String> types = new LinkedHashMap<>();
        if (sqlite) {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info(" + SqlNames.quote(table) + ")")) {
                while (rs.next()) {
                    types.put(rs.getString("name").toLowerCase(Locale.ROOT), rs.getString("type"));
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                    + " WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped")) {
                ps.setString(1, SqlNames.quote(table));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        types.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                    }
                }
            }
        }
        if (types.isEmpty()) {
            throw new SQLException("table " + table + " not found");
        }
        List<String> leading = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getIndexInfo(null, null, table, false, true)) {
            while (rs.next()) {
                if (rs.getShort("ORDINAL_POSITION") == 1 && rs.getString("COLUMN_NAME") != null) {
                    leading.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        boolean partitioned = false;
        double rowBytes;
        if (sqlite) {
            rowBytes = sqliteRowBytes(c, table);
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.relkind = 'p', pg_total_relation_size(c.oid), c.reltuples"
                    + " FROM pg_class c WHERE c.oid = CAST(? AS regclass)")) {
                ps.setString(1, SqlNames.quote(table));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    partitioned = rs.getBoolean(1);
                    long bytes = rs.getLong(2);
                    double tuples = rs.getDouble(3);
                    if (partitioned) {
                        double[] sum = partitionSizes(c, table);
                        bytes = (long) sum[0];
                        tuples = sum[1];
                    }
                    if (tuples <= 0) {
                        tuples = count(c, table);
                    }
                    rowBytes = tuples <= 0 ? 0 : bytes / tuples;
                }
            }
        }
        return new TableFacts(table, types, partitioned, leading, rowBytes, sqlite);
    }

    private static double[] partitionSizes(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(pg_total_relation_size(relid)), 0),"
                + " coalesce(sum(greatest(c.reltuples, 0)), 0) FROM pg_partition_tree(CAST(? AS regclass)) t"
                + " JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf")) {
            ps.setString(1, SqlNames.quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    private static double sqliteRowBytes(Connection c, String table) throws SQLException {
        long rows = count(c, table);
        if (rows == 0) {
            return 0;
        }
        long bytes;
        try (PreparedStatement ps = c.prepareStatement("SELECT sum(pgsize) FROM dbstat WHERE name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                bytes = rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException noDbstat) {
            bytes = rows * 100L; // built without dbstat: a nominal row size, marked as an estimate everywhere
        }
        return (double) bytes / rows;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + SqlNames.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    boolean has(String column) {
        return columnTypes.containsKey(column.toLowerCase(Locale.ROOT));
    }

    String type(String column) {
        String t = columnTypes.get(column.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new IllegalArgumentException("no column " + column + " in " + table);
        }
        return t;
    }

    ColumnKind kind(String column) {
        return ColumnKind.of(type(column), sqlite);
    }

    boolean indexLeads(String column) {
        return leadingIndexColumns.contains(column.toLowerCase(Locale.ROOT));
    }
}
