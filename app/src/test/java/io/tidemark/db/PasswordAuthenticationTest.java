package io.tidemark.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.TidemarkException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where passwords come from, against a PostgreSQL that demands one (its own embedded server, since a shared one
 * cannot have its pg_hba.conf changed): the pgpass file first, then the prompt, never a file Tidemark writes.
 */
class PasswordAuthenticationTest {

    @TempDir
    static Path temp;
    static EmbeddedPostgres server;
    static String url;

    @BeforeAll
    static void startServerThatAsksForPasswords() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("PGPASSWORD") == null,
                "PGPASSWORD is set in this environment: it would answer before the prompt under test");
        Path data = temp.resolve("pgdata");
        server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE auditor LOGIN PASSWORD 's3cret-Tide'");
            Files.writeString(data.resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            s.execute("SELECT pg_reload_conf()");
        }
        url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
        // The postmaster rereads pg_hba.conf on its next loop: poll (bounded) until a password is really demanded.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (acceptsWithoutPassword() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(acceptsWithoutPassword()).as("the server demands a password").isFalse();
    }

    private static boolean acceptsWithoutPassword() {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", "auditor");
        props.setProperty("password", "");
        try (Connection c = java.sql.DriverManager.getConnection(url, props)) {
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("org.postgresql.pgpassfile");
        if (server != null) {
            server.close();
        }
    }

    /** Answers the prompt from a script and records why it was asked. */
    static final class ScriptedPrompt implements PasswordSource {
        final List<String> reasons = new ArrayList<>();
        final List<String> answers;

        ScriptedPrompt(String... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public Optional<char[]> password(DatabaseTarget target, String user, String reason) {
            reasons.add(reason);
            return answers.isEmpty() ? Optional.empty() : Optional.of(answers.remove(0).toCharArray());
        }
    }

    @Test
    void withoutAnyPasswordTheMessageSaysWhereOneCanComeFrom() {
        System.setProperty("org.postgresql.pgpassfile", temp.resolve("no-such-pgpass").toString());
        assertThatThrownBy(() -> PlatformDatabase.open(DatabaseTarget.parse(url), "auditor", PasswordSource.NONE))
                .isInstanceOf(TidemarkException.class)
                .hasMessageContaining("PGPASSWORD").hasMessageContaining("pgpass");
    }

    @Test
    void aWrongAnswerIsAskedAgainAndTheRightOneConnects() {
        System.setProperty("org.postgresql.pgpassfile", temp.resolve("no-such-pgpass").toString());
        ScriptedPrompt prompt = new ScriptedPrompt("wrong", "s3cret-Tide");
        try (PlatformDatabase db = PlatformDatabase.open(DatabaseTarget.parse(url), "auditor", prompt)) {
            assertThat(db.ping()).isTrue();
            assertThat(db.describe().role()).isEqualTo("auditor");
        }
        assertThat(prompt.reasons).containsExactly("the server asks for a password", "the password was rejected");
    }

    @Test
    void declinedPromptAfterAWrongPasswordSaysItWasRejected() {
        System.setProperty("org.postgresql.pgpassfile", temp.resolve("no-such-pgpass").toString());
        assertThatThrownBy(() -> PlatformDatabase.open(DatabaseTarget.parse(url), "auditor", new ScriptedPrompt("wrong")))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("rejected");
    }

    @Test
    void thePgpassFileAnswersWithoutAPrompt() throws Exception {
        Path pgpass = Files.writeString(temp.resolve("pgpass"), "127.0.0.1:" + server.getPort() + ":*:auditor:s3cret-Tide\n");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        ScriptedPrompt prompt = new ScriptedPrompt();
        try (PlatformDatabase db = PlatformDatabase.open(DatabaseTarget.parse(url), "auditor", prompt)) {
            assertThat(db.ping()).isTrue();
        }
        assertThat(prompt.reasons).isEmpty();
    }
}
