package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.TestPostgres;
import io.tidemark.config.ConfigMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vacuum, analyze and reindex through picocli: the pre-flight without --yes (exit 3), the typed name for FULL, JSON. */
class MaintenanceCommandTest {

    @TempDir
    Path temp;

    private final CliRunner runner = new CliRunner();
    private final StringWriter out = runner.out;
    private final StringWriter err = runner.err;

    private int run(String... args) {
        return runner.run(args);
    }

    private static long size(String url, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement()
                .executeQuery("SELECT pg_total_relation_size('" + table + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void vacuumFullPrintsThePreFlightAndRunsOnlyWithYesAndTheName() throws Exception {
        String url = TestPostgres.newDatabase();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cpimessagelog (id bigint PRIMARY KEY, body text NOT NULL)");
            // Autovacuum would add the free-space and visibility maps between two size readings.
            s.execute("ALTER TABLE cpimessagelog SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)");
            s.execute("INSERT INTO cpimessagelog SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 40000) g");
            s.execute("DELETE FROM cpimessagelog WHERE id % 4 <> 0");
            s.execute("ANALYZE cpimessagelog");
        }
        TestPostgres.awaitNoOlderTransaction(url);
        long before = size(url, "cpimessagelog");

        assertThat(run("vacuum", "--db", url, "--full", "--table", "cpimessagelog")).as(err.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(out.toString()).contains("VACUUM (FULL) \"cpimessagelog\";", "Reclaim", "estimated from statistics", "ACCESS EXCLUSIVE",
                "Nothing was done. To run it, add --yes --confirm cpimessagelog.");
        assertThat(run("vacuum", "--db", url, "--full", "--table", "cpimessagelog", "--yes")).isEqualTo(ExitCode.REFUSED);
        assertThat(err.toString()).contains("needs the name cpimessagelog typed to confirm");
        assertThat(size(url, "cpimessagelog")).isEqualTo(before);

        assertThat(run("vacuum", "--db", url, "--full", "--table", "cpimessagelog", "--yes", "--confirm", "cpimessagelog", "--json"))
                .as(err.toString()).isZero();
        JsonNode json = ConfigMapper.json().readTree(out.toString());
        assertThat(json.at("/preflight/kind").asText()).isEqualTo("vacuum-full");
        assertThat(json.at("/preflight/confirm_name").asText()).isEqualTo("cpimessagelog");
        assertThat(json.at("/result/size_before_bytes").asLong()).isEqualTo(before);
        assertThat(json.at("/result/size_after_bytes").asLong()).isEqualTo(size(url, "cpimessagelog"));
        assertThat(json.at("/result/bytes_returned").asLong()).isPositive();

        assertThat(run("analyze", "--db", url, "--table", "cpimessagelog")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ANALYZE returned 0 bytes");
        assertThat(run("reindex", "--db", url, "--table", "cpimessagelog", "--concurrently")).isEqualTo(ExitCode.REFUSED);
        assertThat(out.toString()).contains("REINDEX TABLE CONCURRENTLY \"cpimessagelog\";");
        assertThat(run("reindex", "--db", url, "--table", "cpimessagelog", "--concurrently", "--yes")).as(err.toString()).isZero();
        assertThat(run("vacuum", "--db", url, "--table", "nosuchtable", "--yes")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("There is no table named nosuchtable");
        assertThat(run("vacuum", "--db", url, "--parallel", "2", "--full", "--yes")).isEqualTo(ExitCode.REFUSED);
        assertThat(out.toString()).contains("cannot run in parallel");
    }

    @Test
    void sqliteVacuumReportsTheFreeListAndShrinksTheFile() throws Exception {
        Path file = temp.resolve("platform.sqlite3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cpipayload (id INTEGER PRIMARY KEY, body BLOB)");
            s.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 2000) INSERT INTO cpipayload SELECT n, randomblob(2000) FROM g");
            s.execute("DELETE FROM cpipayload WHERE id > 200");
        }
        long before = Files.size(file);
        assertThat(run("vacuum", "--db", file.toString())).isEqualTo(ExitCode.REFUSED);
        assertThat(out.toString()).contains("VACUUM;", "free-list pages", "Disk       needs");
        assertThat(run("vacuum", "--db", file.toString(), "--yes")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("VACUUM returned", "Free-list pages");
        assertThat(Files.size(file)).isLessThan(before / 5);
    }
}
