package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.TestPostgres;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ForeignKey;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.demo.DemoReport;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import io.tidemark.db.DatabaseCatalog;
import io.tidemark.db.PlatformDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo platform built in a real PostgreSQL database: same rows as on SQLite for the same seed. */
class DemoPlatformPostgresTest {

    @TempDir
    Path temp;

    @Test
    void buildsTheSamePlatformInPostgresAsInSqlite() throws Exception {
        String url = TestPostgres.newDatabase();
        LocalDate lastDay = LocalDate.of(2026, 11, 20);
        DemoReport pg = new DemoPlatformBuilder(new DemoSpec(temp.resolve("pg"), 4, 35, 11, DemoScale.SMALL, url, lastDay, false))
                .build(Progress.NONE, new Cancellation());
        DemoReport sqlite = new DemoPlatformBuilder(new DemoSpec(temp.resolve("lite"), 4, 35, 11, DemoScale.SMALL, null, lastDay, false))
                .build(Progress.NONE, new Cancellation());
        assertThat(pg.rowsPerTable()).isEqualTo(sqlite.rowsPerTable());
        assertThat(temp.resolve("pg/platform.sqlite3")).doesNotExist();

        try (PlatformDatabase db = PlatformDatabase.open(DatabaseTarget.parse(url), null, PasswordSource.NONE)) {
            DatabaseCatalog catalog = new DatabaseCatalog(db);
            assertThat(catalog.tables()).containsAll(DemoSchema.TABLES);
            List<ForeignKey> keys = catalog.foreignKeys();
            assertThat(keys).hasSize(9).noneMatch(ForeignKey::cascades);
            assertThat(keys).contains(new ForeignKey("cpipayload", "message_log_id", "cpimessagelog", "id", "NO ACTION"));
            try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*), sum(octet_length(content)) FROM cpipayload")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(pg.rowsPerTable().get("cpipayload"));
                assertThat(rs.getLong(2)).isGreaterThan(rs.getLong(1) * 300);
            }
            try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT data_type FROM information_schema.columns WHERE table_name = 'cpimessagelog' AND column_name = 'log_start'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("timestamp with time zone");
            }
            // Identity sequences continue after the loaded keys, as a live platform's would.
            try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery(
                    "INSERT INTO cconfig (name, created_at, is_active) VALUES ('new-tenant', now(), true) RETURNING id")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(5);
            }
        }

        assertThatThrownBy(() -> new DemoPlatformBuilder(new DemoSpec(temp.resolve("again"), 4, 35, 11, DemoScale.SMALL, url, lastDay, false))
                .build(Progress.NONE, new Cancellation()))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("already holds a demo platform");
        DemoReport replaced = new DemoPlatformBuilder(new DemoSpec(temp.resolve("again"), 4, 35, 11, DemoScale.SMALL, url, lastDay, true))
                .build(Progress.NONE, new Cancellation());
        assertThat(replaced.rowsPerTable()).isEqualTo(pg.rowsPerTable());
    }

    @Test
    void neverDropsTablesItDidNotCreate() throws Exception {
        String url = TestPostgres.newDatabase();
        try (PlatformDatabase db = PlatformDatabase.open(DatabaseTarget.parse(url), null, PasswordSource.NONE);
             Connection c = db.connection(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cconfig (id bigint PRIMARY KEY, name text)");
            s.execute("INSERT INTO cconfig VALUES (1, 'production-tenant')");
        }
        assertThatThrownBy(() -> new DemoPlatformBuilder(new DemoSpec(temp.resolve("prod"), 4, 35, 11, DemoScale.SMALL, url,
                LocalDate.of(2026, 11, 20), true)).build(Progress.NONE, new Cancellation()))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("never drops them");
        try (PlatformDatabase db = PlatformDatabase.open(DatabaseTarget.parse(url), null, PasswordSource.NONE);
             Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery("SELECT name FROM cconfig")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("production-tenant");
        }
    }
}
