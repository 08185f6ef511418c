package io.tidemark.demo;

import io.tidemark.config.ConfigMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one tenant-day archive as the platform's SQLite export: the day's message logs with all their children and
 * a manifest, to a temporary name, then gzip (when asked) and rename.
 */
final class DemoArchiveFile {

    /** What was written: the file and the figures its archive-table row records. */
    record Written(Path file, long sizeBytes, long rowCount, String sha256) {
    }

    private DemoArchiveFile() {
    }

    static Written write(Path folder, DemoTenant tenant, LocalDate day, List<DemoMessage> messages, Instant createdAt)
            throws IOException, SQLException {
        Files.createDirectories(folder);
        String base = String.format(java.util.Locale.ROOT, "%s_%04d_%02d_%02d.archive.sqlite", tenant.name(),
                day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        Path finalFile = folder.resolve(tenant.compressedArchives() ? base + ".gz" : base);
        Path sqlite = folder.resolve("." + base + ".tmp");
        Files.deleteIfExists(sqlite);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE cpimessagelog (id integer PRIMARY KEY, config_id bigint, message_guid text,"
                        + " iflow text, status text, log_start datetime, log_end datetime)");
                s.execute("CREATE TABLE cpimessagelogruns (id integer PRIMARY KEY, message_log_id bigint, config_id bigint,"
                        + " run_start datetime, run_end datetime, status text)");
                s.execute("CREATE TABLE cpipayload (id integer PRIMARY KEY, message_log_id bigint, config_id bigint,"
                        + " created_at datetime, content_type text, content BLOB)");
                s.execute("CREATE TABLE cpimessageattachment (id integer PRIMARY KEY, message_log_id bigint, config_id bigint,"
                        + " created_at datetime, name text, content BLOB)");
                s.execute("CREATE TABLE cpicustomheaderproperties (id integer PRIMARY KEY, message_log_id bigint,"
                        + " config_id bigint, name text, value text)");
                s.execute("CREATE TABLE tidemark_manifest (key text PRIMARY KEY, value text NOT NULL)");
            }
            counts.put("cpimessagelog", 0L);
            counts.put("cpimessagelogruns", 0L);
            counts.put("cpipayload", 0L);
            counts.put("cpimessageattachment", 0L);
            counts.put("cpicustomheaderproperties", 0L);
            try (RowSink sink = new SqliteRowSink(c)) {
                DemoRows.declare(sink, List.of("cpimessagelog", "cpimessagelogruns", "cpipayload", "cpimessageattachment",
                        "cpicustomheaderproperties"));
                for (DemoMessage m : messages) {
                    DemoRows.addMessage(sink, m, counts);
                }
                sink.commit();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tidemark_manifest (key, value) VALUES (?, ?)")) {
                Map<String, String> manifest = new LinkedHashMap<>();
                manifest.put("tenant", tenant.name());
                manifest.put("day", day.toString());
                manifest.put("source", "demo platform");
                manifest.put("created_at", createdAt.toString());
                manifest.put("row_counts", ConfigMapper.json().writeValueAsString(counts));
                manifest.put("writer", "tidemark demo");
                for (Map.Entry<String, String> e : manifest.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        Path temp = sqlite;
        if (tenant.compressedArchives()) {
            temp = folder.resolve("." + base + ".gz.tmp");
            try (InputStream in = Files.newInputStream(sqlite); OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                in.transferTo(out);
            }
            Files.delete(sqlite);
        }
        String sha256 = sha256(temp);
        long size = Files.size(temp);
        Files.move(temp, finalFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(finalFile, FileTime.from(createdAt));
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Written(finalFile, size, rows, sha256);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
