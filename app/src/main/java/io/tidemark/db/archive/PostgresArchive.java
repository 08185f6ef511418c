package io.tidemark.db.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tidemark.config.ConfigMapper;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.BrowsePage;
import io.tidemark.db.SqlNames;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PostgreSQL archive format: a plain SQL script that {@code psql -f} restores. For each table, parents first, it
 * copies the rows ({@code COPY ... FROM stdin}, text format) into a temporary table and inserts those not already in
 * the database ({@code ON CONFLICT DO NOTHING}), all in one transaction. Its last line is the manifest as JSON in a
 * comment; each table's checksum is the SHA-256 of its COPY data bytes (rows in key order).
 */
public final class PostgresArchive {

    static final String HEADER = "-- Tidemark archive";
    static final String MANIFEST_PREFIX = "-- tidemark-manifest: ";
    private static final byte[] END_OF_DATA = "\\.\n".getBytes(StandardCharsets.US_ASCII);

    private PostgresArchive() {
    }

    /** The temporary table a script copies {@code index}'s rows into. */
    static String stagingTable(int index) {
        return "tidemark_restore_" + index;
    }

    /** Writes the tenant-day's rows from a PostgreSQL {@code source} as a restore script, with COPY. */
    public static ArchiveManifest write(Connection source, ArchiveFamily family, String tenant, long tenantId, LocalDate day,
                                        String platformKey, String version, Instant createdAt, Path target,
                                        Progress progress, Cancellation cancellation) throws SQLException, IOException {
        return write(source, ExportSource.OWN, family, tenant, tenantId, day, platformKey, version, createdAt, target, progress,
                cancellation);
    }

    /** {@link #write} reading in {@code from}'s snapshot, with its keys when it has them. */
    public static ArchiveManifest write(Connection source, ExportSource from, ArchiveFamily family, String tenant, long tenantId,
                                        LocalDate day, String platformKey, String version, Instant createdAt, Path target,
                                        Progress progress, Cancellation cancellation) throws SQLException, IOException {
        ArchiveManifest heading = new ArchiveManifest(ArchiveManifest.FORMAT_VERSION, tenant, tenantId, day, family.name(),
                platformKey, createdAt, version, List.of());
        try (Writer writer = new Writer(target, heading)) {
            ArchiveReads.tenantDay(source, from, family, tenantId, day, writer, progress, cancellation);
            ArchiveManifest manifest = writer.finish();
            progress.report(1, "Exported " + manifest.totalRows() + " rows");
            return manifest;
        }
    }

    /**
     * Writes a script: a header saying how to restore it, then per table a temporary table, its COPY data (the rows as
     * COPY text, exactly as the server wrote them) and the INSERT that adds the rows not already there.
     */
    public static final class Writer implements ArchiveWriter {
        private final OutputStream file;
        private final ArchiveManifest heading;
        private final List<ArchiveManifest.TableContent> contents = new ArrayList<>();
        private ArchivedTable table;
        private MessageDigest digest;
        private long rows;
        private final byte[] block = new byte[1 << 16];
        private int used;
        private boolean closed;

        Writer(Path target, ArchiveManifest heading) throws IOException {
            this.heading = heading;
            this.file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
            try {
                line(file, HEADER + ", format " + ArchiveManifest.FORMAT_VERSION + " (PostgreSQL script)");
                line(file, "-- tenant " + oneLine(heading.tenant()) + " (id " + heading.tenantId() + "), day " + heading.day()
                        + " (UTC), family " + heading.family());
                line(file, "-- Restore with PostgreSQL's own client (rows still in the database are skipped, all in one transaction):");
                line(file, "--   psql -v ON_ERROR_STOP=1 -d DATABASE -f FILE.archive");
                line(file, "--   gunzip -c FILE.archive.gz | psql -v ON_ERROR_STOP=1 -d DATABASE");
                line(file, "SET client_encoding = 'UTF8';");
                line(file, "SET standard_conforming_strings = on;");
                line(file, "BEGIN;");
                line(file, "SET CONSTRAINTS ALL DEFERRED;");
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        @Override
        public void beginTable(ArchivedTable table) throws IOException {
            this.table = table;
            String cols = String.join(", ", table.columnNames().stream().map(SqlNames::quote).toList());
            String staging = stagingTable(contents.size());
            line(file, "CREATE TEMP TABLE " + staging + " (LIKE " + SqlNames.quote(table.name()) + ") ON COMMIT DROP;");
            line(file, "COPY " + staging + " (" + cols + ") FROM stdin;");
            digest = sha256();
            rows = 0;
        }

        @Override
        public void copyRow(byte[] row, int length) throws IOException {
            if (length > block.length - used) {
                flushBlock();
            }
            if (length > block.length) {
                digest.update(row, 0, length);
                file.write(row, 0, length);
            } else {
                System.arraycopy(row, 0, block, used, length);
                used += length;
            }
            rows++;
        }

        /** Rows are gathered in a block and handed to the digest and the file together (one call per row cost more). */
        private void flushBlock() throws IOException {
            digest.update(block, 0, used);
            file.write(block, 0, used);
            used = 0;
        }

        @Override
        public ArchiveManifest.TableContent endTable() throws IOException {
            flushBlock();
            file.write(END_OF_DATA);
            line(file, insert(table.name(), table.columnNames(), stagingTable(contents.size())));
            ArchiveManifest.TableContent content = new ArchiveManifest.TableContent(table.name(), table.key(), table.columnNames(), rows,
                    HexFormat.of().formatHex(digest.digest()));
            contents.add(content);
            return content;
        }

        @Override
        public ArchiveManifest finish() throws IOException {
            line(file, "COMMIT;");
            ArchiveManifest manifest = heading.withTables(contents);
            line(file, MANIFEST_PREFIX + ConfigMapper.json().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJson(manifest)));
            closed = true;
            file.close();
            return manifest;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                try {
                    file.close();
                } catch (IOException ignored) {
                    // an abandoned file: its caller deletes it
                }
            }
        }
    }

