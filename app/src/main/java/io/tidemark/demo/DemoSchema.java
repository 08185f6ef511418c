package io.tidemark.demo;

import io.tidemark.core.DatabaseKind;
import io.tidemark.db.SqlNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The monitoring platform's reference schema (DESIGN.md §1), as Django creates it: integer keys, foreign keys
 * DEFERRABLE INITIALLY DEFERRED and without ON DELETE CASCADE, indexes on foreign keys and retention columns.
 */
final class DemoSchema {

    /** Tables in creation order (parents first); dropped in reverse. */
    static final List<String> TABLES = List.of(
            "cconfig", "cconfigext", "cpimessagelog", "cpimessagelogruns", "cpipayload", "cpimessageattachment",
            "cpicustomheaderproperties", "cpiarchive", "cworkerjobrun", "cconfigcleanuphistory", "cmetricsnapshot");

    private DemoSchema() {
    }

    /** The table that marks a database as a Tidemark demo: only a marked database's tables are ever dropped. */
    static final String MARKER_TABLE = "tidemark_demo";

    static void create(Connection c, DatabaseKind kind) throws SQLException {
        Types t = kind == DatabaseKind.POSTGRESQL ? Types.POSTGRES : Types.SQLITE;
        try (Statement s = c.createStatement()) {
            for (String ddl : ddl(t)) {
                s.execute(ddl);
            }
            s.execute("CREATE TABLE " + MARKER_TABLE + " (built_at text NOT NULL, note text NOT NULL)");
            s.execute("INSERT INTO " + MARKER_TABLE + " VALUES ('" + java.time.Instant.now() + "',"
                    + " 'Built by tidemark demo; tidemark demo --replace may drop the tables of this database')");
        }
    }

