package io.tidemark.db;

import io.tidemark.core.DatabaseInfo;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.ForeignKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads PostgreSQL's catalog (tables of the connection's search path). */
final class PostgresCatalog {

    private PostgresCatalog() {
    }

    static DatabaseInfo describe(Connection c, String user) throws SQLException {
        String version;
        String database;
        boolean replica;
        boolean readOnlyDefault;
        boolean canDelete;
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT current_setting('server_version'), current_database(), pg_is_in_recovery(),"
                        + " current_setting('default_transaction_read_only') = 'on', current_user")) {
            rs.next();
            version = rs.getString(1).split(" ")[0];
            database = rs.getString(2);
            replica = rs.getBoolean(3);
            readOnlyDefault = rs.getBoolean(4);
            user = rs.getString(5);
        }
        // A role that may delete from none of the schema's tables can only look.
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) = 0 OR bool_or(has_table_privilege(c.oid, 'DELETE'))"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r','p') AND n.nspname = ANY (current_schemas(false))")) {
            rs.next();
            canDelete = rs.getBoolean(1);
        }
        String reason = replica ? "the server is a standby (in recovery): it accepts no writes"
                : readOnlyDefault ? "the role's sessions are read-only (default_transaction_read_only is on)"
                : !canDelete ? "role '" + user + "' may not delete from any table of this database"
                : null;
        return new DatabaseInfo(DatabaseKind.POSTGRESQL, version, database, user, reason != null, reason);
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r','p') AND NOT c.relispartition AND n.nspname = ANY (current_schemas(false))"
                        + " ORDER BY c.relname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static long databaseBytes(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT child.relname, ca.attname, parent.relname, pa.attname, con.confdeltype"
                        + " FROM pg_constraint con"
                        + " JOIN pg_class child ON child.oid = con.conrelid"
                        + " JOIN pg_class parent ON parent.oid = con.confrelid"
                        + " JOIN pg_namespace n ON n.oid = child.relnamespace"
                        + " JOIN pg_attribute ca ON ca.attrelid = con.conrelid AND ca.attnum = con.conkey[1]"
                        + " JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = con.confkey[1]"
                        + " WHERE con.contype = 'f' AND n.nspname = ANY (current_schemas(false))"
                        + " ORDER BY 1, 2")) {
            while (rs.next()) {
                keys.add(new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        deleteRule(rs.getString(5))));
            }
        }
        return keys;
    }

    private static String deleteRule(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> "NO ACTION";
        };
    }
}