    /** The INSERT that moves a staging table's rows into the platform table, skipping keys already there. */
    static String insert(String table, List<String> columns, String staging) {
        String cols = String.join(", ", columns.stream().map(SqlNames::quote).toList());
        return "INSERT INTO " + SqlNames.quote(table) + " (" + cols + ") SELECT " + cols + " FROM " + staging
                + " ON CONFLICT DO NOTHING;";
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static Map<String, Object> toJson(ArchiveManifest m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", SqliteArchive.FORMAT_MARK);
        json.put("format_version", m.formatVersion());
        json.put("tenant", m.tenant());
        json.put("tenant_id", m.tenantId());
        json.put("day", m.day().toString());
        json.put("family", m.family());
        json.put("source", m.source());
        json.put("created_at", m.createdAt().toString());
        json.put("tidemark_version", m.tidemarkVersion());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (ArchiveManifest.TableContent t : m.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("table", t.table());
            table.put("key", t.key());
            table.put("columns", t.columns());
            table.put("rows", t.rows());
            table.put("sha256", t.sha256());
            tables.add(table);
        }
        json.put("tables", tables);
        return json;
    }

    static ArchiveManifest fromJson(String text) {
        try {
            JsonNode json = ConfigMapper.json().readTree(text);
            if (!SqliteArchive.FORMAT_MARK.equals(json.path("format").asText())) {
                throw new TidemarkException("The manifest has no Tidemark format mark.");
            }
            List<ArchiveManifest.TableContent> tables = new ArrayList<>();
            for (JsonNode t : json.path("tables")) {
                List<String> columns = new ArrayList<>();
                t.path("columns").forEach(c -> columns.add(c.asText()));
                tables.add(new ArchiveManifest.TableContent(t.path("table").asText(), t.path("key").asText(), columns,
                        t.path("rows").asLong(), t.path("sha256").asText()));
            }
            return new ArchiveManifest(json.path("format_version").asInt(), json.path("tenant").asText(),
                    json.path("tenant_id").asLong(), LocalDate.parse(json.path("day").asText()), json.path("family").asText(),
                    json.path("source").asText(), Instant.parse(json.path("created_at").asText()),
                    json.path("tidemark_version").asText(), tables);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TidemarkException te) {
                throw te;
            }
            throw new TidemarkException("The archive's manifest line is not readable JSON.", e);
        }
    }

    /** Receives a script's COPY data, block by block (one block per table, in manifest order). */
    public interface BlockVisitor {
        /** A block starts. */
        default void blockStart(int index) throws IOException, SQLException {
        }

        /** One data line, with its newline, in {@code line[0..length)}. */
        void line(int index, byte[] line, int length) throws IOException, SQLException;

        /** The block ended. */
        default void blockEnd(int index) throws IOException, SQLException {
        }
    }

    /**
     * Reads a script: hands each COPY block's lines to {@code visitor} and returns the manifest, checking the file's
     * shape on the way (header, every block closed, COMMIT, manifest last).
     */
    public static ArchiveManifest read(InputStream in, BlockVisitor visitor, Cancellation cancellation) throws IOException, SQLException {
        LineReader lines = new LineReader(in);
        int length = lines.next();
        if (length < 0 || !lines.text(length).startsWith(HEADER)) {
            throw new TidemarkException("The file is not a Tidemark PostgreSQL archive (its first line is not the archive header).");
        }
        int block = -1;
        boolean inCopy = false;
        boolean committed = false;
        String manifestLine = null;
        long count = 0;
        while ((length = lines.next()) >= 0) {
            if (inCopy) {
                if (length == 3 && lines.buffer[0] == '\\' && lines.buffer[1] == '.' && lines.buffer[2] == '\n') {
                    inCopy = false;
                    visitor.blockEnd(block);
                    continue;
                }
                visitor.line(block, lines.buffer, length);
                if ((++count & 0xFFF) == 0) {
                    cancellation.checkpoint();
                }
                continue;
            }
            String text = lines.text(length);
            if (manifestLine != null && !text.isBlank()) {
                throw new TidemarkException("The archive has text after its manifest line.");
            }
            if (text.startsWith("COPY ") && text.endsWith(" FROM stdin;")) {
                inCopy = true;
                visitor.blockStart(++block);
            } else if (text.equals("COMMIT;")) {
                committed = true;
            } else if (text.startsWith(MANIFEST_PREFIX)) {
                manifestLine = text.substring(MANIFEST_PREFIX.length());
            }
        }
        if (inCopy) {
            throw new TidemarkException("The archive is truncated: its data for table number " + (block + 1) + " never ends.");
        }
        if (!committed || manifestLine == null) {
            throw new TidemarkException("The archive is truncated: it has no " + (committed ? "manifest line" : "COMMIT and manifest") + " at its end.");
        }
        ArchiveManifest manifest = fromJson(manifestLine);
        if (block + 1 != manifest.tables().size()) {
            throw new TidemarkException("The archive holds " + (block + 1) + " tables but its manifest lists " + manifest.tables().size() + ".");
        }
        return manifest;
    }

