package io.tidemark.actions.archive;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.Progress;
import io.tidemark.core.Tenant;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.TidemarkVersion;
import io.tidemark.core.archive.ArchiveCheck;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.ArchiveName;
import io.tidemark.core.archive.ArchiveRecord;
import io.tidemark.core.history.Outcome;
import io.tidemark.db.archive.ArchiveFamily;
import io.tidemark.db.archive.ArchiveReads;
import io.tidemark.db.archive.ArchiveWriter;
import io.tidemark.db.archive.ArchiveTable;
import io.tidemark.db.archive.ExportSource;
import io.tidemark.db.archive.SharedSnapshot;
import io.tidemark.db.archive.PostgresArchive;
import io.tidemark.db.archive.SqliteArchive;
import io.tidemark.files.archive.ArchiveFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exports one tenant's day into an archive, safely: written to a temporary name in the archive folder, flushed,
 * re-read and verified, compressed when asked (and the compressed file checked), renamed in one step, and only then
 * recorded in the archive table. A crash at any point leaves either no archive or a complete one (perhaps not yet
 * recorded), never a half file under the final name nor a row pointing at a missing file.
 */
public final class ExportArchive {

    /** The steps of an export, in order; a test hook may stop the export after any of them. */
    public enum Step { WRITTEN, FLUSHED, VERIFIED, COMPRESSED, RENAMED, RECORDED }

    /** Called after each step; tests throw from it to simulate a crash there. */
    @FunctionalInterface
    public interface StepHook {
        StepHook NONE = step -> { };

        void after(Step step) throws IOException;
    }

    /**
     * What to export.
     *
     * @param tenant the tenant's name
     * @param day    the day (UTC) whose message logs, with all their children, go into the archive
     * @param format the archive format
     * @param gzip   whether to compress the file
     */
    public record Request(String tenant, LocalDate day, ArchiveFormat format, boolean gzip) {
    }

    /** What was written and recorded. */
    public record Result(ArchiveEntry entry, ArchiveManifest manifest) {
    }

    private ExportArchive() {
    }

    /** The day {@code daysAgo} days before today (UTC), as the platform's archive job counts. */
    public static LocalDate dayAgo(int daysAgo, Clock clock) {
        if (daysAgo < 0) {
            throw new TidemarkException("--days-ago must be 0 or more.");
        }
        return LocalDate.now(clock).minusDays(daysAgo);
    }

    /** Exports with the audit history, and no test hook. */
    public static Result run(PlatformSession session, Request request, HistoryStore history, Progress progress, Cancellation cancellation) {
        return run(session, request, history, progress, cancellation, StepHook.NONE, Clock.systemUTC());
    }

    public static Result run(PlatformSession session, Request request, HistoryStore history, Progress progress,
                             Cancellation cancellation, StepHook hook, Clock clock) {
        return run(ArchiveSite.of(session), request, history, progress, cancellation, hook, clock);
    }

    /** One export on a site already read (the archive-first gate exports many). */
    static Result run(ArchiveSite site, Request request, HistoryStore history, Progress progress, Cancellation cancellation,
                      StepHook hook, Clock clock) {
        PlatformSession session = site.session();
        Target target = target(site, request);
        ArchiveHistory audit = ArchiveHistory.begin(history, session, "archive-export",
                "tenant " + target.tenant().name() + ", " + request.day(), plan(request, target.file()));
        try {
            Result result = export(site, null, target, progress, cancellation, hook, clock);
            Map<String, Object> done = ArchiveJson.manifest(result.manifest());
            done.put("file", target.file().toString());
            done.put("size_bytes", result.entry().sizeBytes());
            audit.finish(Outcome.DONE, done, "Exported " + result.manifest().totalRows() + " rows to " + target.file().getFileName());
            return result;
        } catch (RuntimeException e) {
            audit.failed(e);
            throw e;
        }
    }

    /**
     * Exports side by side by default: each one waits on the database and on fsync as much as it computes, so twice
     * the cores keeps both busy (4 on the 2-core bench machine, BENCHMARKS.md).
     */
    public static int defaultWorkers() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** A tenant-day that was not exported, and why. */
    public record Failure(Request request, String reason) {
    }

