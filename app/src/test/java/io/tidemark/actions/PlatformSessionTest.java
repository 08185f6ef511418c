package io.tidemark.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.TestDemos;
import io.tidemark.TestPostgres;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening platforms: the demo on SQLite, a PostgreSQL server, and every way a connection can be wrong. */
class PlatformSessionTest {

    @TempDir
    static Path temp;
    static Path demo;

    @BeforeAll
    static void buildDemo() {
        demo = TestDemos.build(temp.resolve("demo"), 3, 10, 5);
    }

    @Test
    void opensTheDemoAndReadsTheOverviewFromTheDatabaseItself() throws Exception {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            assertThat(session.info().kind()).isEqualTo(DatabaseKind.SQLITE);
            assertThat(session.info().readOnly()).isFalse();
            assertThat(session.tenants()).hasSize(3);
            OverviewFigures figures = ReadOverview.read(session);
            assertThat(figures.databaseBytes()).isEqualTo(Files.size(demo.resolve("platform.sqlite3")));
            assertThat(figures.dataDir().freeBytes()).isPositive();
            TableStats messages = figures.tables().stream().filter(t -> t.table().equals("cpimessagelog")).findFirst().orElseThrow();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + demo.resolve("platform.sqlite3"));
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM cpimessagelog")) {
                rs.next();
                assertThat(messages.rows()).isEqualTo(rs.getLong(1));
            }
            assertThat(messages.rowsExact()).as("rows from sqlite_stat1, left by the demo's ANALYZE").isFalse();
            assertThat(messages.totalBytes()).isPositive();
            assertThat(figures.tables().get(0).totalBytes()).isGreaterThanOrEqualTo(figures.tables().get(1).totalBytes());
        }
    }

    @Test
    void opensPostgresWithEstimatesFromStatistics() {
        String url = TestPostgres.newDatabase();
        DemoPlatform.build(new DemoSpec(temp.resolve("pgdemo"), 3, 10, 5, DemoScale.SMALL, url, LocalDate.of(2026, 11, 20), false),
                Progress.NONE, new Cancellation());
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("pg", url, null, temp.resolve("pgdemo").toString(), "integramon"),
                PasswordSource.NONE)) {
            assertThat(session.info().kind()).isEqualTo(DatabaseKind.POSTGRESQL);
            assertThat(session.info().version()).matches("\\d+(\\.\\d+)?");
            OverviewFigures figures = ReadOverview.read(session);
            TableStats messages = figures.tables().stream().filter(t -> t.table().equals("cpimessagelog")).findFirst().orElseThrow();
            assertThat(messages.rowsExact()).isFalse();
            assertThat(messages.rows()).isPositive();
            assertThat(figures.databaseBytes()).isGreaterThan(messages.totalBytes());
            assertThat(session.reachable()).isTrue();
            // A test server on this machine with a superuser role shows its data directory; a remote one never does.
            boolean local = url.contains("//localhost") || url.contains("//127.0.0.1");
            assertThat(new io.tidemark.db.DatabaseCatalog(session.database()).filesFolder().isPresent()).isEqualTo(local);
        }
    }

    @Test
    void saysWhatIsWrongInsteadOfAStackTrace() throws Exception {
        assertThatThrownBy(() -> PlatformSession.open(new ConnectionSpec("x", temp.resolve("missing.sqlite3").toString(), null, null, null),
                PasswordSource.NONE)).isInstanceOf(TidemarkException.class).hasMessageContaining("does not exist");
        assertThat(temp.resolve("missing.sqlite3")).doesNotExist();

        Path notSqlite = Files.writeString(temp.resolve("notes.txt"), "hello, not a database");
        assertThatThrownBy(() -> PlatformSession.open(new ConnectionSpec("x", notSqlite.toString(), null, null, null), PasswordSource.NONE))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("is not a SQLite database");

        assertThatThrownBy(() -> PlatformSession.open(new ConnectionSpec("x", demo.resolve("platform.sqlite3").toString(), null,
                temp.resolve("no-such-share").toString(), null), PasswordSource.NONE))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("DATA_DIR").hasMessageContaining("does not exist");

        assertThatThrownBy(() -> PlatformSession.open(new ConnectionSpec("x", "jdbc:postgresql://127.0.0.1:1/nothing", null, null, null),
                PasswordSource.NONE)).isInstanceOf(TidemarkException.class).hasMessageContaining("No PostgreSQL server answers");

        assertThatThrownBy(() -> PlatformSession.open(new ConnectionSpec("x", "jdbc:postgresql://no-such-host.invalid:5432/db", null, null, null),
                PasswordSource.NONE)).isInstanceOf(TidemarkException.class).hasMessageContaining("unknown");

        String url = TestPostgres.newDatabase();
        String missingDb = url.replaceFirst("/tidemark_test_[0-9_]+", "/no_such_database");
        assertThatThrownBy(() -> PlatformSession.open(new ConnectionSpec("x", missingDb, null, null, null), PasswordSource.NONE))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("does not exist");

        assertThatThrownBy(() -> PlatformSession.open(new ConnectionSpec("x", demo.resolve("platform.sqlite3").toString(), null, null,
                "no-such-profile"), PasswordSource.NONE)).isInstanceOf(TidemarkException.class).hasMessageContaining("Unknown profile");
    }
}
