package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.config.ConfigMapper;
import io.tidemark.core.WindowRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a nightly job or an administrator runs it, through picocli. */
class CommandLineTest {

    @TempDir
    Path temp;

    private final List<WindowRequest> windows = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = TidemarkCommand.commandLine(windows::add);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsVersionAndHelpWithoutOpeningAWindow() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Tidemark ");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "check", "profiles", "Exit codes");
        assertThat(windows).isEmpty();
    }

    @Test
    void anArchiveFileOnTheCommandLineOpensInTheWindowsBrowser() throws Exception {
        Path archive = java.nio.file.Files.writeString(temp.resolve("acme_2026_11_10.archive.sqlite"), "x");
        assertThat(run(archive.toString())).isZero();
        assertThat(windows).singleElement().satisfies(w -> assertThat(w.archive()).isEqualTo(archive.toAbsolutePath()));
        assertThat(run(temp.resolve("missing.archive.sqlite").toString())).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("There is no archive file");
        assertThat(windows).hasSize(1);
    }

    @Test
    void noCommandOpensTheWindowWithWhatWasAsked() {
        assertThat(run()).isZero();
        assertThat(run("--demo")).isZero();
        assertThat(run("--db", "/data/platform.sqlite3", "--data-dir", "/data")).isZero();
        assertThat(windows).hasSize(3);
        assertThat(windows.get(0).openDemo()).isFalse();
        assertThat(windows.get(1).openDemo()).isTrue();
        assertThat(windows.get(2).connection().dataDir()).isEqualTo("/data");
    }

    @Test
    void buildsADemoAndChecksIt() throws Exception {
        Path dir = temp.resolve("demo");
        assertThat(run("demo", "--out", dir.toString(), "--tenants", "3", "--days", "8", "--seed", "9", "--last-day", "2026-11-20", "--json"))
                .as(err.toString()).isZero();
        JsonNode built = ConfigMapper.json().readTree(out.toString());
        assertThat(built.get("rows").get("cconfig").asLong()).isEqualTo(3);
        assertThat(built.get("files").asLong()).isPositive();

        out.getBuffer().setLength(0);
        assertThat(run("check", "--db", dir.resolve("platform.sqlite3").toString(), "--data-dir", dir.toString(), "--json"))
                .as(err.toString()).isZero();
        JsonNode checked = ConfigMapper.json().readTree(out.toString());
        assertThat(checked.get("engine").asText()).isEqualTo("SQLite");
        assertThat(checked.get("tenants").asInt()).isEqualTo(3);
        assertThat(checked.get("read_only").asBoolean()).isFalse();
        assertThat(checked.get("tables").findValuesAsText("table")).contains("cpimessagelog", "cpipayload");

        out.getBuffer().setLength(0);
        // A limit the demo's tenants exceed: the scan says so (and still succeeds: everything was counted).
        Path quotas = io.tidemark.config.UserFolders.current().config().resolve("quotas.yml");
        java.nio.file.Files.createDirectories(quotas.getParent());
        java.nio.file.Files.writeString(quotas, "platform.sqlite3: { per_tenant: 10kB }\n");
        int status;
        try {
            status = run("scan", "--db", dir.resolve("platform.sqlite3").toString(), "--data-dir", dir.toString(), "--json");
        } finally {
            java.nio.file.Files.delete(quotas);
        }
        assertThat(status).as(err.toString()).isZero();
        JsonNode scanned = ConfigMapper.json().readTree(out.toString());
        assertThat(scanned.get("data_dir").get("tenants")).hasSize(3);
        assertThat(scanned.get("data_dir").get("tenants").get(0).get("job_log_bytes").asLong()).isPositive();
        assertThat(scanned.get("data_dir").get("tenants").findValuesAsText("db_rows")).allSatisfy(rows -> assertThat(Long.parseLong(rows)).isPositive());
        assertThat(scanned.get("database").get("tables").findValuesAsText("name")).contains("cpimessagelog", "tidemark_demo");
        assertThat(scanned.get("data_dir").get("service_logs").findValuesAsText("family")).contains("gunicorn.log");
        assertThat(scanned.get("disk").get("free_bytes").asLong()).isPositive();
        assertThat(scanned.get("database_disk").get("folder").asText()).isEqualTo(dir.toAbsolutePath().toString());
        assertThat(scanned.get("warnings")).hasSize(3).allSatisfy(w -> assertThat(w.asText()).startsWith("quota-exceeded: Tenant "));

        out.getBuffer().setLength(0);
        assertThat(run("check", "--db", dir.resolve("platform.sqlite3").toString())).isZero();
        assertThat(out.toString()).contains("read-write", "cpimessagelog");
    }

    @Test
    void failuresAreOneSentenceWithTheirExitCode() {
        assertThat(run("check", "--db", temp.resolve("nope.sqlite3").toString())).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).startsWith("tidemark: The SQLite database").doesNotContain("Exception");
        assertThat(run("demo", "--out", temp.toString(), "--scale", "huge")).isEqualTo(ExitCode.USAGE);
        assertThat(run("no-such-command")).isEqualTo(ExitCode.USAGE);
        assertThat(run("demo", "--out", temp.resolve("x").toString(), "--tenants", "1")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("--tenants must be between 2 and 500");
    }

    @Test
    void listsAndPrintsTheShippedProfiles() {
        assertThat(run("profiles")).isZero();
        assertThat(out.toString()).contains("integramon", "xivo", "igny8");
        out.getBuffer().setLength(0);
        assertThat(run("profiles", "xivo")).isZero();
        assertThat(out.toString()).contains("queue_log", "eventtime");
    }
}