    /** What a batch of exports wrote, in the order asked, and what it could not. */
    public record Batch(List<Result> exported, List<Failure> failed) {
        /** Rows written into all the archives. */
        public long rows() {
            return exported.stream().mapToLong(r -> r.manifest().totalRows()).sum();
        }
    }

    /**
     * Exports many tenant-days (every tenant's day for the nightly job, or a range of days) as one action: the tenants,
     * the archived tables and the history entry are read and written once, and {@code workers} exports run side by side
     * (each archive still written, flushed, verified, renamed and recorded on its own, as {@link #run} does). A tenant-day
     * that cannot be exported (already archived, a folder Tidemark will not write to, a failed write) is reported and
     * the others go on; Cancel stops the batch after removing the archive in progress.
     */
    public static Batch runAll(PlatformSession session, List<Request> asked, int workers, HistoryStore history, Progress progress,
                               Cancellation cancellation) {
        ArchiveSite site = ArchiveSite.of(session);
        Clock clock = Clock.systemUTC();
        List<Request> requests = asked.stream().distinct().toList();
        List<Map<String, Object>> planned = new ArrayList<>();
        requests.forEach(r -> planned.add(plan(r, null)));
        ArchiveHistory audit = ArchiveHistory.begin(history, session, "archive-export", subject(requests), Map.of("exports", planned));
        // A PostgreSQL batch reads in one snapshot held on a connection of its own; each export holds one connection
        // while it writes: never more than the pool can spare.
        SharedSnapshot shared = openShared(site, requests.size());
        int spare = session.database().connectionsForParallelWork() - (shared == null ? 0 : 1);
        int threads = Math.max(1, Math.min(Math.min(workers, requests.size()), spare));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tidemark-archive-export");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger finished = new AtomicInteger();
        Map<Request, CompletableFuture<Object>> outcomes = new LinkedHashMap<>();
        requests.forEach(r -> outcomes.put(r, new CompletableFuture<>()));
        Exports exports = new Exports(site, shared, pool, outcomes, cancellation, clock, () -> {
            int n = finished.incrementAndGet();
            progress.report((double) n / requests.size(), n + " of " + requests.size() + " tenant-days");
        });
        try {
            Map<LocalDate, List<Request>> byDay = new LinkedHashMap<>();
            requests.forEach(r -> byDay.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(r));
            for (List<Request> day : byDay.values()) {
                exports.submit(day);
            }
            List<Result> exported = new ArrayList<>();
            List<Failure> failed = new ArrayList<>();
            RuntimeException stop = null;
            for (CompletableFuture<Object> f : outcomes.values()) {
                try {
                    Object outcome = f.get();
                    if (outcome instanceof Result r) {
                        exported.add(r);
                    } else {
                        failed.add((Failure) outcome);
                    }
                } catch (ExecutionException e) {
                    if (stop == null) {
                        stop = e.getCause() instanceof RuntimeException re ? re : new TidemarkException(e.getCause().getMessage(), e.getCause());
                        cancellation.cancel(); // the rest stop before they start
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                    stop = new Cancellation.CancelledException();
                }
            }
            Batch batch = new Batch(exported, failed);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("archives", exported.stream().map(r -> r.entry().file().toString()).toList());
            result.put("rows", batch.rows());
            result.put("failed", failed.stream().map(f -> f.request().tenant() + " " + f.request().day() + ": " + f.reason()).toList());
            if (stop != null) {
                audit.finish(stop instanceof Cancellation.CancelledException ? Outcome.CANCELLED : Outcome.FAILED, result,
                        (stop instanceof Cancellation.CancelledException ? "Cancelled" : stop.getMessage()) + " after " + exported.size()
                                + " of " + requests.size() + " archives");
                throw stop;
            }
            audit.finish(failed.isEmpty() ? Outcome.DONE : Outcome.PARTIAL, result, "Exported " + batch.rows() + " rows to "
                    + exported.size() + " archives" + (failed.isEmpty() ? "" : "; " + failed.size() + " not exported"));
            return batch;
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES); // the exports are done with the snapshot
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (shared != null) {
                shared.close();
            }
        }
    }

