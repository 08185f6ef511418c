package io.tidemark.db.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Cancellation;
import io.tidemark.core.archive.ArchiveManifest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives whose rows went straight into SQLite pages are files SQLite itself finds whole ({@code integrity_check}) and
 * reads back value for value: every serial type and integer width, reals SQLite would alter, text in every UTF-8 length,
 * payloads that spill to overflow pages at and around the thresholds, trees of several levels, empty tables. Where a
 * value or a key is one the page writer does not store as SQLite would, SQLite writes that row and the rest.
 */
class SqlitePageFileTest {

    private static final long[] INTEGERS = {0, 1, -1, 2, 127, 128, -128, -129, 32_767, 32_768, -32_769, 8_388_607, 8_388_608,
            -8_388_609, 2_147_483_647L, 2_147_483_648L, -2_147_483_649L, 0x7FFF_FFFF_FFFFL, 0x8000_0000_0000L, -0x8000_0000_0001L,
            Long.MAX_VALUE, Long.MIN_VALUE};
    private static final double[] REALS = {0.0, -0.0, 1.0, -2.0, 0.1, 1e300, -1e-300, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4_503_599_627_370_496.0, 123_456_789.0};

    @TempDir
    Path temp;

    private static ArchivedTable table(String name, String key, String... columns) {
        List<ArchivedTable.Column> cols = new ArrayList<>();
        for (String c : columns) {
            String[] nameKind = c.split(":");
            cols.add(new ArchivedTable.Column(nameKind[0], nameKind[1].toLowerCase(), ArchivedTable.ValueKind.valueOf(nameKind[1])));
        }
        return new ArchivedTable(name, key, cols, null, null, null, null);
    }

    private static final ArchivedTable WIDE = table("wide", "id", "n:INTEGER", "id:INTEGER", "r:REAL", "x:TEXT", "b:BLOB",
            "flag:BOOLEAN");

    /** Random rows of {@link #WIDE}, keys rising from a negative start through zero, with every kind of value. */
    private static List<Object[]> wideRows(int count, long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        long key = -5_000_000_000L;
        for (int i = 0; i < count; i++) {
            key += 1 + (random.nextInt(4) == 0 ? random.nextInt(1 << 30) : random.nextInt(3));
            Object n = random.nextInt(9) == 0 ? null : random.nextBoolean() ? INTEGERS[random.nextInt(INTEGERS.length)] : random.nextLong() >> random.nextInt(64);
            Object r = random.nextInt(9) == 0 ? null : random.nextBoolean() ? REALS[random.nextInt(REALS.length)] : random.nextGaussian() * 1e6;
            Object x = random.nextInt(9) == 0 ? null : text(random);
            Object b = random.nextInt(9) == 0 ? null : blob(random);
            Object flag = random.nextInt(5) == 0 ? null : (long) random.nextInt(2);
            rows.add(new Object[] {n, key, r, x, b, flag});
        }
        return rows;
    }

