package io.tidemark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.TestDemos;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.history.HistoryQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code purge} as a drop-in for xivo-purge-db, and {@code cleanup-tenant}, through picocli with their exit codes. */
class PurgeCommandTest {

    static final List<String> XIVO = List.of("cel", "queue_log", "stat_agent_periodic", "stat_call_on_queue", "stat_queue_periodic",
            "stat_switchboard_queue");
    static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    @TempDir
    Path temp;

    private final CliRunner runner = new CliRunner();
    private final StringWriter out = runner.out;
    private final StringWriter err = runner.err;
    private String db;

    private int run(String... args) {
        return runner.run(args);
    }

    @BeforeEach
    void xivoDatabase() throws Exception {
        db = temp.resolve("asterisk.sqlite3").toString();
        Instant now = Instant.now();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = OFF");
            for (String t : XIVO) {
                s.execute("CREATE TABLE " + t + " (id integer PRIMARY KEY AUTOINCREMENT, " + (t.equals("cel") ? "eventtime" : "time")
                        + " datetime NOT NULL)");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t + " VALUES (NULL, ?)")) {
                    for (int day = 0; day < 60; day++) { // one row a day, 0..59 days old
                        ps.setString(1, TEXT.format(LocalDateTime.ofInstant(now.minus(day, ChronoUnit.DAYS).minusSeconds(60), ZoneOffset.UTC)));
                        ps.executeUpdate();
                    }
                }
            }
            s.execute("CREATE TABLE userfeatures (id integer PRIMARY KEY, created datetime)");
            s.execute("INSERT INTO userfeatures VALUES (1, '2001-01-01 00:00:00')");
        }
    }

    private long count(String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void withoutYesItPrintsThePlanAndDeletesNothing() throws Exception {
        assertThat(run("purge", "--db", db, "--profile", "xivo", "-d", "30")).as(err.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(out.toString()).contains("cel", "queue_log", "stat_switchboard_queue", "In all: 180 rows");
        assertThat(err.toString()).contains("add --yes");
        assertThat(run("purge", "--db", db, "--profile", "xivo", "-d", "30", "--dry-run")).isZero();
        for (String t : XIVO) {
            assertThat(count(t)).isEqualTo(60);
        }
    }

    @Test
    void purgeDaysYesDeletesExactlyTheXivoRowsOlderThanNDays() throws Exception {
        assertThat(run("purge", "--db", db, "--profile", "xivo", "-d", "30", "--yes", "--json")).as(err.toString()).isZero();
        JsonNode doc = ConfigMapper.json().readTree(out.toString());
        assertThat(doc.get("result").get("rows").asLong()).isEqualTo(6 * 30);
        for (String t : XIVO) {
            assertThat(count(t)).as(t).isEqualTo(30); // rows 0..29 days (and a minute) old stay
        }
        assertThat(count("userfeatures")).isEqualTo(1);
        assertThat(HistoryStore.open(UserFolders.current()).list(HistoryQuery.all()))
                .anyMatch(e -> e.kind().equals("purge") && e.outcome().name().equals("DONE") && e.planJson().contains("\"cel\""));
    }

    @Test
    void daysToKeepZeroNeedsConfirmAll() throws Exception {
        assertThat(run("purge", "--db", db, "--profile", "xivo", "-d", "0", "--yes")).isEqualTo(ExitCode.REFUSED);
        assertThat(err.toString()).contains("EVERY row", "--confirm-all");
        assertThat(count("cel")).isEqualTo(60);
        assertThat(run("purge", "--db", db, "--profile", "xivo", "-d", "0", "--yes", "--confirm-all")).as(err.toString()).isZero();
        for (String t : XIVO) {
            assertThat(count(t)).isZero();
        }
    }

    @Test
    void aSavedPlanRunsLaterWithItsOwnCutoffAndOnlyOnItsPlatform() throws Exception {
        Path plan = temp.resolve("plan.json");
        assertThat(run("purge", "--db", db, "--profile", "xivo", "-d", "30", "--plan-out", plan.toString())).as(err.toString()).isZero();
        assertThat(count("cel")).isEqualTo(60);
        String cutoff = ConfigMapper.json().readTree(plan.toFile()).get("steps").get(0).get("cutoff").asText();

        Path other = temp.resolve("other.sqlite3");
        Files.copy(Path.of(db), other);
        assertThat(run("purge", "--db", other.toString(), "--profile", "xivo", "--plan", plan.toString(), "--yes"))
                .isEqualTo(ExitCode.REFUSED);
        assertThat(err.toString()).contains("made for");

        assertThat(run("purge", "--db", db, "--profile", "xivo", "--plan", plan.toString(), "--yes", "--json")).as(err.toString()).isZero();
        JsonNode doc = ConfigMapper.json().readTree(out.toString());
        assertThat(doc.get("plan").get("steps").get(0).get("cutoff").asText()).isEqualTo(cutoff);
        assertThat(count("cel")).isEqualTo(30);
        assertThat(run("purge", "--db", db, "--profile", "xivo", "--resume")).isEqualTo(ExitCode.REFUSED);
    }

    @Test
    void configFilesAreMergedAsXivoPurgeDbDoes() throws Exception {
        Path conf = Files.createDirectories(temp.resolve("etc/conf.d"));
        Files.writeString(temp.resolve("etc/config.yml"), "days_to_keep: 365\n");
        Files.writeString(conf.resolve("10-keep.yml"), "days_to_keep: 45\n");
        Files.writeString(conf.resolve("90-ignored.yml"), "days_to_keep: 5\n");
        assertThat(run("purge", "--db", db, "--profile", "xivo", "--config", temp.resolve("etc").toString(), "--yes")).as(err.toString()).isZero();
        assertThat(count("cel")).isEqualTo(45);
    }

    @Test
    void cleanupTenantNeedsTheNameTypedAndDeletesEverythingOfThatTenantOnly() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 3, 20, 3);
        String demoDb = demo.resolve("platform.sqlite3").toString();
        String tenant;
        long otherLogs;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + demoDb);
             ResultSet rs = c.createStatement().executeQuery("SELECT name FROM cconfig ORDER BY id LIMIT 1")) {
            rs.next();
            tenant = rs.getString(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + demoDb); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM cpimessagelog WHERE config_id <> (SELECT id FROM cconfig WHERE name = '" + tenant + "')")) {
            rs.next();
            otherLogs = rs.getLong(1);
        }
        String redisUrl = "redis://127.0.0.1:6379/15";
        boolean redis = redisAnswers(redisUrl);
        if (redis) {
            try (Jedis j = new Jedis(java.net.URI.create(redisUrl))) {
                j.set(tenant + ":dashboard", "x");
                j.set("cache:" + tenant + ":flows", "x");
                j.set(tenant + "-other:dashboard", "keep");
            }
        }
        String[] base = {"cleanup-tenant", tenant, "--db", demoDb, "--data-dir", demo.toString()};
        assertThat(run(base)).isEqualTo(ExitCode.REFUSED);
        assertThat(run(concat(base, "--confirm", tenant + "x"))).isEqualTo(ExitCode.REFUSED);
        assertThat(demo.resolve(tenant)).isDirectory();

        String[] confirmed = redis ? concat(base, "--confirm", tenant, "--redis-url", redisUrl) : concat(base, "--confirm", tenant);
        assertThat(run(confirmed)).as(err.toString() + out).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + demoDb); Statement s = c.createStatement()) {
            for (String t : List.of("cpimessagelog", "cpipayload", "cworkerjobrun", "cpiarchive", "cconfigext", "cmetricsnapshot")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t + " WHERE config_id NOT IN (SELECT id FROM cconfig)")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(t).isZero();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM cconfig WHERE name = '" + tenant + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM cpimessagelog")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(otherLogs);
            }
            try (ResultSet rs = s.executeQuery("SELECT status, rows_deleted FROM cconfigcleanuphistory WHERE config_name = '" + tenant + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("done");
                assertThat(rs.getLong(2)).isPositive();
            }
        }
        assertThat(demo.resolve(tenant)).as(out.toString() + err).doesNotExist();
        if (redis) {
            try (Jedis j = new Jedis(java.net.URI.create(redisUrl))) {
                assertThat(j.exists(tenant + ":dashboard")).isFalse();
                assertThat(j.exists("cache:" + tenant + ":flows")).isFalse();
                assertThat(j.get(tenant + "-other:dashboard")).isEqualTo("keep");
                j.del(tenant + "-other:dashboard");
            }
        }
    }

    @Test
    void redisCacheKeysOfATenantGoAndOthersStay() {
        String redisUrl = "redis://127.0.0.1:6379/14";
        assumeTrue(redisAnswers(redisUrl), "no Redis answers on 127.0.0.1:6379");
        try (Jedis j = new Jedis(java.net.URI.create(redisUrl))) {
            j.set("acme:a", "1");
            j.set("x:acme:b", "1");
            j.set("acme2:c", "keep");
        }
        // Through the CLI path's adapter: a glob character in a tenant name matches nothing wider than the name.
        assertThat(io.tidemark.actions.purge.CleanupTenantRedisProbe.delete(redisUrl, "acme")).isEqualTo(2);
        assertThat(io.tidemark.actions.purge.CleanupTenantRedisProbe.delete(redisUrl, "acme*")).isZero();
        try (Jedis j = new Jedis(java.net.URI.create(redisUrl))) {
            assertThat(j.get("acme2:c")).isEqualTo("keep");
            j.del("acme2:c");
        }
    }

    private static boolean redisAnswers(String url) {
        try (Jedis j = new Jedis(java.net.URI.create(url))) {
            return "PONG".equals(j.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