    /** The batch's shared snapshot on PostgreSQL (null for one export, on SQLite, or when it cannot be opened). */
    private static SharedSnapshot openShared(ArchiveSite site, int exports) {
        PlatformSession session = site.session();
        if (exports < 2 || session.info().kind() != DatabaseKind.POSTGRESQL || site.family().rootKeyType() == null
                || session.database().connectionsForParallelWork() < 2) {
            return null;
        }
        try {
            return SharedSnapshot.open(session.database(), site.family());
        } catch (SQLException e) {
            return null; // each export then takes its own snapshot, as a single export does
        }
    }

    private static String subject(List<Request> requests) {
        if (requests.size() == 1) {
            return "tenant " + requests.get(0).tenant() + ", " + requests.get(0).day();
        }
        long tenants = requests.stream().map(Request::tenant).distinct().count();
        LocalDate first = requests.stream().map(Request::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = requests.stream().map(Request::day).max(LocalDate::compareTo).orElseThrow();
        return requests.size() + " tenant-days (" + tenants + " tenant" + (tenants == 1 ? "" : "s") + ", "
                + (first.equals(last) ? first.toString() : first + " to " + last) + ")";
    }

    private static Map<String, Object> plan(Request request, Path file) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("tenant", request.tenant());
        plan.put("day", request.day().toString());
        plan.put("format", request.format().label());
        plan.put("gzip", request.gzip());
        if (file != null) {
            plan.put("file", file.toString());
        }
        return plan;
    }

    /** Where one export goes, after the checks that refuse it (no such tenant, wrong format, already archived). */
    private record Target(Tenant tenant, ArchiveName name, Path file) {
    }

    private static Target target(ArchiveSite site, Request request) {
        PlatformSession session = site.session();
        Tenant tenant = site.tenant(request.tenant());
        Path folder = site.requireFolder(tenant.name());
        if (request.format() == ArchiveFormat.POSTGRES && session.info().kind() != DatabaseKind.POSTGRESQL) {
            throw new TidemarkException("The postgres archive format is exported from a PostgreSQL database; this platform is on SQLite (use --format sqlite).");
        }
        ArchiveName name = new ArchiveName(tenant.name(), request.day(), request.format(), request.gzip());
        Path target = folder.resolve(name.fileName());
        List<ArchiveRecord> sameDay = site.archiveTable().map(t -> t.of(tenant.id(), request.day())).orElse(List.of());
        for (ArchiveRecord r : sameDay) {
            if (r.format().equalsIgnoreCase(request.format().label())) {
                throw new TidemarkException("Tenant " + tenant.name() + " already has a " + request.format().label() + " archive of "
                        + request.day() + " (" + r.fileName() + "); verify it with 'archive verify', or expire it first.");
            }
        }
        if (Files.exists(target)) {
            throw new TidemarkException(target.getFileName() + " already exists in " + folder + "; it is left as it is.");
        }
        return new Target(tenant, name, target);
    }

