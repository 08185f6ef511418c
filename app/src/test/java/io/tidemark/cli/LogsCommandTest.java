package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.TestDemos;
import io.tidemark.config.ConfigMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {

    @TempDir
    static Path temp;
    static Path demo;

    private final CliRunner runner = new CliRunner();
    private final StringWriter out = runner.out;
    private final StringWriter err = runner.err;

    @BeforeAll
    static void buildDemo() {
        demo = TestDemos.build(temp.resolve("demo"), 3, 4, 5);
    }

    private int run(String... args) {
        return runner.run(args);
    }

    private String[] withDb(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", demo.resolve("platform.sqlite3").toString(), "--data-dir", demo.toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void listsFamiliesAndTenantsWithTheirJobsAndRuns() throws Exception {
        assertThat(run(withDb("logs", "list", "--json"))).as(err.toString()).isZero();
        JsonNode tree = ConfigMapper.json().readTree(out.toString()).get("tree");
        JsonNode services = tree.get("children").get(0);
        assertThat(services.get("name").asText()).isEqualTo("Service logs");
        assertThat(services.get("children").findValuesAsText("name")).contains("gunicorn.log", "django/publish_sync.log");
        JsonNode tenants = tree.get("children").get(1);
        assertThat(tenants.get("children")).hasSize(3);
        JsonNode first = tenants.get("children").get(0);
        assertThat(first.get("children").findValuesAsText("name")).contains("Jobs", "Runs");

        String tenant = first.get("name").asText();
        assertThat(run("logs", "list", "--data-dir", demo.toString(), "--tenant", tenant)).as(err.toString()).isZero();
        assertThat(out.toString()).contains(tenant, "Jobs", "fetch_message_logs").doesNotContain("gunicorn.log");

        assertThat(run("logs", "list", "--data-dir", demo.toString(), "--tenant", "../../etc")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("No tenant named '../../etc'");
    }

    @Test
    void showsLinesAndRefusesPathsOutsideDataDir() throws Exception {
        assertThat(run("logs", "show", "logs/gunicorn.log", "--from", "2", "--lines", "3", "--data-dir", demo.toString()))
                .as(err.toString()).isZero();
        List<String> expected = Files.readAllLines(demo.resolve("logs/gunicorn.log"), StandardCharsets.UTF_8).subList(1, 4);
        assertThat(out.toString().lines().toList()).hasSize(3);
        assertThat(out.toString().lines().toList().get(0)).isEqualTo(String.format("%8d  %s", 2, expected.get(0)));

        assertThat(run("logs", "show", "../../../etc/passwd", "--data-dir", demo.toString())).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("is not a log of this platform's DATA_DIR");
    }

    @Test
    void searchCountsAgreeWithGrepAndTracesARequestId() throws Exception {
        Path gunicorn = demo.resolve("logs/gunicorn.log");
        assertThat(run("logs", "search", "GET", "--count", "--scope", "file:logs/gunicorn.log", "--data-dir", demo.toString()))
                .as(err.toString()).isZero();
        long grep = Files.readAllLines(gunicorn).stream().filter(l -> l.contains("GET")).count();
        assertThat(out.toString()).contains("logs/gunicorn.log:" + grep, "total:" + grep);

        assertThat(run(withDb("logs", "search", "error", "--ignore-case", "--json"))).as(err.toString()).isZero();
        JsonNode result = ConfigMapper.json().readTree(out.toString());
        assertThat(result.get("total").asLong()).isPositive();
        assertThat(result.get("files").get(0).get("lines").get(0).get("line").asLong()).isPositive();

        // A request ID from the Django log, followed into every log that carries it.
        String django = Files.readString(demo.resolve("logs/django/django.log"));
        Matcher id = Pattern.compile("request_id=([0-9a-f-]{36})").matcher(django);
        assertThat(id.find()).isTrue();
        assertThat(run(withDb("logs", "search", "--request-id", id.group(1), "--json"))).as(err.toString()).isZero();
        JsonNode trace = ConfigMapper.json().readTree(out.toString()).get("lines");
        assertThat(trace.size()).isPositive();
        assertThat(trace.findValuesAsText("text")).allSatisfy(t -> assertThat(t).contains(id.group(1)));
        List<String> times = trace.findValuesAsText("time");
        assertThat(times).isSortedAccordingTo(String::compareTo);

        assertThat(run("logs", "search", "x(", "--regex", "--data-dir", demo.toString())).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("is not valid");
    }

    @Test
    void followPrintsTheLastLinesAndWhatIsAppended() throws Exception {
        Path own = demo.resolve("logs/follow-me.log");
        Files.writeString(own, "one\ntwo\nthree\n");
        assertThat(run("logs", "follow", "logs/follow-me.log", "--lines", "2", "--polls", "1", "--data-dir", demo.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString().lines().toList()).containsExactly("two", "three");
    }
}
