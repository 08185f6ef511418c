package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.TestDemos;
import io.tidemark.config.ConfigMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code snapshot} and {@code growth} as cron and an administrator run them. */
class GrowthCommandTest {

    @TempDir
    Path temp;

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = TidemarkCommand.commandLine(w -> { });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void snapshotsAccumulateAcrossRunsAndGrowthShowsThemAfterTheRebuiltDays() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 3, 20, 4);
        String db = demo.resolve("platform.sqlite3").toString();
        String[] connection = {"--db", db, "--data-dir", demo.toString()};

        assertThat(run(concat(new String[] {"growth", "--json"}, connection))).as(err.toString()).isZero();
        JsonNode before = ConfigMapper.json().readTree(out.toString());
        assertThat(before.get("snapshots").asInt()).isZero();
        assertThat(before.get("by").asText()).isEqualTo("category");
        JsonNode database = before.get("series").get(0);
        assertThat(database.get("name").asText()).isEqualTo("database");
        assertThat(database.get("points")).hasSize(20).allMatch(p -> p.get("rebuilt").asBoolean());

        long metricRows = count(db, "SELECT count(*) FROM cmetricsnapshot WHERE metric LIKE 'storage_%'");
        assertThat(run(concat(new String[] {"snapshot", "--json", "--to-platform"}, connection))).as(err.toString()).isZero();
        JsonNode first = ConfigMapper.json().readTree(out.toString());
        assertThat(first.get("snapshots").asInt()).isEqualTo(1);
        assertThat(first.get("platform_metrics_written").asInt()).isEqualTo(3 * 6);
        assertThat(count(db, "SELECT count(*) FROM cmetricsnapshot WHERE metric LIKE 'storage_%'")).isEqualTo(metricRows + 18);
        // The test run's data folder (TIDEMARK_HOME); each platform has its own history in it, by key.
        assertThat(io.tidemark.config.UserFolders.current().data().resolve("growth.sqlite")).exists();
        assertThat(run(concat(new String[] {"snapshot"}, connection))).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Recorded snapshot 2 of sqlite:");

        assertThat(run(concat(new String[] {"growth", "--by", "table", "--json"}, connection))).as(err.toString()).isZero();
        JsonNode after = ConfigMapper.json().readTree(out.toString());
        assertThat(after.get("snapshots").asInt()).isEqualTo(2);
        JsonNode messages = null;
        for (JsonNode s : after.get("series")) {
            if (s.get("name").asText().equals("cpimessagelog")) {
                messages = s;
            }
        }
        assertThat(messages).isNotNull();
        JsonNode last = messages.get("points").get(messages.get("points").size() - 1);
        assertThat(last.get("rebuilt").asBoolean()).isFalse(); // measured by today's snapshots
        assertThat(last.get("count").asLong()).isEqualTo(count(db, "SELECT count(*) FROM cpimessagelog"));
        assertThat(messages.get("points").get(0).get("rebuilt").asBoolean()).isTrue();

        assertThat(run(concat(new String[] {"growth", "--by", "tenant", "--since", "2026-11-15"}, connection))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("rebuilt from the data", "Tenant", "2026-11-15");
    }

    @Test
    void forecastAndWhatIf() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 3, 30, 4);
        String[] connection = {"--db", demo.resolve("platform.sqlite3").toString(), "--data-dir", demo.toString()};
        assertThat(run(concat(new String[] {"growth", "--forecast", "--until", "1TB", "--json"}, connection))).as(err.toString()).isZero();
        JsonNode f = ConfigMapper.json().readTree(out.toString());
        JsonNode disk = f.get("forecasts").get(0);
        assertThat(disk.get("target").asText()).isEqualTo("the disk under DATA_DIR");
        assertThat(disk.get("bytes_per_day").asDouble()).isPositive();
        assertThat(disk.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(f.get("forecasts").get(1).get("limit_bytes").asLong()).isEqualTo(1L << 40);

        assertThat(run(concat(new String[] {"growth", "--what-if-days-to-keep", "7", "--json"}, connection))).as(err.toString()).isZero();
        JsonNode w = ConfigMapper.json().readTree(out.toString()).get("what_if");
        assertThat(w.get("days_to_keep").asInt()).isEqualTo(7);
        assertThat(w.get("log_retention_days").asInt()).isEqualTo(3); // the profile's default
        // Seven days of a month's rows: the tables shrink.
        assertThat(w.get("tables_steady_bytes").asLong()).isLessThan(w.get("tables_bytes_now").asLong() / 2);
        assertThat(run(concat(new String[] {"growth", "--what-if-days-to-keep", "365"}, connection))).isZero();
        assertThat(out.toString()).contains("Keeping 365 days of rows", "cpipayload", "All tables");

        assertThat(run(concat(new String[] {"growth", "--by", "week"}, connection))).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("--by takes table, tenant or category");
        assertThat(run(concat(new String[] {"growth", "--since", "yesterday"}, connection))).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("YYYY-MM-DD");
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