    /** One tenant-day on its own: written (in the batch's snapshot when there is one), then {@link #finish}ed. */
    private static Result export(ArchiveSite site, SharedSnapshot shared, Target target, Progress progress, Cancellation cancellation,
                                 StepHook hook, Clock clock) {
        PlatformSession session = site.session();
        Job job = new Job(target, clock.instant());
        ArchiveManifest manifest;
        try {
            job.prepare();
            ArchiveFamily family = site.family(); // before borrowing: reading it borrows a connection too
            Tenant tenant = target.tenant();
            ArchiveName name = target.name();
            ExportSource from = shared == null ? ExportSource.OWN : shared.source(tenant.id(), name.day());
            try (Connection c = session.database().connection()) {
                manifest = name.format() == ArchiveFormat.SQLITE
                        ? SqliteArchive.write(c, session.info().kind(), from, family, tenant.name(), tenant.id(), name.day(),
                        session.key(), TidemarkVersion.current(), job.createdAt, job.raw, progress, cancellation)
                        : PostgresArchive.write(c, from, family, tenant.name(), tenant.id(), name.day(), session.key(),
                        TidemarkVersion.current(), job.createdAt, job.raw, progress, cancellation);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            throw job.abandon(site, false, e);
        }
        return finish(site, job, manifest, progress, cancellation, hook);
    }

    /** The files of one export in progress: the temporary plain file and, when compressed, the temporary .gz. */
    private static final class Job {
        final Target target;
        final Instant createdAt;
        final Path raw;
        final Path compressed;

        Job(Target target, Instant createdAt) {
            this.target = target;
            this.createdAt = createdAt;
            ArchiveName name = target.name();
            Path folder = target.file().getParent();
            this.raw = folder.resolve(new ArchiveName(name.tenant(), name.day(), name.format(), false).temporaryName());
            this.compressed = folder.resolve(name.temporaryName());
        }

        void prepare() throws IOException {
            Files.createDirectories(target.file().getParent());
            Files.deleteIfExists(raw);
            Files.deleteIfExists(compressed);
        }

        ArchiveManifest heading(ArchiveSite site) {
            ArchiveName name = target.name();
            return new ArchiveManifest(ArchiveManifest.FORMAT_VERSION, target.tenant().name(), target.tenant().id(), name.day(),
                    site.family().name(), site.session().key(), createdAt, TidemarkVersion.current(), List.of());
        }

        /**
         * A failure (not a crash) leaves nothing: temporary files go, and a published file no row records goes too.
         * Returns the exception to throw.
         */
        RuntimeException abandon(ArchiveSite site, boolean published, Exception e) {
            deleteQuietly(raw);
            deleteQuietly(compressed);
            if (published && !recorded(site, target.tenant(), target.name())) {
                deleteQuietly(target.file());
            }
            if (e instanceof RuntimeException re) {
                return re;
            }
            return new TidemarkException("Exporting tenant " + target.tenant().name() + ", " + target.name().day() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** After the archive is written to its temporary file: flushed, verified, compressed, renamed and recorded. */
    private static Result finish(ArchiveSite site, Job job, ArchiveManifest manifest, Progress progress, Cancellation cancellation,
                                 StepHook hook) {
        Tenant tenant = job.target.tenant();
        ArchiveName name = job.target.name();
        Path target = job.target.file();
        Path raw = job.raw;
        boolean published = false;
        try {
            hook.after(Step.WRITTEN);
            if (!name.compressed()) { // a compressed archive's own file is flushed when written; the plain one is dropped
                ArchiveFiles.sync(raw);
            }
            hook.after(Step.FLUSHED);
            cancellation.checkpoint();
            progress.report(1, "Verifying " + name.fileName());
            // A plain script is read whole by its verification: its SHA-256 for the archive table comes from that read.
            java.security.MessageDigest fileDigest = name.format() == ArchiveFormat.POSTGRES && !name.compressed()
                    ? ArchiveFiles.sha256Digest() : null;
            ArchiveCheck check = VerifyArchives.verifyPlain(raw, name.format(), cancellation, fileDigest);
            if (!check.ok() || check.manifest().totalRows() != manifest.totalRows()) {
                throw new TidemarkException("The archive written for tenant " + tenant.name() + ", " + name.day()
                        + " did not verify (" + check.summary() + "); nothing was recorded.");
            }
            hook.after(Step.VERIFIED);
            Path ready = raw;
            String sha256 = fileDigest == null ? null : java.util.HexFormat.of().formatHex(fileDigest.digest());
            if (name.compressed()) {
                progress.report(1, "Compressing " + name.fileName());
                // The .gz read back must decompress whole (its members' CRC-32s and lengths checked against their
                // trailers) to as many bytes, with the same CRC-32, as the verified file that was compressed.
                ArchiveFiles.Plain verified = ArchiveFiles.gzip(raw, job.compressed);
                ArchiveFiles.Gunzipped decompressed = ArchiveFiles.gunzipCheck(job.compressed);
                if (!decompressed.plain().equals(verified)) {
                    throw new TidemarkException("The compressed archive does not decompress to the verified file; nothing was recorded.");
                }
                sha256 = decompressed.fileSha256();
                Files.delete(raw);
                ready = job.compressed;
                hook.after(Step.COMPRESSED);
            }
            ArchiveFiles.publish(ready, target);
            published = true;
            hook.after(Step.RENAMED);
            long size = Files.size(target);
            if (sha256 == null) {
                sha256 = ArchiveFiles.sha256(target);
            }
            ArchiveRecord record = null;
            var table = site.archiveTable();
            if (table.isPresent()) {
                ArchiveTable t = table.get();
                long id = t.insert(tenant.id(), name.day(), name.fileName(), name.format().label(), name.compressed(), size,
                        manifest.totalRows(), sha256, job.createdAt);
                record = new ArchiveRecord(id, tenant.id(), tenant.name(), name.day(), name.fileName(), name.format().label(),
                        name.compressed(), size, manifest.totalRows(), sha256, job.createdAt);
            }
            hook.after(Step.RECORDED);
            return new Result(new ArchiveEntry(tenant.name(), name, target, size, record), manifest);
        } catch (IOException | RuntimeException e) {
            throw job.abandon(site, published, e);
        }
    }

    /**
     * A batch's exports on its pool. On PostgreSQL, the tenant-days of one day are read together when the batch covers
     * most of that day ({@link ArchiveReads#day}: each table read once for all of them, in the batch's snapshot) and
     * then finished one by one; otherwise, and on SQLite, each tenant-day is exported on its own.
     */
    private static final class Exports {
        private final ArchiveSite site;
        private final SharedSnapshot shared;
        private final ExecutorService pool;
        private final Map<Request, CompletableFuture<Object>> outcomes;
        private final Cancellation cancellation;
        private final Clock clock;
        private final Runnable onDone;

        Exports(ArchiveSite site, SharedSnapshot shared, ExecutorService pool, Map<Request, CompletableFuture<Object>> outcomes,
                Cancellation cancellation, Clock clock, Runnable onDone) {
            this.site = site;
            this.shared = shared;
            this.pool = pool;
            this.outcomes = outcomes;
            this.cancellation = cancellation;
            this.clock = clock;
            this.onDone = onDone;
        }

        /** Submits one day's requests. */
        void submit(List<Request> day) {
            if (shared != null && day.size() > 1 && ArchiveReads.readsByDay(site.family())) {
                pool.submit(() -> readDay(day));
            } else {
                day.forEach(this::submitOne);
            }
        }

        private void submitOne(Request request) {
            pool.submit(() -> settle(request, () -> export(site, shared, target(site, request), Progress.NONE, cancellation,
                    StepHook.NONE, clock)));
        }

        /** Runs one step of a request and settles its outcome: a Result, a Failure, or (cancelled, or a bug) an exception. */
        private void settle(Request request, java.util.function.Supplier<Result> work) {
            settle(request, work, () -> { });
        }

        /** {@link #settle}, running {@code onCancel} when the batch was cancelled before or during the step. */
        private void settle(Request request, java.util.function.Supplier<Result> work, Runnable onCancel) {
            CompletableFuture<Object> outcome = outcomes.get(request);
            try {
                cancellation.checkpoint();
                outcome.complete(work.get());
            } catch (Cancellation.CancelledException e) {
                onCancel.run();
                outcome.completeExceptionally(e);
            } catch (RuntimeException e) {
                outcome.complete(new Failure(request, reason(e)));
            } finally {
                onDone.run();
            }
        }

        /**
         * Reads one day for its tenants at once, then hands each written archive to the pool to be finished. Every
         * request of the day ends in exactly one way: handed on (finished or exported by another task), failed here, or,
         * when the batch is cancelled, cancelled here with its temporary file removed.
         */
        private void readDay(List<Request> day) {
            Map<Long, Job> jobs = new LinkedHashMap<>();
            Map<Long, Request> requestOf = new LinkedHashMap<>();
            Map<Long, ArchiveWriter> writers = new LinkedHashMap<>();
            java.util.Set<Request> handedOn = new java.util.HashSet<>();
            RuntimeException stop = null;
            try {
                cancellation.checkpoint();
                for (Request request : day) {
                    try {
                        Target target = target(site, request);
                        if (jobs.containsKey(target.tenant().id())) { // the same tenant-day in another format: on its own
                            handedOn.add(request);
                            submitOne(request);
                            continue;
                        }
                        Job job = new Job(target, clock.instant());
                        job.prepare();
                        jobs.put(target.tenant().id(), job);
                        requestOf.put(target.tenant().id(), request);
                    } catch (IOException | RuntimeException e) {
                        fail(request, e);
                    }
                }
                Map<Long, List<String>> keys = new LinkedHashMap<>();
                Map<Long, List<String>> dayKeys = shared.keys(day.get(0).day());
                jobs.keySet().forEach(t -> keys.put(t, dayKeys.getOrDefault(t, List.of())));
                long[] range = ArchiveReads.denseRange(keys);
                if (range == null) { // a few tenants of the day, or none with rows: each on its own
                    jobs.forEach((t, job) -> {
                        handedOn.add(requestOf.get(t));
                        pool.submit(() -> settle(requestOf.get(t), () -> export(site, shared, job.target, Progress.NONE,
                                cancellation, StepHook.NONE, clock)));
                    });
                    jobs.clear();
                    return;
                }
                for (Map.Entry<Long, Job> e : List.copyOf(jobs.entrySet())) {
                    try {
                        writers.put(e.getKey(), ArchiveWriter.open(e.getValue().target.name().format(), e.getValue().raw,
                                e.getValue().heading(site)));
                    } catch (IOException | SQLException | RuntimeException ex) {
                        fail(requestOf.get(e.getKey()), e.getValue().abandon(site, false, ex));
                        jobs.remove(e.getKey());
                    }
                }
                Map<Long, Exception> failed;
                try (Connection c = site.session().database().connection()) {
                    failed = ArchiveReads.day(c, shared.daySource(), site.family(), range, keys, writers, cancellation);
                }
                for (Map.Entry<Long, Job> e : List.copyOf(jobs.entrySet())) {
                    Long tenant = e.getKey();
                    Job job = e.getValue();
                    Request request = requestOf.get(tenant);
                    jobs.remove(tenant);
                    ArchiveWriter writer = writers.remove(tenant);
                    ArchiveManifest manifest;
                    try {
                        if (failed.containsKey(tenant)) {
                            throw failed.get(tenant);
                        }
                        manifest = writer.finish();
                    } catch (Exception ex) {
                        writer.close();
                        fail(request, job.abandon(site, false, ex));
                        continue;
                    }
                    handedOn.add(request);
                    // Cancelled before its turn, a written archive's temporary file goes too.
                    pool.submit(() -> settle(request, () -> finish(site, job, manifest, Progress.NONE, cancellation, StepHook.NONE),
                            () -> job.abandon(site, false, new Cancellation.CancelledException())));
                }
            } catch (SQLException | IOException e) {
                stop = new TidemarkException("Reading " + day.get(0).day() + " failed: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                stop = e;
            } finally {
                for (Map.Entry<Long, Job> e : jobs.entrySet()) {
                    close(writers.get(e.getKey()));
                    e.getValue().abandon(site, false, stop == null ? new IllegalStateException("not read") : stop);
                }
                for (Request request : day) {
                    if (!handedOn.contains(request) && !outcomes.get(request).isDone()) {
                        if (stop instanceof Cancellation.CancelledException) {
                            outcomes.get(request).completeExceptionally(stop);
                            onDone.run();
                        } else {
                            fail(request, stop == null ? new IllegalStateException("not read") : stop);
                        }
                    }
                }
            }
        }

        private static void close(ArchiveWriter writer) {
            if (writer != null) {
                writer.close();
            }
        }

        private void fail(Request request, Exception e) {
            outcomes.get(request).complete(new Failure(request, reason(e)));
            onDone.run();
        }

        private static String reason(Exception e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static boolean recorded(ArchiveSite site, Tenant tenant, ArchiveName name) {
        try {
            return site.archiveTable().map(t -> t.of(tenant.id(), name.day())).orElse(List.of()).stream()
                    .anyMatch(r -> r.fileName().equals(name.fileName()));
        } catch (RuntimeException e) {
            return true; // cannot tell: keep the complete file, verify lists it as a file without a row
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is reported by verify and cleaned there
        }
    }
}
