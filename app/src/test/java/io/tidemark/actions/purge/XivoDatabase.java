package io.tidemark.actions.purge;

import io.tidemark.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A XiVO telephony database as xivo-purge-db meets it: cel (eventtime), queue_log (time as TEXT, as in XiVO), the four
 * stat tables (time), with XiVO's columns, plus tables purge must never touch.
 */
final class XivoDatabase implements AutoCloseable {

    static final List<String> PURGED = List.of("cel", "queue_log", "stat_agent_periodic", "stat_call_on_queue",
            "stat_queue_periodic", "stat_switchboard_queue");
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    final String url;
    final boolean sqlite;
    final Connection c;
    final ZoneId zone;

    private XivoDatabase(String url, boolean sqlite) throws SQLException {
        this.url = url;
        this.sqlite = sqlite;
        this.c = DriverManager.getConnection(sqlite ? "jdbc:sqlite:" + url : url);
        try (Statement s = c.createStatement()) {
            s.execute(sqlite ? "PRAGMA synchronous = OFF" : "SET synchronous_commit = off"); // test rows need no fsync each
        }
        if (sqlite) {
            zone = ZoneOffset.UTC;
        } else {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('TimeZone')")) {
                rs.next();
                zone = ZoneId.of(rs.getString(1));
            }
        }
    }

    static XivoDatabase postgres() throws SQLException {
        XivoDatabase db = new XivoDatabase(TestPostgres.newDatabase(), false);
        db.create(false);
        return db;
    }

    static XivoDatabase sqlite(Path dir) throws SQLException {
        XivoDatabase db = new XivoDatabase(dir.resolve("asterisk.sqlite3").toString(), true);
        db.create(false);
        return db;
    }

    /** The database with cel partitioned by month on eventtime (PostgreSQL). */
    static XivoDatabase postgresPartitioned() throws SQLException {
        XivoDatabase db = new XivoDatabase(TestPostgres.newDatabase(), false);
        db.create(true);
        return db;
    }

    private void create(boolean partitionCel) throws SQLException {
        String pk = sqlite ? "integer PRIMARY KEY AUTOINCREMENT" : "serial PRIMARY KEY";
        String ts = sqlite ? "datetime" : "timestamp with time zone";
        try (Statement s = c.createStatement()) {
            if (partitionCel) {
                s.execute("CREATE TABLE cel (id serial, eventtype varchar(30) NOT NULL, eventtime " + ts + " NOT NULL,"
                        + " userdeftype varchar(255) NOT NULL DEFAULT '', cid_name varchar(80) NOT NULL DEFAULT '',"
                        + " cid_num varchar(80) NOT NULL DEFAULT '', uniqueid varchar(150) NOT NULL DEFAULT '',"
                        + " linkedid varchar(150) NOT NULL DEFAULT '', PRIMARY KEY (id, eventtime)) PARTITION BY RANGE (eventtime)");
            } else {
                s.execute("CREATE TABLE cel (id " + pk + ", eventtype varchar(30) NOT NULL, eventtime " + ts + " NOT NULL,"
                        + " userdeftype varchar(255) NOT NULL DEFAULT '', cid_name varchar(80) NOT NULL DEFAULT '',"
                        + " cid_num varchar(80) NOT NULL DEFAULT '', uniqueid varchar(150) NOT NULL DEFAULT '',"
                        + " linkedid varchar(150) NOT NULL DEFAULT '')");
                s.execute("CREATE INDEX cel__idx__eventtime ON cel (eventtime)");
            }
            s.execute("CREATE TABLE queue_log (id " + pk + ", time varchar(26) NOT NULL DEFAULT '', callid varchar(32) NOT NULL DEFAULT '',"
                    + " queuename varchar(50) NOT NULL DEFAULT '', agent varchar(50) NOT NULL DEFAULT '', event varchar(20) NOT NULL DEFAULT '',"
                    + " data1 varchar(30) DEFAULT '', data2 varchar(30) DEFAULT '', data3 varchar(30) DEFAULT '')");
            s.execute("CREATE INDEX queue_log__idx_time ON queue_log (time)");
            s.execute("CREATE TABLE stat_agent_periodic (id " + pk + ", time " + ts + " NOT NULL, login_time integer NOT NULL DEFAULT 0,"
                    + " pause_time integer NOT NULL DEFAULT 0, wrapup_time integer NOT NULL DEFAULT 0, agent_id integer)");
            s.execute("CREATE INDEX stat_agent_periodic__idx__time ON stat_agent_periodic (time)");
            s.execute("CREATE TABLE stat_call_on_queue (id " + pk + ", callid varchar(32) NOT NULL DEFAULT '', time " + ts + " NOT NULL,"
                    + " ringtime integer NOT NULL DEFAULT 0, talktime integer NOT NULL DEFAULT 0, waittime integer NOT NULL DEFAULT 0,"
                    + " status varchar(20) NOT NULL DEFAULT 'answered', queue_id integer, agent_id integer)");
            s.execute("CREATE INDEX stat_call_on_queue__idx__time ON stat_call_on_queue (time)");
            s.execute("CREATE TABLE stat_queue_periodic (id " + pk + ", time " + ts + " NOT NULL, answered integer NOT NULL DEFAULT 0,"
                    + " abandoned integer NOT NULL DEFAULT 0, total integer NOT NULL DEFAULT 0, queue_id integer)");
            s.execute("CREATE INDEX stat_queue_periodic__idx__time ON stat_queue_periodic (time)");
            s.execute("CREATE TABLE stat_switchboard_queue (id " + pk + ", time " + ts + " NOT NULL, end_time " + ts + " NOT NULL,"
                    + " wait_time float NOT NULL DEFAULT 0, queue_id integer NOT NULL DEFAULT 1, status varchar(20) NOT NULL DEFAULT 'answered')");
            s.execute("CREATE INDEX stat_switchboard_queue__time__idx ON stat_switchboard_queue (time)");
            // Tables xivo-purge-db never touches, with old rows and a time column of their own.
            s.execute("CREATE TABLE userfeatures (id " + pk + ", firstname varchar(128) NOT NULL, created " + ts + " NOT NULL)");
            s.execute("CREATE TABLE stat_agent (id " + pk + ", name varchar(128) NOT NULL, time " + ts + " NOT NULL)");
        }
    }

    /** Adds monthly partitions of cel covering [from, to). */
    void celPartitions(LocalDateTime from, int months) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < months; i++) {
                LocalDateTime a = from.plusMonths(i);
                LocalDateTime b = from.plusMonths(i + 1);
                s.execute(String.format(Locale.ROOT, "CREATE TABLE cel_%04d_%02d PARTITION OF cel FOR VALUES FROM ('%s+00') TO ('%s+00')",
                        a.getYear(), a.getMonthValue(), a.toString().replace('T', ' '), b.toString().replace('T', ' ')));
            }
            s.execute("CREATE INDEX cel__idx__eventtime ON cel (eventtime)");
        }
    }

    /** Inserts one row at {@code at} into {@code table}'s time column. */
    void insert(String table, Instant at) throws SQLException {
        String column = switch (table) {
            case "cel" -> "eventtime";
            case "userfeatures" -> "created";
            default -> "time";
        };
        String extra = switch (table) {
            case "cel" -> ", eventtype) VALUES (?, 'CHAN_START')";
            case "stat_switchboard_queue" -> ", end_time) VALUES (?, ?)";
            case "userfeatures", "stat_agent" -> ", " + (table.equals("userfeatures") ? "firstname" : "name") + ") VALUES (?, 'x')";
            default -> ") VALUES (?)";
        };
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + column + extra)) {
            ps.setObject(1, value(table, at));
            if (table.equals("stat_switchboard_queue")) {
                ps.setObject(2, value(table, at.plusSeconds(30)));
            }
            ps.executeUpdate();
        }
    }

    private Object value(String table, Instant at) {
        if (sqlite) {
            return TEXT.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        }
        if (table.equals("queue_log")) {
            return TEXT.format(LocalDateTime.ofInstant(at, zone)); // XiVO writes local time as text
        }
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    long count(String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String jdbcUrl() {
        return url;
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
