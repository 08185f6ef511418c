package io.tidemark.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestPostgres;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.storage.DatabaseStorage;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.storage.TableStats.BloatSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table statistics against real databases: figures equal the server's own functions, and deletes show as bloat. */
class StorageStatisticsTest {

    @TempDir
    Path temp;

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static TableStats table(DatabaseStorage storage, String name) {
        return storage.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void postgresFiguresMatchTheServerAndDeletesShowAsBloat() throws Exception {
        String url = TestPostgres.newDatabase();
        try (PlatformDatabase db = PlatformDatabase.open(DatabaseTarget.parse(url), null, PasswordSource.NONE)) {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL, body text NOT NULL)");
                s.execute("CREATE TABLE notes (id int PRIMARY KEY, doc text)");
                s.execute("INSERT INTO events SELECT g, now() - g * interval '1 minute', repeat(md5(g::text), 3) FROM generate_series(1, 60000) g");
                s.execute("INSERT INTO notes SELECT g, repeat('x', 5000) || g FROM generate_series(1, 50) g");
                s.execute("ANALYZE");
            }
            StorageStatistics statistics = new StorageStatistics(db);
            DatabaseStorage before = statistics.read(Set.of("events"), false, new Cancellation());
            TableStats events = table(before, "events");
            try (Connection c = db.connection()) {
                assertThat(events.totalBytes()).isEqualTo(single(c, "SELECT pg_total_relation_size('events')"));
                assertThat(events.indexBytes()).isEqualTo(single(c, "SELECT pg_indexes_size('events')"));
                assertThat(before.totalBytes()).isEqualTo(single(c, "SELECT pg_database_size(current_database())"));
            }
            assertThat(events.tableBytes() + events.indexBytes() + events.toastBytes()).isEqualTo(events.totalBytes());
            assertThat(events.inProfile()).isTrue();
            assertThat(table(before, "notes").inProfile()).isFalse();
            assertThat(events.rows()).isEqualTo(60_000);
            assertThat(events.rowsExact()).isFalse();
            assertThat(events.lastAnalyze()).isNotNull();
            assertThat(events.bloatSource()).isEqualTo(BloatSource.ESTIMATE);
            assertThat(events.bloatBytes()).isLessThan(events.tableBytes() / 5);
            assertThat(before.tables().get(0).totalBytes()).isGreaterThanOrEqualTo(before.tables().get(1).totalBytes());

            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM events WHERE id % 2 = 0");
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE events");
            }
            TableStats after = table(statistics.read(Set.of("events"), false, new Cancellation()), "events");
            assertThat(after.tableBytes()).isGreaterThanOrEqualTo(events.tableBytes() - 8192 * 4);
            assertThat(after.rows()).isBetween(29_000L, 31_000L);
            assertThat(after.bloatBytes()).as("half the rows deleted and vacuumed").isGreaterThan(after.tableBytes() * 35 / 100);
            assertThat(after.lastVacuum()).isNotNull();

            boolean extension;
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple");
                extension = true;
            } catch (SQLException e) {
                extension = false; // this server's build has no contrib modules: the estimate above stands
            }
            DatabaseStorage exact = statistics.read(Set.of("events"), true, new Cancellation());
            TableStats counted = table(exact, "events");
            assertThat(counted.rowsExact()).isTrue();
            assertThat(counted.rows()).isEqualTo(30_000);
            assertThat(exact.pgstattuple()).isEqualTo(extension);
            if (extension) {
                assertThat(counted.bloatSource()).isEqualTo(BloatSource.PGSTATTUPLE_APPROX);
                assertThat(counted.bloatBytes()).isGreaterThan(counted.tableBytes() * 35 / 100);
            }
        }
    }

    @Test
    void aPartitionedTableCountsItsPartitions() throws Exception {
        String url = TestPostgres.newDatabase();
        try (PlatformDatabase db = PlatformDatabase.open(DatabaseTarget.parse(url), null, PasswordSource.NONE)) {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE m (id bigint, at date NOT NULL, body text) PARTITION BY RANGE (at)");
                s.execute("CREATE TABLE m_2026_10 PARTITION OF m FOR VALUES FROM ('2026-10-01') TO ('2026-11-01')");
                s.execute("CREATE TABLE m_2026_11 PARTITION OF m FOR VALUES FROM ('2026-11-01') TO ('2026-12-01')");
                s.execute("CREATE INDEX m_at ON m (at)");
                s.execute("INSERT INTO m SELECT g, date '2026-10-01' + (g % 60), md5(g::text) FROM generate_series(1, 50000) g");
                s.execute("ANALYZE m");
            }
            TableStats m = table(new StorageStatistics(db).read(Set.of("m"), false, new Cancellation()), "m");
            try (Connection c = db.connection()) {
                assertThat(m.totalBytes()).isPositive()
                        .isEqualTo(single(c, "SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('m')"));
            }
            assertThat(m.tableBytes() + m.indexBytes() + m.toastBytes()).isEqualTo(m.totalBytes());
            assertThat(m.rows()).isBetween(45_000L, 55_000L);
            assertThat(new StorageStatistics(db).read(Set.of("m"), false, new Cancellation()).tables())
                    .extracting(TableStats::table).doesNotContain("m_2026_10");
        }
    }

    @Test
    void sqliteFiguresComeFromDbstatAndTheFreeList() throws Exception {
        Path file = temp.resolve("lab.sqlite3");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events (id integer PRIMARY KEY, at text NOT NULL, body text NOT NULL UNIQUE)");
            s.execute("CREATE INDEX events_at ON events (at)");
            s.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 20000)"
                    + " INSERT INTO events SELECT n, printf('2026-11-%02d', n % 28 + 1), hex(randomblob(60)) FROM g");
            s.execute("ANALYZE");
        }
        try (PlatformDatabase db = PlatformDatabase.open(new DatabaseTarget(DatabaseKind.SQLITE, file.toString()), null, PasswordSource.NONE)) {
            StorageStatistics statistics = new StorageStatistics(db);
            DatabaseStorage before = statistics.read(Set.of("events"), false, new Cancellation());
            TableStats events = table(before, "events");
            assertThat(events.rows()).isEqualTo(20_000);
            assertThat(events.rowsExact()).isFalse();
            assertThat(events.indexBytes()).isPositive();
            long indexPages;
            try (Connection c = db.connection()) {
                indexPages = single(c, "SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE type = 'index')");
            }
            assertThat(events.indexBytes()).as("the UNIQUE constraint's automatic index counts too").isEqualTo(indexPages);
            assertThat(events.tableBytes() + events.indexBytes()).isEqualTo(events.totalBytes());
            assertThat(before.totalBytes()).isEqualTo(java.nio.file.Files.size(file));
            assertThat(before.freeListBytes()).isZero();
            long pages;
            try (Connection c = db.connection()) {
                pages = single(c, "PRAGMA page_count");
            }
            assertThat(events.totalBytes()).isLessThanOrEqualTo(pages * before.pageSize());

            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM events WHERE id > 5000");
            }
            DatabaseStorage after = statistics.read(Set.of("events"), true, new Cancellation());
            assertThat(after.freeListBytes()).as("pages VACUUM would return").isGreaterThan(before.totalBytes() / 2);
            assertThat(table(after, "events").rows()).isEqualTo(5_000);
            assertThat(table(after, "events").rowsExact()).isTrue();
            assertThat(table(after, "events").bloatSource()).isEqualTo(BloatSource.SQLITE_DBSTAT);
        }
    }
}