    /** Re-reads an archive (plain stream, already decompressed), recomputing each table's count and checksum. */
    public static SqliteArchive.Verification verify(InputStream in, Cancellation cancellation) {
        List<MessageDigest> digests = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        ArchiveManifest manifest;
        try {
            manifest = read(in, new BlockVisitor() {
                @Override
                public void blockStart(int index) {
                    digests.add(sha256());
                    counts.add(0L);
                }

                @Override
                public void line(int index, byte[] line, int length) {
                    digests.get(index).update(line, 0, length);
                    counts.set(index, counts.get(index) + 1);
                }
            }, cancellation);
        } catch (TidemarkException e) {
            return new SqliteArchive.Verification(null, Map.of(), List.of(e.getMessage()));
        } catch (IOException | SQLException e) {
            return new SqliteArchive.Verification(null, Map.of(), List.of("The archive cannot be read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Long> actual = new LinkedHashMap<>();
        if (manifest.formatVersion() > ArchiveManifest.FORMAT_VERSION) {
            problems.add("It was written in archive format " + manifest.formatVersion() + ", newer than this Tidemark reads.");
        }
        for (int i = 0; i < manifest.tables().size(); i++) {
            ArchiveManifest.TableContent t = manifest.tables().get(i);
            actual.put(t.table(), counts.get(i));
            if (counts.get(i) != t.rows()) {
                problems.add("Table " + t.table() + " holds " + counts.get(i) + " rows but the manifest says " + t.rows() + ".");
            } else if (!HexFormat.of().formatHex(digests.get(i).digest()).equals(t.sha256())) {
                problems.add("Table " + t.table() + " does not match the manifest's checksum: its rows were changed.");
            }
        }
        return new SqliteArchive.Verification(manifest, actual, problems);
    }

    /** One page of a table's rows (decoded from COPY text) containing {@code search} (case-insensitive). */
    public static BrowsePage browse(InputStream in, String table, String search, long offset, int limit, Cancellation cancellation)
            throws IOException, SQLException {
        String needle = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
        List<List<String>> page = new ArrayList<>();
        Map<Integer, long[]> matchingByBlock = new LinkedHashMap<>();
        Map<Integer, List<List<String>>> pages = new LinkedHashMap<>();
        ArchiveManifest manifest = read(in, (index, line, length) -> {
            List<String> row = CopyText.fields(line, length);
            if (needle != null && row.stream().noneMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(needle))) {
                return;
            }
            long[] n = matchingByBlock.computeIfAbsent(index, k -> new long[1]);
            if (n[0] >= offset && n[0] < offset + limit) {
                pages.computeIfAbsent(index, k -> new ArrayList<>()).add(row);
            }
            n[0]++;
        }, cancellation);
        for (int i = 0; i < manifest.tables().size(); i++) {
            ArchiveManifest.TableContent t = manifest.tables().get(i);
            if (t.table().equalsIgnoreCase(table)) {
                page.addAll(pages.getOrDefault(i, List.of()));
                long matching = matchingByBlock.getOrDefault(i, new long[1])[0];
                return new BrowsePage(t.table(), t.columns(), page, offset, matching);
            }
        }
        throw new TidemarkException("The archive has no table " + table + "; it holds "
                + manifest.tables().stream().map(ArchiveManifest.TableContent::table).toList() + ".");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Reads a stream line by line as bytes (each line with its newline), from its own buffer, growing the line as needed. */
    static final class LineReader {
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int position;
        private int limit;
        byte[] buffer = new byte[8192];

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line's length (with its newline when it has one), or -1 at the end. */
        int next() throws IOException {
            int n = 0;
            while (true) {
                if (position == limit) {
                    limit = in.read(chunk, 0, chunk.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return n == 0 ? -1 : n;
                    }
                }
                int end = position;
                while (end < limit && chunk[end] != '\n') {
                    end++;
                }
                boolean found = end < limit;
                int take = (found ? end + 1 : end) - position;
                if (n + take > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, n + take));
                }
                System.arraycopy(chunk, position, buffer, n, take);
                n += take;
                position += take;
                if (found) {
                    return n;
                }
            }
        }

        String text(int length) {
            int end = length > 0 && buffer[length - 1] == '\n' ? length - 1 : length;
            return new String(buffer, 0, end, StandardCharsets.UTF_8);
        }
    }

}