    private static String text(Random random) {
        String[] pieces = {"a", "héllo", "✓", "😀", "\u0000", "tab\tnew\nline", " ", "\uD800", "\uDFFF"};
        int kind = random.nextInt(20);
        int length = kind == 0 ? 0 : kind == 1 ? 4_000 + random.nextInt(200) : kind == 2 ? 20_000 + random.nextInt(50_000) : random.nextInt(40);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append(random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : Integer.toString(random.nextInt(1000)));
        }
        return sb.toString();
    }

    private static byte[] blob(Random random) {
        int kind = random.nextInt(20);
        byte[] b = new byte[kind == 0 ? 0 : kind == 1 ? 4_030 + random.nextInt(60) : kind == 2 ? 9_000 + random.nextInt(20_000) : random.nextInt(30)];
        random.nextBytes(b);
        return b;
    }

    private static ArchiveManifest heading() {
        return new ArchiveManifest(ArchiveManifest.FORMAT_VERSION, "acme", 1, LocalDate.of(2026, 11, 20), "test", "test",
                Instant.parse("2026-11-21T00:00:00Z"), "test", List.of());
    }

    /** Writes each table's rows with the archive writer; returns how many went straight into pages. */
    private static long write(Path file, List<ArchivedTable> tables, List<List<Object[]>> rows) throws Exception {
        try (SqliteArchive.Writer writer = new SqliteArchive.Writer(file, heading())) {
            for (int t = 0; t < tables.size(); t++) {
                writer.beginTable(tables.get(t));
                for (Object[] row : rows.get(t)) {
                    writer.row(row.clone());
                }
                writer.endTable();
            }
            writer.finish();
            return writer.rowsInPages();
        }
    }

    /** SQLite finds the file whole, reads back exactly the rows written, and the archive verifies. */
    private static void assertReadsBack(Path file, List<ArchivedTable> tables, List<List<Object[]>> rows) throws Exception {
        assertReadsBack(file, tables, rows, List.of());
    }

    /** {@link #assertReadsBack}, the verification finding exactly {@code problems}. */
    private static void assertReadsBack(Path file, List<ArchivedTable> tables, List<List<Object[]>> rows, List<String> problems)
            throws Exception {
        try (Connection c = SqliteArchive.open(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        ArchiveManifest manifest = SqliteArchive.manifest(file);
        for (int t = 0; t < tables.size(); t++) {
            ArchiveManifest.TableContent content = manifest.table(tables.get(t).name()).orElseThrow();
            List<Object[]> read = new ArrayList<>();
            SqliteArchive.rows(file, content, read::add);
            List<Object[]> expected = rows.get(t);
            assertThat(read).as(tables.get(t).name()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(same(read.get(i), expected.get(i)))
                        .as("row %d of %s: read %s, wrote %s", i, tables.get(t).name(), Arrays.deepToString(read.get(i)),
                                Arrays.deepToString(expected.get(i)))
                        .isTrue();
            }
        }
        SqliteArchive.Verification verification = SqliteArchive.verify(file, new Cancellation());
        assertThat(verification.problems()).isEqualTo(problems);
    }

    private static boolean same(Object[] read, Object[] wrote) {
        for (int i = 0; i < wrote.length; i++) {
            Object a = read[i];
            Object b = wrote[i];
            if (b instanceof String s) {
                b = new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
            }
            boolean equal = a instanceof byte[] x && b instanceof byte[] y ? Arrays.equals(x, y)
                    : a instanceof Double x && b instanceof Double y ? Double.doubleToLongBits(x) == Double.doubleToLongBits(y)
                    : java.util.Objects.equals(a, b);
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    @Test
    void rowsOfEveryKindGoIntoPagesAndReadBackAsWritten() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            Path file = temp.resolve("wide" + seed + ".archive.sqlite");
            List<Object[]> rows = wideRows(3_000, seed);
            long inPages = write(file, List.of(WIDE), List.of(rows));
            assertThat(inPages).as("every row went straight into pages").isEqualTo(rows.size());
            assertReadsBack(file, List.of(WIDE), List.of(rows));
        }
    }

    @Test
    void payloadsAroundTheOverflowThresholdsReadBack() throws Exception {
        ArchivedTable blobs = table("blobs", "id", "id:INTEGER", "b:BLOB");
        List<Object[]> rows = new ArrayList<>();
        long key = 1;
        // A record of one blob: header, then the bytes; the payload sizes run across 4,061 (the most kept on a leaf),
        // the sizes where the local part changes, and several overflow pages.
        for (int size : new int[] {4_050, 4_055, 4_056, 4_057, 4_058, 4_059, 4_060, 4_061, 4_062, 4_063, 4_500, 4_600, 8_000,
                8_150, 8_153, 8_154, 8_200, 12_300, 100_000, 1_000_000}) {
            byte[] b = new byte[size];
            new Random(size).nextBytes(b);
            rows.add(new Object[] {key++, b});
            rows.add(new Object[] {key++, new byte[] {1}});
        }
        Path file = temp.resolve("blobs.archive.sqlite");
        assertThat(write(file, List.of(blobs), List.of(rows))).isEqualTo(rows.size());
        assertReadsBack(file, List.of(blobs), List.of(rows));
    }

    @Test
    void manySmallRowsMakeATreeOfSeveralLevels() throws Exception {
        ArchivedTable small = table("small", "id", "id:INTEGER", "n:INTEGER");
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 200_000; i++) {
            rows.add(new Object[] {i * 7 - 1_000, i % 3 == 0 ? null : (Object) (i % 300)});
        }
        Path file = temp.resolve("small.archive.sqlite");
        assertThat(write(file, List.of(small), List.of(rows))).isEqualTo(rows.size());
        assertReadsBack(file, List.of(small), List.of(rows));
        try (Connection c = SqliteArchive.open(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(depth) FROM (SELECT path, length(path) - length(replace(path, '/', '')) AS depth"
                     + " FROM dbstat WHERE name = 'small')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(2)).as("a root, interior pages under it, then the leaves").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void emptyTablesAndSeveralTablesReadBack() throws Exception {
        ArchivedTable first = table("first", "id", "id:INTEGER", "x:TEXT");
        ArchivedTable empty = table("empty", "id", "id:INTEGER", "x:TEXT");
        List<Object[]> firstRows = List.<Object[]>of(new Object[] {5L, "five"}, new Object[] {9L, null});
        Path file = temp.resolve("several.archive.sqlite");
        List<List<Object[]>> rows = List.of(firstRows, List.of(), wideRows(500, 9));
        assertThat(write(file, List.of(first, empty, WIDE), rows)).isEqualTo(502);
        assertReadsBack(file, List.of(first, empty, WIDE), rows);
    }

    @Test
    void whatPagesDoNotStoreAsSqliteWouldIsLeftToSqlite() throws Exception {
        // A key out of order in the second table: the first table and the second's rows before it are in pages,
        // SQLite writes the rest of the second table and every later table.
        ArchivedTable first = table("first", "id", "id:INTEGER", "x:TEXT");
        List<Object[]> firstRows = wideKeyed(100, 1);
        List<Object[]> second = new ArrayList<>(wideRows(400, 3));
        // SQLite itself stores -0.0 in a REAL column as the integer 0 (it reads back as 0.0): not in the rows it writes.
        second.forEach(r -> r[2] = r[2] instanceof Double d && d == 0 ? (Object) 0.0 : r[2]);
        Object[] late = second.get(200).clone();
        late[1] = (Long) second.get(0)[1] - 1;
        second.add(300, late);
        ArchivedTable third = table("third", "id", "id:INTEGER", "x:TEXT");
        List<List<Object[]>> rows = List.of(firstRows, second, wideKeyed(50, 1_000));
        Path file = temp.resolve("fallback.archive.sqlite");
        assertThat(write(file, List.of(first, WIDE, third), rows)).isEqualTo(100 + 300);
        // SQLite reads by key: the late row comes first. The checksum, taken in the order the rows came, is not that of
        // the rows in key order: such an archive never verifies, so an export never records it.
        List<Object[]> byKey = new ArrayList<>(second);
        byKey.sort(java.util.Comparator.comparingLong(r -> (Long) r[1]));
        assertReadsBack(file, List.of(first, WIDE, third), List.of(firstRows, byKey, rows.get(2)),
                List.of("Table wide does not match the manifest's checksum: its rows were changed."));

        // A table whose key is not a rowid: SQLite writes it and the rest. SQLite stores -0.0 as 0: the checksum follows.
        ArchivedTable textKey = table("named", "name", "name:TEXT", "n:INTEGER", "r:REAL");
        List<Object[]> named = List.<Object[]>of(new Object[] {"a", 1L, -0.0}, new Object[] {"b", 2L, 1.5});
        Path other = temp.resolve("textkey.archive.sqlite");
        assertThat(write(other, List.of(first, textKey, third), List.of(firstRows, named, rows.get(2)))).isEqualTo(100);
        List<Object[]> stored = List.<Object[]>of(new Object[] {"a", 1L, 0.0}, new Object[] {"b", 2L, 1.5});
        assertReadsBack(other, List.of(first, textKey, third), List.of(firstRows, stored, rows.get(2)));
        // A key declared BIGINT is a column of its own, not the rowid: SQLite writes that table.
        try (SqlitePageFile pages = SqlitePageFile.create(temp.resolve("big.sqlite"))) {
            assertThat(pages.beginTable("big", "CREATE TABLE \"big\" (\"id\" BIGINT PRIMARY KEY, \"x\" TEXT)", List.of("BIGINT", "TEXT"), 0))
                    .isFalse();
            assertThat(pages.beginTable("big", "CREATE TABLE \"big\" (\"id\" INTEGER PRIMARY KEY, \"x\" TEXT)", List.of("INTEGER", "TEXT"), 0))
                    .isTrue();
        }

    }

    @Test
    void aRecordOverTheSizeLimitIsLeftToSqlite() throws Exception {
        // SQLite reads no row over SQLITE_MAX_LENGTH (1e9 bytes): the page writer refuses it and SQLite decides. With a
        // 10,000-byte limit, a 20,000-byte row is refused and nothing is added.
        try (SqlitePageFile pages = SqlitePageFile.create(temp.resolve("limit.sqlite"), 10_000)) {
            assertThat(pages.beginTable("blobs", "CREATE TABLE \"blobs\" (\"id\" INTEGER PRIMARY KEY, \"b\" BLOB)",
                    List.of("INTEGER", "BLOB"), 0)).isTrue();
            assertThat(pages.add(new Object[] {1L, new byte[9_000]})).isTrue();
            assertThat(pages.add(new Object[] {2L, new byte[20_000]})).isFalse();
            assertThat(pages.add(new Object[] {2L, new byte[5]})).as("the refused row took no key").isTrue();
        }
    }

    private static List<Object[]> wideKeyed(int count, long from) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {from + i, "row " + i});
        }
        return rows;
    }
}
