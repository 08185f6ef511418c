package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.history.HistoryStart;
import io.tidemark.core.history.Outcome;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tidemark history} reads the history the window and other commands write. */
class HistoryCommandTest {

    @TempDir
    Path temp;

    private final CliRunner runner = new CliRunner();
    private final StringWriter out = runner.out;
    private final StringWriter err = runner.err;

    private int run(String... args) {
        return runner.run(args);
    }

    @Test
    void listsOnePlatformsActionsAndPrintsOneWhole() throws Exception {
        String database = temp.resolve("platform.sqlite3").toString();
        String key = PlatformSession.keyOf(new ConnectionSpec("p", database, null, null, null));
        HistoryStore store = HistoryStore.open(UserFolders.current());
        long purge = store.begin(new HistoryStart("purge", key, "platform.sqlite3", null, "cpimessagelog", "{\"cutoff\":\"2025-11-20\"}"));
        store.finish(purge, Outcome.DONE, "{\"rows_deleted\":1200}", null);
        long vacuum = store.begin(new HistoryStart("vacuum-full", key, "platform.sqlite3", null, "cpipayload", null));
        store.finish(vacuum, Outcome.FAILED, null, "lock_timeout: another session held a lock");

        assertThat(run("history", "--db", database, "--json")).as(err.toString()).isZero();
        JsonNode list = ConfigMapper.json().readTree(out.toString());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(vacuum);
        assertThat(list.get(0).get("outcome").asText()).isEqualTo("failed");
        assertThat(list.get(1).get("plan").get("cutoff").asText()).isEqualTo("2025-11-20");
        assertThat(list.get(1).get("result").get("rows_deleted").asLong()).isEqualTo(1200);

        assertThat(run("history", "--db", database, "--kind", "purge")).isZero();
        assertThat(out.toString()).contains("purge", "done", "cpimessagelog").doesNotContain("vacuum-full");

        assertThat(run("history", String.valueOf(purge))).isZero();
        assertThat(out.toString()).contains("{\"cutoff\":\"2025-11-20\"}", "rows_deleted", System.getProperty("user.name"));
    }

    @Test
    void unknownIdsAndBadDatesAreNamed() {
        assertThat(run("history", "987654321")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("no action 987654321");
        assertThat(run("history", "--since", "last tuesday")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("--since takes a day");
    }

    @Test
    void listsThePlatformsOwnCleanupsAndJobRunsBesideTidemarksActions() throws Exception {
        Path demo = io.tidemark.TestDemos.build(temp.resolve("demo"), 3, 20, 7);
        String database = demo.resolve("platform.sqlite3").toString();

        assertThat(run("history", "--db", database, "--data-dir", demo.toString(), "--platform-records", "--limit", "5", "--json"))
                .as(err.toString()).isZero();
        JsonNode json = ConfigMapper.json().readTree(out.toString());
        JsonNode records = json.get("platform_records");
        java.util.List<JsonNode> cleanups = new java.util.ArrayList<>();
        java.util.List<JsonNode> runs = new java.util.ArrayList<>();
        records.forEach(r -> (r.get("source").asText().equals("tenant cleanup") ? cleanups : runs).add(r));
        assertThat(cleanups).extracting(r -> r.get("tenant").asText()).containsExactlyInAnyOrder("trial-tenant", "old-sandbox");
        assertThat(cleanups).filteredOn(r -> r.get("tenant").asText().equals("trial-tenant"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("status").asText()).isEqualTo("SUCCESS");
                    assertThat(r.get("rows").asLong()).isEqualTo(184_220L);
                });
        assertThat(runs).hasSize(5);
        String newest;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT job_name || ' ' || run_id FROM cworkerjobrun ORDER BY started_at DESC LIMIT 1")) {
            rs.next();
            newest = rs.getString(1);
        }
        assertThat(runs.get(0).get("what").asText()).isEqualTo(newest);
        assertThat(runs.get(0).get("started").asText()).startsWith("2026-11-2");

        assertThat(run("history", "--platform-records")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("--platform-records reads the platform's database");
    }
}
