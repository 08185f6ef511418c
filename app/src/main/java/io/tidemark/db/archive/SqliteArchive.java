package io.tidemark.db.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tidemark.config.ConfigMapper;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.BrowsePage;
import io.tidemark.core.archive.RowDigest;
import io.tidemark.db.SqlNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite archive format: the family's tables with the tenant-day's rows (columns typed INTEGER, REAL, TEXT or
 * BLOB), a key/value table {@code tidemark_manifest} and a table {@code tidemark_tables} with each table's key, columns,
 * row count and checksum ({@link RowDigest} over its rows in key order). Any SQLite tool opens it.
 */
public final class SqliteArchive {

    /** The manifest's {@code format} value that marks a Tidemark archive. */
    public static final String FORMAT_MARK = "tidemark-archive";
    static final String MANIFEST = "tidemark_manifest";
    static final String TABLES = "tidemark_tables";
    private static final int BATCH = 1_000;

    private SqliteArchive() {
    }

    /**
     * Writes the tenant-day's rows from {@code source} into a new SQLite file {@code target} and returns its manifest.
     * The source is read in one snapshot (REPEATABLE READ on PostgreSQL) so parents and children agree.
     */
    public static ArchiveManifest write(Connection source, DatabaseKind sourceKind, ArchiveFamily family, String tenant,
                                       long tenantId, LocalDate day, String platformKey, String version, Instant createdAt,
                                       Path target, Progress progress, Cancellation cancellation) throws SQLException, IOException {
        return write(source, sourceKind, ExportSource.OWN, family, tenant, tenantId, day, platformKey, version, createdAt, target,
                progress, cancellation);
    }

    /** {@link #write} reading in {@code from}'s snapshot, with its keys when it has them (PostgreSQL). */
    public static ArchiveManifest write(Connection source, DatabaseKind sourceKind, ExportSource from, ArchiveFamily family,
                                       String tenant, long tenantId, LocalDate day, String platformKey, String version,
                                       Instant createdAt, Path target, Progress progress, Cancellation cancellation)
            throws SQLException, IOException {
        ArchiveManifest heading = new ArchiveManifest(ArchiveManifest.FORMAT_VERSION, tenant, tenantId, day, family.name(),
                platformKey, createdAt, version, List.of());
        try (Writer writer = new Writer(target, heading)) {
            if (sourceKind == DatabaseKind.POSTGRESQL) {
                ArchiveReads.tenantDay(source, from, family, tenantId, day, writer, progress, cancellation);
            } else {
                int index = 0;
                for (ArchivedTable table : family.tables()) {
                    cancellation.checkpoint();
                    progress.report((double) index++ / family.tables().size(), "Exporting " + table.name());
                    writer.beginTable(table);
                    try (PreparedStatement select = source.prepareStatement(family.selectDay(table))) {
                        ArchiveFamily.bind(select, sourceKind, tenantId, day);
                        Object[] values = new Object[table.columns().size()];
                        try (ResultSet rs = select.executeQuery()) {
                            while (rs.next()) {
                                for (int i = 0; i < values.length; i++) {
                                    values[i] = storedValue(rs.getObject(i + 1));
                                }
                                writer.row(values);
                                cancellation.checkpoint();
                            }
                        }
                    }
                    writer.endTable();
                }
            }
            ArchiveManifest manifest = writer.finish();
            progress.report(1, "Exported " + manifest.totalRows() + " rows");
            return manifest;
        }
    }

    /**
     * Writes a SQLite archive: one table per archived table (its key the primary key), rows in key order. Rows go
     * straight into the file's pages ({@link SqlitePageFile}) while they are values SQLite would store as given; at the
     * first that is not (or a table whose key is not a rowid), the file is sealed and SQLite writes the rest, in batches
     * in one transaction with journal and sync off. SQLite writes the manifest either way. The file is flushed and
     * verified afterwards, and is not published before.
     */
    public static final class Writer implements ArchiveWriter {
        private final Path target;
        private final ArchiveManifest heading;
        private final List<ArchiveManifest.TableContent> contents = new ArrayList<>();
        /** The file while rows go straight into its pages; null once SQLite writes. */
        private SqlitePageFile pages;
        private Connection out;
        private ArchivedTable table;
        private CopyText.Conversion[] conversions;
        private int[] realColumns;
        private Object[] values;
        private PreparedStatement insert;
        private RowDigest digest;
        private int pending;
        private long rowsInPages;
        private boolean closed;

