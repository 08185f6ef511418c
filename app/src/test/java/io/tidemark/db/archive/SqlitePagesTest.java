package io.tidemark.db.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Cancellation;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.RowDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page reader gives the checksum SQLite's own reading gives, for every serial type, overflow chains, deep trees,
 * integral reals, rows older than a column, and several page sizes; and refuses what it does not read.
 */
class SqlitePagesTest {

    @TempDir
    Path temp;

    @Test
    void readsEveryKindOfValueAsSqliteDoes() throws Exception {
        for (int pageSize : new int[] {512, 4096, 16384}) {
            Path file = temp.resolve("t" + pageSize + ".sqlite");
            Random random = new Random(pageSize);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = " + pageSize);
                s.execute("CREATE TABLE \"t\" (\"id\" INTEGER PRIMARY KEY, \"n\" INTEGER, \"r\" REAL, \"x\" TEXT, \"b\" BLOB, \"v\" NUMERIC)");
                c.setAutoCommit(false);
                long[] ints = {0, 1, -1, 127, 128, -129, 32767, -32769, 1L << 23, -(1L << 31), 1L << 40, 1L << 47, -(1L << 55),
                        Long.MAX_VALUE, Long.MIN_VALUE};
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"t\" VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < 3_000; i++) {
                        ps.setLong(1, i * 3L + 7);
                        if (i % 11 == 0) {
                            ps.setNull(2, java.sql.Types.NULL);
                        } else {
                            ps.setLong(2, ints[i % ints.length]);
                        }
                        ps.setDouble(3, i % 4 == 0 ? i : i % 4 == 1 ? -i / 7.0 : i % 4 == 2 ? 1e300 : -0.5);
                        String text = i % 97 == 0 ? "long ✓ ".repeat(3_000 + i) : i % 5 == 0 ? "" : "héllo " + i;
                        ps.setString(4, text);
                        byte[] blob = new byte[i % 89 == 0 ? 70_000 + i : i % 13];
                        random.nextBytes(blob);
                        if (i % 7 == 0) {
                            ps.setNull(5, java.sql.Types.NULL);
                        } else {
                            ps.setBytes(5, blob);
                        }
                        if (i % 3 == 0) {
                            ps.setString(6, "12.5");
                        } else {
                            ps.setLong(6, i);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
                // rows written before a column was added read it as null
                s.execute("ALTER TABLE \"t\" ADD COLUMN \"late\" TEXT");
                s.execute("INSERT INTO \"t\" VALUES (1000000, 5, 5.0, 'after', NULL, NULL, 'late value')");
            }
            ArchiveManifest.TableContent table = new ArchiveManifest.TableContent("t", "id", List.of("id", "n", "r", "x", "b", "v", "late"),
                    3_001, "unused");
            try (Connection c = SqliteArchive.open(file); SqlitePages pages = SqlitePages.open(file)) {
                RowDigest fromPages = SqliteArchive.pageDigest(c, pages, table, new Cancellation());
                assertThat(fromPages).as("page size " + pageSize + " is read from the pages").isNotNull();
                RowDigest fromSql = SqliteArchive.digest(c, table, new Cancellation());
                assertThat(fromPages.rows()).isEqualTo(fromSql.rows()).isEqualTo(3_001);
                assertThat(fromPages.hex()).as("page size " + pageSize).isEqualTo(fromSql.hex());
            }
        }
    }

    @Test
    void refusesWhatItDoesNotRead() throws Exception {
        Path file = temp.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"k\" (\"id\" TEXT PRIMARY KEY, \"v\" INTEGER)");
            s.execute("INSERT INTO \"k\" VALUES ('b', 1), ('a', 2)");
        }
        ArchiveManifest.TableContent table = new ArchiveManifest.TableContent("k", "id", List.of("id", "v"), 2, "unused");
        try (Connection c = SqliteArchive.open(file); SqlitePages pages = SqlitePages.open(file)) {
            assertThat(SqliteArchive.pageDigest(c, pages, table, new Cancellation())).as("a text key is not the rowid").isNull();
        }
        Path notSqlite = Files.writeString(temp.resolve("not.sqlite"), "x".repeat(4096));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqlitePages.open(notSqlite)).isInstanceOf(SqlitePages.Unreadable.class);
        // A page pointer that leads nowhere is refused, not followed.
        Path file2 = temp.resolve("cut.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file2); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = 512");
            s.execute("CREATE TABLE \"t\" (\"id\" INTEGER PRIMARY KEY, \"x\" TEXT)");
            for (int i = 0; i < 200; i++) {
                s.execute("INSERT INTO \"t\" VALUES (" + i + ", '" + "y".repeat(40) + "')");
            }
        }
        try (SqlitePages pages = SqlitePages.open(file2)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pages.digest(999, 2, 0, new boolean[2], new RowDigest(), new Cancellation()))
                    .isInstanceOf(SqlitePages.Unreadable.class);
        }
    }
}
