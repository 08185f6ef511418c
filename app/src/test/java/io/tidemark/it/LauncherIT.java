package io.tidemark.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.config.ConfigMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar and bin/tidemark, run as separate processes exactly as the README and a cron job run them. */
class LauncherIT {

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
    }

    /** Runs a command with this JVM's Java as JAVA_HOME; stdout and stderr apart (JSON is read from stdout only). */
    private Run run(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        Path err = Files.createTempFile(temp, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(args).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    private static String jar() {
        return System.getProperty("tidemark.jar");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void theJarAnswersVersionAndHelp() throws Exception {
        Run version = run(java(), "-jar", jar(), "--version");
        assertThat(version.status()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("Tidemark 0.1.0");
        Run help = run(java(), "-jar", jar(), "--help");
        assertThat(help.out()).contains("demo", "scan", "check", "Exit codes");
        Run wrong = run(java(), "-jar", jar(), "scan", "--db", temp.resolve("none.sqlite3").toString());
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("does not exist").doesNotContain("Exception");
    }

    @Test
    void theLauncherBuildsAndScansADemo() throws Exception {
        String launcher = System.getProperty("tidemark.launcher");
        Path demo = temp.resolve("demo");
        Run built = run("sh", launcher, "demo", "--out", demo.toString(), "--tenants", "3", "--days", "5", "--last-day", "2026-11-20",
                "--json");
        assertThat(built.status()).as(built.err()).isZero();
        Run scanned = run("sh", launcher, "scan", "--db", demo.resolve("platform.sqlite3").toString(), "--data-dir", demo.toString(),
                "--json");
        assertThat(scanned.status()).as(scanned.err()).isZero();
        JsonNode json = ConfigMapper.json().readTree(scanned.out());
        assertThat(json.get("data_dir").get("tenants")).hasSize(3);
        assertThat(json.get("database").get("engine").asText()).isEqualTo("SQLite");
    }

    @Test
    void theLauncherKeepsAClassArchiveAndItsRunsAnswerTheSame() throws Exception {
        String launcher = System.getProperty("tidemark.launcher");
        Path cache = temp.resolve("cache").resolve("tidemark");
        Run first = run("sh", launcher, "--version");
        assertThat(first.status()).as(first.err()).isZero();
        try (var files = Files.list(cache)) { // written at the first run's exit, under its final name only
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString().matches("classes-\\d+-\\d+\\.jsa");
        }
        Run second = run("sh", launcher, "--version");
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out()).startsWith("Tidemark 0.1.0");
        assertThat(second.err()).isEmpty();
        // A damaged archive is not trusted: the JVM ignores it and the command still answers.
        try (var files = Files.list(cache)) {
            Path jsa = files.findFirst().orElseThrow();
            jsa.toFile().setWritable(true);
            Files.write(jsa, new byte[] {1, 2, 3});
        }
        Run damaged = run("sh", launcher, "--version");
        assertThat(damaged.status()).as(damaged.err()).isZero();
        assertThat(damaged.out()).isEqualTo(first.out());
    }
}