        Writer(Path target, ArchiveManifest heading) throws IOException {
            Files.deleteIfExists(target);
            this.target = target;
            this.heading = heading;
            this.pages = SqlitePageFile.create(target);
        }

        /** Seals the pages written so far, if any, and opens SQLite on the file to write the rest. */
        private void toSqlite() throws SQLException, IOException {
            if (out != null) {
                return;
            }
            SqlitePageFile sealing = pages;
            pages = null;
            try {
                sealing.seal(); // the file is from here on a database of the tables so far
            } finally {
                sealing.close();
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setOpenMode(org.sqlite.SQLiteOpenMode.NOMUTEX); // one thread at a time uses a writer
            out = DriverManager.getConnection("jdbc:sqlite:" + target, config.toProperties());
            try (Statement s = out.createStatement()) {
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -2048"); // 2 MiB: a day of a whole platform may keep many open at once
                out.setAutoCommit(false);
            }
        }

        @Override
        public void beginTable(ArchivedTable table) throws SQLException, IOException {
            this.table = table;
            List<ArchivedTable.Column> columns = table.columns();
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(SqlNames.quote(table.name())).append(" (");
            int key = -1;
            for (int i = 0; i < columns.size(); i++) {
                ArchivedTable.Column col = columns.get(i);
                ddl.append(i == 0 ? "" : ", ").append(SqlNames.quote(col.name())).append(' ').append(col.kind().sqliteType());
                if (col.name().equalsIgnoreCase(table.key())) {
                    ddl.append(" PRIMARY KEY");
                    key = i;
                }
            }
            String create = ddl.append(')').toString();
            conversions = CopyText.Conversion.of(table);
            realColumns = java.util.stream.IntStream.range(0, columns.size())
                    .filter(i -> columns.get(i).kind() == ArchivedTable.ValueKind.REAL).toArray();
            values = new Object[columns.size()];
            digest = new RowDigest();
            pending = 0;
            insert = null;
            if (pages != null && pages.beginTable(table.name(), create,
                    columns.stream().map(c -> c.kind().sqliteType()).toList(), key)) {
                return;
            }
            toSqlite();
            try (Statement s = out.createStatement()) {
                s.execute(create);
            }
            prepareInsert();
        }

        private void prepareInsert() throws SQLException {
            insert = out.prepareStatement("INSERT INTO " + SqlNames.quote(table.name()) + " VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(table.columns().size(), "?")) + ")");
        }

        @Override
        public void copyRow(byte[] row, int length) throws SQLException, IOException {
            CopyText.values(row, length, conversions, values);
            row(values);
        }

        /** One row as values (Long, Double, String, byte[] or null), in column order. */
        void row(Object[] values) throws SQLException, IOException {
            if (insert == null) {
                if (pages.add(values)) {
                    digest.row(values);
                    rowsInPages++;
                    return;
                }
                toSqlite(); // the table so far is in the sealed file: SQLite adds this row and the rest
                prepareInsert();
            }
            // SQLite stores -0.0 in a REAL column as the integer 0, which reads back as 0.0: the checksum says so too.
            for (int i : realColumns) {
                if (values[i] instanceof Double d && Double.doubleToRawLongBits(d) == Long.MIN_VALUE) {
                    values[i] = 0.0;
                }
            }
            digest.row(values);
            for (int i = 0; i < values.length; i++) {
                bindValue(insert, i + 1, values[i]);
            }
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public ArchiveManifest.TableContent endTable() throws SQLException, IOException {
            if (insert == null) {
                pages.endTable();
            } else {
                if (pending > 0) {
                    insert.executeBatch();
                }
                insert.close();
            }
            ArchiveManifest.TableContent content = new ArchiveManifest.TableContent(table.name(), table.key(), table.columnNames(),
                    digest.rows(), digest.hex());
            contents.add(content);
            return content;
        }

        /** Rows that went straight into pages (the others SQLite wrote). */
        long rowsInPages() {
            return rowsInPages;
        }

        @Override
        public ArchiveManifest finish() throws SQLException, IOException {
            toSqlite();
            ArchiveManifest manifest = heading.withTables(contents);
            writeManifest(out, manifest);
            out.commit();
            closed = true;
            out.close();
            return manifest;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                try {
                    if (pages != null) {
                        pages.close();
                    }
                    if (out != null) {
                        out.close();
                    }
                } catch (SQLException | IOException ignored) {
                    // an abandoned file: its caller deletes it
                }
            }
        }
    }

