package io.tidemark.db.maintenance;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.core.maintenance.MaintenanceRequest;
import io.tidemark.core.maintenance.MaintenanceResult;
import io.tidemark.core.maintenance.MaintenanceResult.SqlitePages;
import io.tidemark.core.maintenance.PreFlight;
import io.tidemark.core.maintenance.TableEstimate;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * VACUUM (or, with auto_vacuum=INCREMENTAL, PRAGMA incremental_vacuum), ANALYZE and REINDEX on a SQLite file, with the
 * free-list figures before and after. VACUUM rebuilds the whole file through a copy, so it needs that much free disk.
 */
public final class SqliteMaintenance {

    /** Margin over the file's size that VACUUM's copy and its journal must find free. */
    public static final double DISK_MARGIN = 0.10;

    private final PlatformDatabase db;

    public SqliteMaintenance(PlatformDatabase db) {
        this.db = db;
    }

    /** The database file. */
    public Path file() {
        return Path.of(db.target().location());
    }

    /** The file's page figures now. */
    public SqlitePages pages() {
        try (Connection c = db.connection()) {
            return pages(c);
        } catch (SQLException e) {
            throw new TidemarkException("Reading the SQLite page figures failed: " + e.getMessage(), e);
        }
    }

    private static SqlitePages pages(Connection c) throws SQLException {
        return new SqlitePages(pragma(c, "page_size"), pragma(c, "page_count"), pragma(c, "freelist_count"));
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** The pre-flight report; the caller fills in the free disk ({@link PreFlight#withDisk}). */
    public PreFlight preFlight(MaintenanceRequest request) {
        try (Connection c = db.connection()) {
            SqlitePages pages = pages(c);
            boolean incremental = pragma(c, "auto_vacuum") == 2;
            String version;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
                rs.next();
                version = rs.getString(1);
            }
            for (String table : request.tables()) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table.replace("'", "''") + "'")) {
                    if (!rs.next()) {
                        throw new TidemarkException("There is no table named " + table + " in this database.");
                    }
                }
            }
            long fileBytes = fileBytes();
            List<String> statements = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            long reclaim = 0;
            long error = 0;
            long needed = -1;
            String method;
            String refusal = null;
            switch (request.kind()) {
                case VACUUM, VACUUM_FULL -> {
                    if (!request.tables().isEmpty()) {
                        warnings.add("SQLite vacuums the whole file, not single tables.");
                    }
                    reclaim = pages.freeBytes();
                    if (incremental && request.kind() == MaintenanceKind.VACUUM) {
                        statements.add("PRAGMA incremental_vacuum");
                        method = "the " + pages.freelistCount() + " free-list pages × " + pages.pageSize() + " bytes, exact, "
                                + "plus the pointer-map pages they leave empty (the stated error); auto_vacuum=INCREMENTAL hands "
                                + "them back without a copy";
                        // one pointer-map page describes pageSize/5 pages
                        error = (pages.freelistCount() / Math.max(1, pages.pageSize() / 5) + 1) * pages.pageSize();
                        needed = 0;
                    } else {
                        statements.add("VACUUM");
                        long unused = unusedInPages(c);
                        error = Math.max(0, unused);
                        method = "free-list pages × page size, exact (" + pages.freelistCount() + " × " + pages.pageSize() + " bytes)"
                                + (unused > 0 ? "; repacking half-empty pages may return up to the stated error more (dbstat)" : "");
                        needed = (long) Math.ceil(fileBytes * (1 + DISK_MARGIN));
                        warnings.add("VACUUM rewrites the whole file through a copy and a journal; writers wait until it ends.");
                    }
                }
                case ANALYZE -> {
                    if (request.tables().isEmpty()) {
                        statements.add("ANALYZE");
                    }
                    request.tables().forEach(t -> statements.add("ANALYZE " + SqlNames.quote(t)));
                    method = "ANALYZE returns no space to the disk";
                }
                default -> {
                    if (request.options().concurrently()) {
                        refusal = "SQLite has no REINDEX CONCURRENTLY.";
                    }
                    if (request.tables().isEmpty()) {
                        statements.add("REINDEX");
                    }
                    request.tables().forEach(t -> statements.add("REINDEX " + SqlNames.quote(t)));
                    method = "REINDEX returns no space to the disk";
                    warnings.add("REINDEX blocks writers while it rebuilds the indexes.");
                }
            }
            TableEstimate whole = new TableEstimate(file().getFileName().toString(), fileBytes, fileBytes, 0, 0, -1, -1, reclaim, error, method);
            return new PreFlight(request, "SQLite " + version, statements, List.of(whole), reclaim, error, method, needed, -1,
                    "", -1, "SQLite rewrites at the disk's speed: duration unknown", List.of(),
                    warnings, false, null, refusal);
        } catch (SQLException e) {
            throw new TidemarkException("Preparing " + request.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** Unused bytes inside the b-tree pages (dbstat), -1 when this SQLite was built without it. */
    private static long unusedInPages(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(unused) FROM dbstat")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private long fileBytes() {
        try {
            return Files.size(file());
        } catch (IOException e) {
            throw new TidemarkException("Cannot read the size of " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Runs the pre-flight's statements; Cancel interrupts the statement in flight (SQLite rolls it back). */
    public MaintenanceResult run(PreFlight plan, Progress progress, Cancellation cancellation) {
        if (plan.refusal() != null) {
            throw new TidemarkException(plan.refusal());
        }
        Instant start = Instant.now();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tidemark-sqlite-maintenance");
            t.setDaemon(true);
            return t;
        });
        try (Connection c = db.connection()) {
            c.setAutoCommit(true);
            SqlitePages before = pages(c);
            long sizeBefore = fileBytes();
            List<String> phases = new ArrayList<>();
            for (int i = 0; i < plan.statements().size(); i++) {
                cancellation.checkpoint();
                String sql = plan.statements().get(i);
                phases.add(sql);
                progress.report(-1, sql);
                Statement s = c.createStatement();
                Future<?> running = worker.submit(() -> {
                    // PRAGMA incremental_vacuum frees pages step by step: execute() stops after the first step, and
                    // executeUpdate() runs it to the end.
                    if (sql.startsWith("PRAGMA")) {
                        s.executeUpdate(sql);
                    } else {
                        s.execute(sql);
                    }
                    return null;
                });
                try {
                    while (true) {
                        try {
                            running.get(200, TimeUnit.MILLISECONDS);
                            break;
                        } catch (TimeoutException e) {
                            if (cancellation.isCancelled()) {
                                s.cancel();
                            }
                        }
                    }
                } catch (ExecutionException e) {
                    if (cancellation.isCancelled()) {
                        throw new Cancellation.CancelledException();
                    }
                    throw new TidemarkException(sql + " failed: " + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    s.cancel();
                    throw new Cancellation.CancelledException();
                } finally {
                    s.close();
                }
            }
            SqlitePages after = pages(c);
            progress.report(1, plan.request().kind().verb() + " done");
            return new MaintenanceResult(plan.request(), sizeBefore, fileBytes(), Duration.between(start, Instant.now()), phases, before, after);
        } catch (SQLException e) {
            throw new TidemarkException(plan.request().describe() + " failed: " + e.getMessage(), e);
        } finally {
            worker.shutdownNow();
        }
    }
}