    /** Whether the database carries the demo marker. */
    static boolean isDemo(Connection c) {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM " + MARKER_TABLE)) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops the demo's tables in one transaction (the caller checked the marker). */
    static void drop(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int i = TABLES.size() - 1; i >= 0; i--) {
                s.execute("DROP TABLE IF EXISTS " + SqlNames.quote(TABLES.get(i)));
            }
            s.execute("DROP TABLE IF EXISTS " + MARKER_TABLE);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static List<String> ddl(Types t) {
        String fk = " DEFERRABLE INITIALLY DEFERRED";
        return List.of(
                "CREATE TABLE cconfig (id " + t.pk + ", name varchar(100) NOT NULL UNIQUE, created_at " + t.ts
                        + " NOT NULL, is_active " + t.bool + " NOT NULL)",
                "CREATE TABLE cconfigext (id " + t.pk + ", config_id " + t.fkInt + " NOT NULL REFERENCES cconfig (id)" + fk
                        + ", name varchar(100) NOT NULL, value " + t.json + " NOT NULL)",
                "CREATE UNIQUE INDEX cconfigext_config_id_name ON cconfigext (config_id, name)",
                "CREATE TABLE cpimessagelog (id " + t.pk + ", config_id " + t.fkInt + " NOT NULL REFERENCES cconfig (id)" + fk
                        + ", message_guid varchar(64) NOT NULL, iflow varchar(200) NOT NULL, status varchar(20) NOT NULL,"
                        + " log_start " + t.ts + " NOT NULL, log_end " + t.ts + " NULL)",
                "CREATE INDEX cpimessagelog_config_id ON cpimessagelog (config_id)",
                "CREATE INDEX cpimessagelog_log_start ON cpimessagelog (log_start)",
                "CREATE INDEX cpimessagelog_config_id_log_start ON cpimessagelog (config_id, log_start)",
                "CREATE TABLE cpimessagelogruns (id " + t.pk + ", message_log_id " + t.fkInt
                        + " NOT NULL REFERENCES cpimessagelog (id)" + fk + ", config_id " + t.fkInt + " NOT NULL, run_start "
                        + t.ts + " NOT NULL, run_end " + t.ts + " NULL, status varchar(20) NOT NULL)",
                "CREATE INDEX cpimessagelogruns_message_log_id ON cpimessagelogruns (message_log_id)",
                "CREATE INDEX cpimessagelogruns_run_start ON cpimessagelogruns (run_start)",
                "CREATE TABLE cpipayload (id " + t.pk + ", message_log_id " + t.fkInt + " NOT NULL REFERENCES cpimessagelog (id)"
                        + fk + ", config_id " + t.fkInt + " NOT NULL, created_at " + t.ts + " NOT NULL, content_type varchar(100)"
                        + " NOT NULL, content " + t.bytes + " NOT NULL)",
                "CREATE INDEX cpipayload_message_log_id ON cpipayload (message_log_id)",
                "CREATE INDEX cpipayload_created_at ON cpipayload (created_at)",
                "CREATE TABLE cpimessageattachment (id " + t.pk + ", message_log_id " + t.fkInt
                        + " NOT NULL REFERENCES cpimessagelog (id)" + fk + ", config_id " + t.fkInt + " NOT NULL, created_at "
                        + t.ts + " NOT NULL, name varchar(255) NOT NULL, content " + t.bytes + " NOT NULL)",
                "CREATE INDEX cpimessageattachment_message_log_id ON cpimessageattachment (message_log_id)",
                "CREATE INDEX cpimessageattachment_created_at ON cpimessageattachment (created_at)",
                "CREATE TABLE cpicustomheaderproperties (id " + t.pk + ", message_log_id " + t.fkInt
                        + " NOT NULL REFERENCES cpimessagelog (id)" + fk + ", config_id " + t.fkInt
                        + " NOT NULL, name varchar(255) NOT NULL, value text NOT NULL)",
                "CREATE INDEX cpicustomheaderproperties_message_log_id ON cpicustomheaderproperties (message_log_id)",
                "CREATE TABLE cpiarchive (id " + t.pk + ", config_id " + t.fkInt + " NOT NULL REFERENCES cconfig (id)" + fk
                        + ", archive_date date NOT NULL, file_name varchar(255) NOT NULL, format varchar(20) NOT NULL,"
                        + " compressed " + t.bool + " NOT NULL, size_bytes bigint NOT NULL, row_count bigint NOT NULL,"
                        + " sha256 varchar(64) NOT NULL, created_at " + t.ts + " NOT NULL)",
                "CREATE INDEX cpiarchive_config_id ON cpiarchive (config_id)",
                "CREATE UNIQUE INDEX cpiarchive_config_id_archive_date_format ON cpiarchive (config_id, archive_date, format)",
                "CREATE TABLE cworkerjobrun (id " + t.pk + ", config_id " + t.fkInt + " NOT NULL REFERENCES cconfig (id)" + fk
                        + ", job_name varchar(100) NOT NULL, run_id varchar(64) NOT NULL, started_at " + t.ts
                        + " NOT NULL, finished_at " + t.ts + " NULL, status varchar(20) NOT NULL)",
                "CREATE INDEX cworkerjobrun_config_id ON cworkerjobrun (config_id)",
                "CREATE INDEX cworkerjobrun_started_at ON cworkerjobrun (started_at)",
                "CREATE TABLE cconfigcleanuphistory (id " + t.pk + ", config_id bigint NOT NULL, config_name varchar(100)"
                        + " NOT NULL, started_at " + t.ts + " NOT NULL, finished_at " + t.ts + " NULL, status varchar(20)"
                        + " NOT NULL, rows_deleted bigint NOT NULL, details text NOT NULL)",
                "CREATE TABLE cmetricsnapshot (id " + t.pk + ", config_id " + t.fkInt + " NOT NULL REFERENCES cconfig (id)" + fk
                        + ", taken_at " + t.ts + " NOT NULL, metric varchar(100) NOT NULL, value double precision NOT NULL)",
                "CREATE INDEX cmetricsnapshot_config_id ON cmetricsnapshot (config_id)",
                "CREATE INDEX cmetricsnapshot_taken_at ON cmetricsnapshot (taken_at)");
    }

    /** Column types of each engine, as Django maps its fields. */
    private enum Types {
        SQLITE("integer NOT NULL PRIMARY KEY AUTOINCREMENT", "bigint", "datetime", "bool", "text", "BLOB"),
        POSTGRES("bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "bigint", "timestamp with time zone", "boolean",
                "jsonb", "bytea");

        final String pk;
        final String fkInt;
        final String ts;
        final String bool;
        final String json;
        final String bytes;

        Types(String pk, String fkInt, String ts, String bool, String json, String bytes) {
            this.pk = pk;
            this.fkInt = fkInt;
            this.ts = ts;
            this.bool = bool;
            this.json = json;
            this.bytes = bytes;
        }
    }
}