    /** A PostgreSQL value as an archive carries it. */
    static Object value(ResultSet rs, int column, ArchivedTable.ValueKind kind) throws SQLException {
        Object v = switch (kind) {
            case INTEGER -> rs.getLong(column);
            case REAL -> rs.getDouble(column);
            case BOOLEAN -> rs.getBoolean(column) ? 1L : 0L;
            case BLOB -> rs.getBytes(column);
            case TEXT -> rs.getString(column);
        };
        return rs.wasNull() ? null : v;
    }

    /** A SQLite value as stored (its storage class), integers widened to Long. */
    static Object storedValue(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }

    static void bindValue(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, java.sql.Types.NULL);
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof byte[] b) {
            ps.setBytes(index, b);
        } else {
            ps.setString(index, v.toString());
        }
    }

    private static void writeManifest(Connection out, ArchiveManifest m) throws SQLException, IOException {
        try (Statement s = out.createStatement()) {
            s.execute("CREATE TABLE " + MANIFEST + " (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE " + TABLES + " (position INTEGER PRIMARY KEY, table_name TEXT NOT NULL, key_column TEXT NOT NULL,"
                    + " columns TEXT NOT NULL, row_count INTEGER NOT NULL, sha256 TEXT NOT NULL)");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("format", FORMAT_MARK);
        entries.put("format_version", Integer.toString(m.formatVersion()));
        entries.put("tenant", m.tenant());
        entries.put("tenant_id", Long.toString(m.tenantId()));
        entries.put("day", m.day().toString());
        entries.put("family", m.family());
        entries.put("source", m.source());
        entries.put("created_at", m.createdAt().toString());
        entries.put("tidemark_version", m.tidemarkVersion());
        entries.put("checksum", "SHA-256 over each table's rows in key order, values tagged and length-prefixed (docs/archives.md)");
        try (PreparedStatement ps = out.prepareStatement("INSERT INTO " + MANIFEST + " VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = out.prepareStatement("INSERT INTO " + TABLES + " VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ArchiveManifest.TableContent t : m.tables()) {
                ps.setInt(1, position++);
                ps.setString(2, t.table());
                ps.setString(3, t.key());
                ps.setString(4, ConfigMapper.json().writeValueAsString(t.columns()));
                ps.setLong(5, t.rows());
                ps.setString(6, t.sha256());
                ps.executeUpdate();
            }
        }
    }

    /** Opens an archive file read-only. */
    static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.NOMUTEX); // one thread at a time uses a connection
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(1L << 30)); // read pages in place, not by pread
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /** Reads the manifest of an (uncompressed) SQLite archive. */
    public static ArchiveManifest manifest(Path file) {
        try (Connection c = open(file)) {
            return manifest(c, file);
        } catch (SQLException e) {
            throw new TidemarkException(file.getFileName() + " is not a readable SQLite archive: " + e.getMessage(), e);
        }
    }

    private static ArchiveManifest manifest(Connection c, Path file) throws SQLException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM " + MANIFEST)) {
            while (rs.next()) {
                entries.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new TidemarkException(file.getFileName() + " has no Tidemark manifest (" + e.getMessage() + ").", e);
        }
        if (!FORMAT_MARK.equals(entries.get("format"))) {
            throw new TidemarkException(file.getFileName() + " is not a Tidemark archive: its manifest has no format mark.");
        }
        List<ArchiveManifest.TableContent> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, key_column, columns, row_count, sha256 FROM " + TABLES + " ORDER BY position")) {
            while (rs.next()) {
                List<String> columns = ConfigMapper.json().readValue(rs.getString(3), new TypeReference<List<String>>() { });
                tables.add(new ArchiveManifest.TableContent(rs.getString(1), rs.getString(2), columns, rs.getLong(4), rs.getString(5)));
            }
        } catch (IOException e) {
            throw new TidemarkException(file.getFileName() + " has a manifest whose column lists are not JSON.", e);
        }
        try {
            return new ArchiveManifest(Integer.parseInt(entries.get("format_version")), entries.get("tenant"),
                    Long.parseLong(entries.get("tenant_id")), LocalDate.parse(entries.get("day")), entries.get("family"),
                    entries.get("source"), Instant.parse(entries.get("created_at")), entries.get("tidemark_version"), tables);
        } catch (RuntimeException e) {
            throw new TidemarkException(file.getFileName() + " has an incomplete or unreadable manifest.", e);
        }
    }

    /**
     * Re-reads every table of an (uncompressed) archive, counting rows and recomputing checksums, and lists what differs
     * from its manifest. The manifest is never trusted: a count or checksum that disagrees is a problem.
     */
    public static Verification verify(Path file, Cancellation cancellation) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> actual = new LinkedHashMap<>();
        ArchiveManifest manifest;
        try (Connection c = open(file)) {
            try {
                manifest = manifest(c, file);
            } catch (TidemarkException e) {
                return new Verification(null, actual, List.of(e.getMessage()));
            }
            if (manifest.formatVersion() > ArchiveManifest.FORMAT_VERSION) {
                problems.add("It was written in archive format " + manifest.formatVersion() + ", newer than this Tidemark reads.");
            }
            SqlitePages pages = openPages(file);
            try {
                for (ArchiveManifest.TableContent t : manifest.tables()) {
                    cancellation.checkpoint();
                    long rows;
                    String sha256;
                    try {
                        RowDigest fromPages = pages == null ? null : pageDigest(c, pages, t, cancellation);
                        rows = fromPages == null ? -1 : fromPages.rows();
                        sha256 = fromPages == null ? null : fromPages.hex();
                        // The page reader only saves time: whatever it cannot read, or reads differently, SQLite reads.
                        if (rows != t.rows() || !t.sha256().equals(sha256)) {
                            RowDigest fromSql = digest(c, t, cancellation);
                            rows = fromSql.rows();
                            sha256 = fromSql.hex();
                        }
                    } catch (SQLException e) {
                        problems.add("Table " + t.table() + " cannot be read: " + e.getMessage());
                        continue;
                    }
                    actual.put(t.table(), rows);
                    if (rows != t.rows()) {
                        problems.add("Table " + t.table() + " holds " + rows + " rows but the manifest says " + t.rows() + ".");
                    } else if (!sha256.equals(t.sha256())) {
                        problems.add("Table " + t.table() + " does not match the manifest's checksum: its rows were changed.");
                    }
                }
            } finally {
                closeQuietly(pages);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(result)) {
                    problems.add("SQLite's quick_check reports damage: " + result);
                }
            }
        } catch (SQLException e) {
            return new Verification(null, actual, List.of(file.getFileName() + " is not a readable SQLite archive: " + e.getMessage()));
        }
        return new Verification(manifest, actual, problems);
    }

    private static SqlitePages openPages(Path file) {
        try {
            return SqlitePages.open(file);
        } catch (IOException | SqlitePages.Unreadable e) {
            return null;
        }
    }

    private static void closeQuietly(SqlitePages pages) {
        if (pages != null) {
            try {
                pages.close();
            } catch (IOException ignored) {
                // read-only mapping
            }
        }
    }

    /**
     * A table's checksum recomputed from the file's pages ({@link SqlitePages}), or null when the table is not one the
     * page reader reads: its key must be its rowid (INTEGER PRIMARY KEY) and its columns those of the manifest, in order.
     */
    static RowDigest pageDigest(Connection c, SqlitePages pages, ArchiveManifest.TableContent t, Cancellation cancellation)
            throws SQLException {
        int root;
        String sql;
        try (PreparedStatement ps = c.prepareStatement("SELECT rootpage, sql FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            ps.setString(1, t.table());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                root = rs.getInt(1);
                sql = rs.getString(2);
            }
        }
        if (sql == null || sql.toUpperCase(Locale.ROOT).contains("WITHOUT ROWID")
                || !sql.contains(SqlNames.quote(t.key()) + " INTEGER PRIMARY KEY") || sql.contains("INTEGER PRIMARY KEY DESC")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Boolean> real = new ArrayList<>();
        int keys = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + SqlNames.quote(t.table()) + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
                real.add(realAffinity(rs.getString("type")));
                keys += rs.getInt("pk") > 0 ? 1 : 0;
            }
        }
        if (!names.equals(t.columns()) || keys != 1) {
            return null;
        }
        boolean[] reals = new boolean[names.size()];
        for (int i = 0; i < reals.length; i++) {
            reals[i] = real.get(i);
        }
        RowDigest digest = new RowDigest();
        try {
            pages.digest(root, names.size(), names.indexOf(t.key()), reals, digest, cancellation);
        } catch (SqlitePages.Unreadable e) {
            return null;
        }
        return digest;
    }

    /** SQLite's rule for a declared type with REAL affinity (sqlite.org/datatype3.html, 3.1). */
    static boolean realAffinity(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT") || t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") || t.contains("BLOB") || t.isEmpty()) {
            return false;
        }
        return t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB");
    }

    /** Recomputes a table's checksum from the file, reading every value as stored. */
    static RowDigest digest(Connection c, ArchiveManifest.TableContent t, Cancellation cancellation) throws SQLException {
        RowDigest digest = new RowDigest();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(selectAll(t))) {
            int n = t.columns().size();
            Object[] values = new Object[n];
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    values[i] = storedValue(rs.getObject(i + 1));
                }
                digest.row(values);
                if ((digest.rows() & 0xFFF) == 0) {
                    cancellation.checkpoint();
                }
            }
        }
        return digest;
    }

    /** What {@link #verify} found. */
    public record Verification(ArchiveManifest manifest, Map<String, Long> actualRows, List<String> problems) {
    }

    static String selectAll(ArchiveManifest.TableContent t) {
        return "SELECT " + String.join(", ", t.columns().stream().map(SqlNames::quote).toList()) + " FROM "
                + SqlNames.quote(t.table()) + " ORDER BY " + SqlNames.quote(t.key());
    }

    /** Streams a table's rows in key order (values as stored: Long, Double, String, byte[] or null). */
    public static void rows(Path file, ArchiveManifest.TableContent table, RowConsumer consumer) throws SQLException {
        try (Connection c = open(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(selectAll(table))) {
            int n = table.columns().size();
            while (rs.next()) {
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = storedValue(rs.getObject(i + 1));
                }
                consumer.row(values);
            }
        }
    }

    /** Receives rows. */
    @FunctionalInterface
    public interface RowConsumer {
        void row(Object[] values) throws SQLException;
    }

    /** One page of a table's rows whose text columns contain {@code search} (case-insensitive; null or blank for all). */
    public static BrowsePage browse(Path file, String table, String search, long offset, int limit) {
        ArchiveManifest manifest = manifest(file);
        ArchiveManifest.TableContent t = manifest.table(table).orElseThrow(() -> new TidemarkException(
                "The archive has no table " + table + "; it holds " + manifest.tables().stream().map(ArchiveManifest.TableContent::table).toList() + "."));
        String where = "";
        boolean searching = search != null && !search.isBlank();
        if (searching) {
            where = " WHERE " + String.join(" OR ", t.columns().stream()
                    .map(col -> "CAST(" + SqlNames.quote(col) + " AS TEXT) LIKE ? ESCAPE '\\'").toList());
        }
        String pattern = searching ? "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" : null;
        try (Connection c = open(file)) {
            long matching;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + SqlNames.quote(t.table()) + where)) {
                bindSearch(ps, searching, t.columns().size(), pattern, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    matching = rs.next() ? rs.getLong(1) : 0;
                }
            }
            List<List<String>> rows = new ArrayList<>();
            String sql = selectAll(t).replace(" ORDER BY ", where + " ORDER BY ") + " LIMIT ? OFFSET ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = bindSearch(ps, searching, t.columns().size(), pattern, 0);
                ps.setInt(next + 1, limit);
                ps.setLong(next + 2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= t.columns().size(); i++) {
                            row.add(display(rs.getObject(i)));
                        }
                        rows.add(row);
                    }
                }
            }
            return new BrowsePage(t.table(), t.columns(), rows, offset, matching);
        } catch (SQLException e) {
            throw new TidemarkException("Cannot read " + table + " in " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static int bindSearch(PreparedStatement ps, boolean searching, int columns, String pattern, int from) throws SQLException {
        if (!searching) {
            return from;
        }
        for (int i = 0; i < columns; i++) {
            ps.setString(from + i + 1, pattern);
        }
        return from + columns;
    }

    /** A value as browse shows it: blobs as their size and first bytes in hex. */
    static String display(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.length + " bytes: " + java.util.HexFormat.of().formatHex(Arrays.copyOf(b, Math.min(b.length, 16)))
                    + (b.length > 16 ? "…" : "");
        }
        return v.toString();
    }
}
