package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.TestDemos;
import io.tidemark.config.ConfigMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tidemark archive …} as a nightly job runs it: outputs, confirmations and exit codes. */
class ArchiveCommandTest {

    @TempDir
    static Path temp;
    static Path demo;
    static String db;

    private final CliRunner runner = new CliRunner();
    private final StringWriter out = runner.out;
    private final StringWriter err = runner.err;

    @BeforeAll
    static void buildDemo() {
        demo = TestDemos.build(temp.resolve("demo"), 2, 14, 12);
        db = demo.resolve("platform.sqlite3").toString();
    }

    private int run(String... args) {
        return runner.run(args);
    }

    private String tenant() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT c.name FROM cconfig c JOIN cpimessagelog m ON m.config_id = c.id"
                     + " WHERE m.log_start >= '2026-11-16' AND m.log_start < '2026-11-17' GROUP BY c.name ORDER BY count(*) DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void exportsListsVerifiesBrowsesAndRestoresWithConfirmation() throws Exception {
        String tenant = tenant();
        assertThat(run("archive", "export", "--db", db, "--data-dir", demo.toString(), "--tenant", tenant, "--day", "2026-11-16", "--gzip"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains(tenant + "_2026_11_16.archive.sqlite.gz", "verified", "cpipayload");
        Path file = demo.resolve(tenant).resolve("archive").resolve(tenant + "_2026_11_16.archive.sqlite.gz");
        assertThat(file).exists();

        assertThat(run("archive", "export", "--db", db, "--data-dir", demo.toString(), "--tenant", tenant, "--day", "2026-11-16"))
                .isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("already has a sqlite archive of 2026-11-16");

        assertThat(run("archive", "list", "--db", db, "--data-dir", demo.toString(), "--tenant", tenant, "--json")).isZero();
        JsonNode list = ConfigMapper.json().readTree(out.toString());
        assertThat(list.get("archives").findValuesAsText("file_name")).contains(tenant + "_2026_11_16.archive.sqlite.gz");
        assertThat(list.get("archives").findValuesAsText("tenant")).containsOnly(tenant);

        assertThat(run("archive", "verify", file.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Verified");
        assertThat(run("archive", "verify", "--all", "--db", db, "--data-dir", demo.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("all verified");

        assertThat(run("archive", "browse", file.toString(), "--table", "cpimessagelog", "--limit", "3")).isZero();
        assertThat(out.toString().lines()).hasSize(5).first().asString().startsWith("id\tconfig_id\tmessage_guid");

        assertThat(run("archive", "restore", file.toString(), "--db", db, "--data-dir", demo.toString())).isEqualTo(ExitCode.REFUSED);
        assertThat(out.toString()).contains("Restore tenant " + tenant + ", 2026-11-16", "Not confirmed");
        assertThat(run("archive", "restore", file.toString(), "--db", db, "--data-dir", demo.toString(), "--yes")).isZero();
        assertThat(out.toString()).contains("Restored 0 rows");
    }

    @Test
    void verifyFailsOnADamagedFileAndExpireNeedsYes() throws Exception {
        Path bad = Files.createDirectories(temp.resolve("bad")).resolve("acme_2026_01_01.archive.sqlite.gz");
        Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
        assertThat(run("archive", "verify", bad.toString())).isEqualTo(ExitCode.FAILED);
        assertThat(out.toString()).contains("NOT VERIFIED");

        assertThat(run("archive", "expire", "--db", db, "--data-dir", demo.toString(), "--older-than", "1")).isEqualTo(ExitCode.REFUSED);
        assertThat(out.toString()).contains("archives older than 1 day (before", "Not confirmed");
        assertThat(run("archive", "expire", "--db", db, "--data-dir", demo.toString(), "--older-than", "1", "--dry-run")).isZero();
        assertThat(run("archive", "verify")).isEqualTo(ExitCode.USAGE);
        assertThat(run("archive", "export", "--db", db, "--data-dir", demo.toString(), "--tenant", "x", "--day", "2026-11-16",
                "--days-ago", "3")).isEqualTo(ExitCode.USAGE);
        assertThat(run("archive", "export", "--db", db, "--data-dir", demo.toString(), "--tenant", "x", "--day", "16/11/2026"))
                .isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("not a date");
    }

    @Test
    void exportsEveryTenantOverARangeOfDaysAndReportsWhatItCouldNot() throws Exception {
        assertThat(run("archive", "export", "--db", db, "--data-dir", demo.toString(), "--all-tenants", "--day", "2026-11-12",
                "--to", "2026-11-13", "--format", "sqlite")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("4 of 4 archives written");
        assertThat(out.toString().lines().filter(l -> l.startsWith("Wrote "))).hasSize(4);
        long files;
        try (var walk = Files.walk(demo)) {
            files = walk.filter(p -> p.getFileName().toString().matches(".*_2026_11_1[23]\\.archive\\.sqlite")).count();
        }
        assertThat(files).isEqualTo(4);

        // One day more: two new archives, the four already there refused one by one, exit 4 (partial).
        assertThat(run("archive", "export", "--db", db, "--data-dir", demo.toString(), "--all-tenants", "--day", "2026-11-12",
                "--to", "2026-11-14")).isEqualTo(ExitCode.PARTIAL);
        assertThat(out.toString()).contains("2 of 6 archives written");
        assertThat(err.toString().lines().filter(l -> l.startsWith("Not exported:") && l.contains("already has"))).hasSize(4);
        assertThat(run("archive", "verify", "--all", "--db", db, "--data-dir", demo.toString())).as(out.toString()).isZero();

        assertThat(run("archive", "export", "--db", db, "--data-dir", demo.toString(), "--all-tenants", "--day", "2026-11-14",
                "--to", "2026-11-13")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("before the first day");
    }
}
