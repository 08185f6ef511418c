package io.tidemark.demo;

import io.tidemark.core.demo.DemoSpec;
import io.tidemark.core.demo.DemoReport;

import io.tidemark.config.ConfigMapper;
import io.tidemark.config.ProfileCatalog;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.db.DatabaseCatalog;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.archive.ArchiveFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Builds a complete demo of the monitoring platform: the reference schema filled with realistic traffic, service logs
 * in the real programs' formats, per-tenant job and run logs, and archives recorded in the archive table.
 */
public final class DemoPlatformBuilder {

    /** The marker that makes a folder recognisably a Tidemark demo, so {@code --replace} never deletes anything else. */
    public static final String MARKER = ".tidemark-demo.json";

    private static final List<String> JOBS = List.of("fetch_message_logs", "sync_iflows", "archive_cpi_day", "cleanup_logs");
    /** The archive job exports the day this many days back, and the platform has not expired archives for a while. */
    private static final int ARCHIVE_DAYS_AGO = 10;
    private static final int ARCHIVES_KEPT_DAYS = 45;

    private final DemoSpec spec;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private long files;
    private long fileBytes;

    public DemoPlatformBuilder(DemoSpec spec) {
        this.spec = spec;
    }

    /** Builds the platform; the same spec always gives the same platform. */
    public DemoReport build(Progress progress, Cancellation cancellation) {
        Instant started = Instant.now();
        Path out = spec.out().toAbsolutePath().normalize();
        prepareFolder(out);
        DatabaseTarget target = spec.database() == null
                ? new DatabaseTarget(DatabaseKind.SQLITE, spec.sqliteFile().toAbsolutePath().toString())
                : DatabaseTarget.parse(spec.database());
        try {
            if (target.kind() == DatabaseKind.SQLITE) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.location())) {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA journal_mode = OFF");
                        s.execute("PRAGMA synchronous = OFF");
                        s.execute("PRAGMA foreign_keys = ON");
                    }
                    fill(c, DatabaseKind.SQLITE, out, progress, cancellation);
                    c.setAutoCommit(true); // ANALYZE must land: the row sink left a transaction open
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE");
                        s.execute("PRAGMA journal_mode = DELETE");
                    }
                }
            } else {
                try (PlatformDatabase db = PlatformDatabase.open(target, null, PasswordSource.NONE)) {
                    refuseExistingTables(db);
                    try (Connection c = db.connection()) {
                        fill(c, DatabaseKind.POSTGRESQL, out, progress, cancellation);
                        c.setAutoCommit(true);
                        try (Statement s = c.createStatement()) {
                            s.execute("ANALYZE");
                        }
                    }
                }
            }
            progress.report(0.9, "Writing service logs");
            writeServiceLogs(out);
            writeMarker(out);
        } catch (SQLException e) {
            throw new TidemarkException("Building the demo database failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TidemarkException("Writing the demo files failed: " + e.getMessage(), e);
        }
        progress.report(1, "Demo platform ready");
        return new DemoReport(out, target.location(), Map.copyOf(rows), files, fileBytes, Duration.between(started, Instant.now()));
    }

    private void prepareFolder(Path out) {
        try {
            Files.createDirectories(out);
            boolean empty;
            try (Stream<Path> entries = Files.list(out)) {
                empty = entries.findAny().isEmpty();
            }
            if (empty) {
                return;
            }
            if (!Files.isRegularFile(out.resolve(MARKER))) {
                throw new TidemarkException("The folder " + out + " is not empty and is not a Tidemark demo: choose an empty "
                        + "or new folder for --out.");
            }
            if (!spec.replace()) {
                throw new TidemarkException("The folder " + out + " already holds a demo platform: pass --replace to build it again.");
            }
            removePreviousDemo(out);
        } catch (IOException e) {
            throw new TidemarkException("Cannot prepare " + out + ": " + e.getMessage(), e);
        }
    }

    /** Deletes only what an earlier build listed in its marker, never leaving {@code out}. */
    private static void removePreviousDemo(Path out) throws IOException {
        Marker marker = ConfigMapper.json().readValue(out.resolve(MARKER).toFile(), Marker.class);
        for (String entry : marker.entries()) {
            Path path = out.resolve(entry).normalize();
            if (!path.startsWith(out) || path.equals(out) || Files.isSymbolicLink(path)) {
                continue;
            }
            deleteTree(path);
        }
        Files.deleteIfExists(out.resolve(MARKER));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void refuseExistingTables(PlatformDatabase db) throws SQLException {
        List<String> existing = new DatabaseCatalog(db).tables().stream().filter(DemoSchema.TABLES::contains).toList();
        if (existing.isEmpty()) {
            return;
        }
        try (Connection c = db.connection()) {
            if (!DemoSchema.isDemo(c)) {
                throw new TidemarkException("The database " + db.target() + " has platform tables (" + String.join(", ", existing)
                        + ") that a Tidemark demo did not create: Tidemark never drops them. Use an empty database for the demo.");
            }
            if (!spec.replace()) {
                throw new TidemarkException("The database " + db.target() + " already holds a demo platform: pass --replace to "
                        + "drop and rebuild it.");
            }
            DemoSchema.drop(c);
        }
    }

    private void fill(Connection c, DatabaseKind kind, Path out, Progress progress, Cancellation cancellation)
            throws SQLException, IOException {
        c.setAutoCommit(false);
        DemoSchema.create(c, kind);
        c.commit();
        DemoTraffic traffic = new DemoTraffic(spec);
        try (RowSink sink = kind == DatabaseKind.POSTGRESQL ? new PostgresCopySink(c) : new SqliteRowSink(c)) {
            declareTables(sink);
            addTenants(sink, traffic.tenants());
            sink.commit();
            Random random = new Random(spec.seed() * 31 + 7);
            ArchiveIds archiveIds = new ArchiveIds();
            ArchiveFamily family = ArchiveFamily.read(c, ProfileCatalog.load("integramon"));
            List<DemoTenant> archived = new ArrayList<>();
            boolean analyzed = false;
            long jobRunId = 1;
            long metricId = 1;
            int dayIndex = 0;
            for (LocalDate day = spec.firstDay(); !day.isAfter(spec.lastDay()); day = day.plusDays(1), dayIndex++) {
                cancellation.checkpoint();
                progress.report(0.85 * dayIndex / spec.days(), "Generating " + day);
                List<DemoMessage> messages = traffic.messages(day, random);
                for (DemoMessage m : messages) {
                    DemoRows.addMessage(sink, m, rows);
                }
                for (DemoTenant tenant : traffic.tenants()) {
                    if (day.isAfter(tenant.lastActiveDay())) {
                        continue;
                    }
                    List<DemoMessage> own = messages.stream().filter(m -> m.tenant() == tenant).toList();
                    jobRunId = addJobRuns(sink, out, tenant, day, own.size(), jobRunId, traffic.inBurst(tenant, day), random);
                    metricId = addMetrics(sink, tenant, day, own, metricId);
                    if (isArchived(day)) {
                        archived.add(tenant);
                    }
                }
                sink.commit();
                // The archive job reads what the platform has stored: the day's rows are committed now.
                if (!archived.isEmpty() && kind == DatabaseKind.POSTGRESQL && !analyzed) {
                    // As autovacuum would have by now: without statistics the planner scans whole child tables.
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE cpimessagelog, cpimessagelogruns, cpipayload, cpimessageattachment, cpicustomheaderproperties");
                    }
                    c.commit();
                    analyzed = true;
                }
                for (DemoTenant tenant : archived) {
                    addArchive(c, kind, family, sink, out, tenant, day, archiveIds);
                }
                archived.clear();
            }
            addCleanupHistory(sink);
            sink.commit();
        }
    }

    private boolean isArchived(LocalDate day) {
        LocalDate newest = spec.lastDay().minusDays(ARCHIVE_DAYS_AGO);
        LocalDate oldest = spec.lastDay().minusDays(ARCHIVES_KEPT_DAYS);
        return !day.isAfter(newest) && !day.isBefore(oldest);
    }

    private static void declareTables(RowSink sink) throws SQLException {
        sink.table("cconfig", List.of("id", "name", "created_at", "is_active"));
        sink.table("cconfigext", List.of("id", "config_id", "name", "value"));
        DemoRows.declare(sink, List.of("cpimessagelog", "cpimessagelogruns", "cpipayload", "cpimessageattachment",
                "cpicustomheaderproperties"));
        sink.table("cpiarchive", List.of("id", "config_id", "archive_date", "file_name", "format", "compressed", "size_bytes",
                "row_count", "sha256", "created_at"));
        sink.table("cworkerjobrun", List.of("id", "config_id", "job_name", "run_id", "started_at", "finished_at", "status"));
        sink.table("cconfigcleanuphistory", List.of("id", "config_id", "config_name", "started_at", "finished_at", "status",
                "rows_deleted", "details"));
        sink.table("cmetricsnapshot", List.of("id", "config_id", "taken_at", "metric", "value"));
    }

    private void addTenants(RowSink sink, List<DemoTenant> tenants) throws SQLException, IOException {
        long extId = 1;
        Instant created = spec.firstDay().minusDays(200).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (DemoTenant t : tenants) {
            add(sink, "cconfig", t.id(), t.name(), created.plusSeconds(t.id() * 86_400 * 3), t.active(spec.lastDay()));
            Map<String, Object> global = new TreeMap<>();
            global.put("timezone", "UTC");
            global.put("tenant_url", "https://" + t.name() + ".it-cpi.example.com");
            add(sink, "cconfigext", extId++, t.id(), "global", json(global));
            if (t.jobLogRoot() != null) {
                add(sink, "cconfigext", extId++, t.id(), "jobs.logs", json(Map.of("data_dir", t.jobLogRoot(), "retention_days", 14)));
            }
            if (t.id() == 3) {
                add(sink, "cconfigext", extId++, t.id(), "retention", json(Map.of("days_to_keep", 30)));
            }
            if (t.compressedArchives()) {
                add(sink, "cconfigext", extId++, t.id(), "archive", json(Map.of("format", "sqlite", "compress", true)));
            }
        }
    }

    private static String json(Map<String, Object> value) throws IOException {
        return ConfigMapper.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(new TreeMap<>(value));
    }

    private void add(RowSink sink, String table, Object... values) throws SQLException {
        sink.add(table, values);
        rows.merge(table, 1L, Long::sum);
    }

    /** The folder that holds a tenant's job and run logs, after its {@code jobs.logs} setting. */
    private static Path jobLogRoot(Path out, DemoTenant tenant) {
        if (tenant.jobLogRoot() == null) {
            return out.resolve(tenant.name());
        }
        return Path.of(tenant.jobLogRoot().replace("{data_dir}", out.toString()).replace("{config}", tenant.name()));
    }

    private long addJobRuns(RowSink sink, Path out, DemoTenant tenant, LocalDate day, int messages, long nextId,
                            boolean burst, Random random) throws SQLException, IOException {
        Path root = jobLogRoot(out, tenant);
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        int fetchRuns = spec.scale().fetchRunsPerDay();
        long id = nextId;
        for (String job : JOBS) {
            List<Instant> starts = new ArrayList<>();
            switch (job) {
                case "fetch_message_logs" -> {
                    for (int i = 0; i < fetchRuns; i++) {
                        starts.add(midnight.plusSeconds(i * 86_400L / fetchRuns + random.nextInt(120)));
                    }
                }
                case "sync_iflows" -> {
                    starts.add(midnight.plusSeconds(6 * 3600 + random.nextInt(60)));
                    starts.add(midnight.plusSeconds(18 * 3600 + random.nextInt(60)));
                }
                case "archive_cpi_day" -> starts.add(midnight.plusSeconds(2 * 3600 + random.nextInt(60)));
                default -> starts.add(midnight.plusSeconds(3 * 3600 + 1800 + random.nextInt(60)));
            }
            List<DemoJobLogs.RunSummary> runs = new ArrayList<>();
            for (Instant start : starts) {
                double failureRate = burst ? 0.25 : 0.03;
                String status = random.nextDouble() < failureRate ? "FAILED" : "SUCCESS";
                long seconds = 3 + (long) (Math.exp(2.5 + 0.8 * random.nextGaussian()) * Math.sqrt(tenant.weight()));
                Instant end = start.plusSeconds(Math.min(seconds, 3_000));
                long processed = job.equals("fetch_message_logs") ? messages / fetchRuns : random.nextInt(50);
                String runId = runId(random);
                runs.add(new DemoJobLogs.RunSummary(runId, start, end, status, processed));
                add(sink, "cworkerjobrun", id++, tenant.id(), job, runId, start, end, status);
                Path runLog = root.resolve("logs").resolve("runs").resolve(job).resolve(runId + ".log");
                writeLog(runLog, DemoJobLogs.runLog(tenant.name(), job, runId, start, end, status, processed, random), end);
            }
            Path dayLog = root.resolve("logs").resolve("jobs").resolve(job).resolve(day + ".log");
            writeLog(dayLog, DemoJobLogs.dayLog(tenant.name(), job, day, runs, random), runs.get(runs.size() - 1).end());
        }
        return id;
    }

    private static String runId(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private void writeLog(Path file, String content, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        files++;
        fileBytes += bytes.length;
    }

    private long addMetrics(RowSink sink, DemoTenant tenant, LocalDate day, List<DemoMessage> own, long nextId)
            throws SQLException {
        Instant taken = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(23 * 3600 + 55 * 60);
        long failed = own.stream().filter(m -> !m.status().equals("COMPLETED")).count();
        long payloadBytes = own.stream().mapToLong(m -> m.payload() == null ? 0 : m.payload().content().length).sum();
        double avgMillis = own.stream().mapToLong(m -> m.end().toEpochMilli() - m.start().toEpochMilli()).average().orElse(0);
        long id = nextId;
        add(sink, "cmetricsnapshot", id++, tenant.id(), taken, "messages_total", (double) own.size());
        add(sink, "cmetricsnapshot", id++, tenant.id(), taken, "messages_failed", (double) failed);
        add(sink, "cmetricsnapshot", id++, tenant.id(), taken, "payload_bytes", (double) payloadBytes);
        add(sink, "cmetricsnapshot", id++, tenant.id(), taken, "avg_duration_ms", Math.round(avgMillis * 10) / 10.0);
        return id;
    }

    private void addArchive(Connection c, DatabaseKind kind, ArchiveFamily family, RowSink sink, Path out, DemoTenant tenant,
                            LocalDate day, ArchiveIds ids) throws SQLException, IOException {
        Instant createdAt = day.plusDays(ARCHIVE_DAYS_AGO).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(2 * 3600 + 5 * 60);
        DemoArchiveFile.Written written = DemoArchiveFile.write(c, kind, family, out.resolve(tenant.name()).resolve("archive"),
                tenant, day, createdAt);
        add(sink, "cpiarchive", ids.next++, tenant.id(), day, written.file().getFileName().toString(), "sqlite",
                tenant.compressedArchives(), written.sizeBytes(), written.rowCount(), written.sha256(), createdAt);
        files++;
        fileBytes += written.sizeBytes();
    }

    private void addCleanupHistory(RowSink sink) throws SQLException {
        Instant first = spec.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
        add(sink, "cconfigcleanuphistory", 1L, 901L, "trial-tenant", first, first.plusSeconds(412), "SUCCESS", 184_220L,
                "{\"archives_removed\": 12, \"cache_keys_purged\": 37}");
        Instant second = first.plusSeconds(86_400L * Math.max(1, spec.days() / 2));
        add(sink, "cconfigcleanuphistory", 2L, 902L, "old-sandbox", second, second.plusSeconds(95), "FAILED", 20_000L,
                "{\"error\": \"statement timeout while deleting cpipayload batch 3\"}");
    }

    private void writeServiceLogs(Path out) throws IOException {
        Random random = new Random(spec.seed() ^ 0x5EED);
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            requestIds.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        LocalDate from = spec.lastDay().minusDays(Math.min(spec.days(), 14) - 1L);
        List<Path> written = new DemoServiceLogs(spec.seed(), spec.scale().logRotateBytes()).write(out.resolve("logs"),
                from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                spec.lastDay().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), requestIds, spec.scale().logBytesPerFamily());
        for (Path p : written) {
            files++;
            fileBytes += Files.size(p);
        }
    }

    private void writeMarker(Path out) throws IOException {
        List<String> entries;
        try (Stream<Path> list = Files.list(out)) {
            entries = list.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MARKER)).sorted().toList();
        }
        Marker marker = new Marker(spec.seed(), spec.tenants(), spec.days(), spec.scale().name().toLowerCase(java.util.Locale.ROOT),
                spec.lastDay().toString(), spec.database() == null ? DemoSpec.SQLITE_FILE : "postgresql", entries);
        try {
            ConfigMapper.json().writeValue(out.resolve(MARKER).toFile(), marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the marker file records: the spec and the entries a rebuild may delete. */
    record Marker(long seed, int tenants, int days, String scale, String lastDay, String database, List<String> entries) {
    }

    private static final class ArchiveIds {
        long next = 1;
    }
}
