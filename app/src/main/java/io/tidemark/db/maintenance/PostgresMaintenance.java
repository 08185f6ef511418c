package io.tidemark.db.maintenance;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.maintenance.LockHolder;
import io.tidemark.core.maintenance.LockTimedOut;
import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.core.maintenance.MaintenanceRequest;
import io.tidemark.core.maintenance.MaintenanceResult;
import io.tidemark.core.maintenance.PreFlight;
import io.tidemark.core.maintenance.RewriteRate;
import io.tidemark.core.maintenance.TableEstimate;
import io.tidemark.core.maintenance.VacuumSyntax;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * VACUUM, VACUUM FULL, ANALYZE and REINDEX on PostgreSQL: the pre-flight report from the server's own statistics (or
 * pgstattuple_approx), then the statements on an autocommit connection with a lock_timeout, their progress polled from a
 * second connection, and Cancel as a server-side cancel of the working backend.
 */
public final class PostgresMaintenance {

    private final PlatformDatabase db;
    private final Duration pollInterval;

    /** @param pollInterval how often the progress views are read while a statement runs */
    public PostgresMaintenance(PlatformDatabase db, Duration pollInterval) {
        this.db = db;
        this.pollInterval = pollInterval;
    }

    /** One table's figures as the server reports them now. */
    private record Figures(String table, long oid, long tableBytes, long indexBytes, long toastBytes, long totalBytes, long liveRows,
                           long deadRows, long rowWidth, int fillfactor, long tablespace) {
    }

    /**
     * The pre-flight report: nothing is changed, except that pgstattuple is installed first when {@code installPgstattuple}
     * is set and this role may (the report says so).
     */
    public PreFlight preFlight(MaintenanceRequest request, RewriteRate rate, boolean installPgstattuple) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(true);
            int version = versionNum(c);
            String database = single(c, "SELECT current_database()");
            List<String> warnings = new ArrayList<>();
            String refusal = null;
            List<String> statements = List.of();
            try {
                statements = VacuumSyntax.statements(request, version, SqlNames::quote, database);
            } catch (VacuumSyntax.UnsupportedOption e) {
                refusal = e.getMessage();
            }
            List<Figures> figures = figures(c, request);
            boolean pgstattuple = pgstattupleUsable(c);
            if (!pgstattuple && installPgstattuple && request.kind() == MaintenanceKind.VACUUM_FULL && mayInstall(c)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple");
                    pgstattuple = pgstattupleUsable(c);
                    warnings.add("Tidemark installed the pgstattuple extension in " + database + " to measure the reclaim "
                            + "(DROP EXTENSION pgstattuple removes it).");
                } catch (SQLException e) {
                    pgstattuple = false; // the role may not after all: estimated from statistics, as the report says
                }
            }
            int block = Integer.parseInt(single(c, "SHOW block_size"));
            List<TableEstimate> tables = new ArrayList<>();
            for (Figures f : figures) {
                tables.add(request.kind() == MaintenanceKind.VACUUM_FULL ? estimate(c, f, block, pgstattuple)
                        : new TableEstimate(f.table(), f.totalBytes(), f.tableBytes(), f.indexBytes(), f.toastBytes(), f.liveRows(),
                                f.deadRows(), 0, 0, request.kind().verb() + " returns no space to the disk"));
            }
            long reclaim = tables.stream().allMatch(t -> t.reclaimBytes() >= 0)
                    ? tables.stream().mapToLong(TableEstimate::reclaimBytes).sum() : -1;
            long error = tables.stream().mapToLong(TableEstimate::errorBytes).sum();
            String method = tables.stream().map(TableEstimate::method).distinct().reduce((a, b) -> a + "; " + b)
                    .orElse("no tables");
            List<LockHolder> locks = locks(c, figures.stream().map(Figures::oid).toList());
            boolean repack = exists(c, "SELECT 1 FROM pg_extension WHERE extname = 'pg_repack'");
            long needed = -1;
            long seconds = -1;
            String durationNote;
            String lockTimeout = Waits.seconds(request.options().lockTimeout());
            switch (request.kind()) {
                case VACUUM_FULL -> {
                    needed = tables.stream().mapToLong(t -> Math.min(t.totalBytes(), Math.max(0, t.totalBytes() - t.reclaimBytes()) + t.errorBytes()))
                            .max().orElse(0);
                    long total = tables.stream().mapToLong(TableEstimate::totalBytes).sum();
                    seconds = rate.secondsFor(total);
                    durationNote = rate.describe();
                    warnings.add(0, "VACUUM FULL locks " + (figures.size() == 1 ? "the table" : "each table") + " (ACCESS EXCLUSIVE) for its whole "
                            + "rewrite: the platform's writes and reads of it wait until it ends.");
                    if (repack) {
                        warnings.add("pg_repack is installed: it rewrites a table online, holding the exclusive lock only briefly at the "
                                + "start and end (pg_repack --table NAME).");
                    }
                }
                case REINDEX -> {
                    durationNote = "no measured rate for REINDEX: duration unknown";
                    needed = figures.stream().mapToLong(Figures::indexBytes).max().orElse(0);
                    warnings.add(request.options().concurrently()
                            ? "REINDEX CONCURRENTLY builds each index anew beside the old one; writes continue, it takes longer."
                            : "REINDEX blocks writes to the table, and reads that use its indexes, while each index is rebuilt.");
                }
                case VACUUM -> durationNote = "VACUUM reads the table and its indexes; it does not block reads or writes: duration unknown";
                default -> durationNote = "ANALYZE reads a sample of each table: usually seconds";
            }
            if (request.kind() == MaintenanceKind.VACUUM_FULL || request.kind() == MaintenanceKind.VACUUM) {
                oldestTransaction(c).ifPresent(warnings::add);
            }
            if (!locks.isEmpty()) {
                warnings.add(locks.size() + " lock" + (locks.size() == 1 ? " is" : "s are") + " held or awaited on " + (figures.size() == 1
                        ? "the table" : "these tables") + " now: " + request.kind().verb() + " waits at most " + lockTimeout
                        + " (lock_timeout) for them, then gives up and changes nothing.");
            }
            String confirm = request.kind().needsTypedName()
                    ? (figures.size() == 1 && !request.wholeDatabase() ? figures.get(0).table() : database) : null;
            return new PreFlight(request, "PostgreSQL " + single(c, "SHOW server_version").split(" ")[0], statements, tables, reclaim, error,
                    method, needed, -1, "", seconds, durationNote, locks, warnings, repack, confirm, refusal);
        } catch (SQLException e) {
            throw new TidemarkException("Preparing " + request.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * What VACUUM FULL would return from every table of the database, estimated from statistics only (no table is read),
     * for a list of tables.
     */
    public List<TableEstimate> estimates() {
        try (Connection c = db.connection()) {
            int block = Integer.parseInt(single(c, "SHOW block_size"));
            List<TableEstimate> estimates = new ArrayList<>();
            for (Figures f : figures(c, new MaintenanceRequest(MaintenanceKind.VACUUM_FULL, List.of(),
                    io.tidemark.core.maintenance.MaintenanceOptions.defaults()))) {
                estimates.add(estimate(c, f, block, false));
            }
            return estimates;
        } catch (SQLException e) {
            throw new TidemarkException("Estimating the reclaim failed: " + e.getMessage(), e);
        }
    }

    /** Transactions open longer than this are named in the pre-flight: they keep deleted rows from being removed. */
    static final int OLD_TRANSACTION_SECONDS = 60;

    /**
     * The oldest transaction open on the server (any database), when it has run for a minute or more: a VACUUM keeps every
     * row deleted after it started (its own snapshot cannot see past it), so it returns less than the dead rows promise.
     */
    private static Optional<String> oldestTransaction(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT pid, datname, usename, application_name, state, xact_start, now() - xact_start > make_interval(secs => %d)
                  FROM pg_stat_activity
                 WHERE pid <> pg_backend_pid() AND (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL) AND xact_start IS NOT NULL
                 ORDER BY xact_start LIMIT 1
                """.formatted(OLD_TRANSACTION_SECONDS))) {
            if (rs.next() && rs.getBoolean(7)) {
                return Optional.of("A transaction has been open since " + rs.getTimestamp(6).toInstant() + " (pid " + rs.getInt(1) + ", "
                        + rs.getString(3) + (rs.getString(4) == null || rs.getString(4).isBlank() ? "" : ", " + rs.getString(4))
                        + ", database " + rs.getString(2) + ", " + rs.getString(5) + "): rows deleted after it started cannot be "
                        + "removed until it ends, so less may be returned than estimated from statistics.");
            }
            return Optional.empty();
        }
    }

    /**
     * Where the tables' files are on the server (the tablespace's folder, or data_directory), when this role may read it;
     * the caller checks whether that folder is on this machine.
     */
    public Optional<Path> tablespaceFolder(MaintenanceRequest request) {
        try (Connection c = db.connection()) {
            List<Figures> figures = figures(c, request);
            long spc = figures.stream().mapToLong(Figures::tablespace).filter(t -> t != 0).findFirst().orElse(0);
            String sql = spc == 0 ? "SELECT setting FROM pg_settings WHERE name = 'data_directory'" : "SELECT pg_tablespace_location(" + spc + ")";
            String folder = single(c, sql);
            return folder == null || folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static int versionNum(Connection c) throws SQLException {
        return Integer.parseInt(single(c, "SHOW server_version_num"));
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private List<Figures> figures(Connection c, MaintenanceRequest request) throws SQLException {
        List<Long> oids = new ArrayList<>();
        if (request.wholeDatabase()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE c.relkind IN ('r', 'm') AND n.nspname = ANY (current_schemas(false)) ORDER BY c.relname")) {
                while (rs.next()) {
                    oids.add(rs.getLong(1));
                }
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::oid, (SELECT relkind FROM pg_class WHERE oid = to_regclass(?))")) {
                for (String table : request.tables()) {
                    ps.setString(1, SqlNames.quote(table));
                    ps.setString(2, SqlNames.quote(table));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long oid = rs.getLong(1);
                        if (rs.wasNull()) {
                            throw new TidemarkException("There is no table named " + table + " in this database.");
                        }
                        if ("p".equals(rs.getString(2)) && request.kind() == MaintenanceKind.VACUUM_FULL) {
                            throw new TidemarkException(table + " is partitioned: VACUUM FULL its partitions one by one.");
                        }
                        oids.add(oid);
                    }
                }
            }
        }
        List<Figures> figures = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.relname,
                       pg_table_size(c.oid) - COALESCE(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0),
                       pg_indexes_size(c.oid),
                       COALESCE(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0),
                       pg_total_relation_size(c.oid),
                       CASE WHEN c.reltuples > 0 OR (c.reltuples = 0 AND c.relpages > 0) THEN c.reltuples
                            ELSE COALESCE(s.n_live_tup, 0) END::bigint,
                       COALESCE(s.n_dead_tup, -1),
                       (SELECT sum(st.avg_width) FROM pg_stats st JOIN pg_namespace n ON n.nspname = st.schemaname
                         WHERE n.oid = c.relnamespace AND st.tablename = c.relname AND NOT st.inherited),
                       COALESCE((SELECT substring(o FROM 'fillfactor=(\\d+)')::int FROM unnest(c.reloptions) o
                                  WHERE o LIKE 'fillfactor=%'), 100),
                       c.reltablespace
                  FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
                 WHERE c.oid = ?
                """)) {
            for (long oid : oids) {
                ps.setLong(1, oid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long width = rs.getLong(8);
                        figures.add(new Figures(rs.getString(1), oid, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), rs.getLong(7), rs.wasNull() ? -1 : width, rs.getInt(9), rs.getLong(10)));
                    }
                }
            }
        }
        return figures;
    }

    private static boolean pgstattupleUsable(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT to_regprocedure('pgstattuple_approx(regclass)') IS NOT NULL"
                        + " AND has_function_privilege(to_regprocedure('pgstattuple_approx(regclass)'), 'EXECUTE')")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether this role may create pgstattuple here: a superuser, or (13+) a trusted extension with CREATE on the database. */
    private static boolean mayInstall(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgstattuple')
                   AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                """)) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * What a rewrite gives back: the table's pages beyond what its live rows need once packed (at its fillfactor), its
     * indexes and TOAST shrunk in the proportion of live rows. The heap figure is measured with pgstattuple_approx when it is
     * there (live tuple bytes), otherwise estimated from n_live_tup and the average row width in pg_stats.
     */
    private static TableEstimate estimate(Connection c, Figures f, int block, boolean pgstattuple) throws SQLException {
        long live = f.liveRows();
        long dead = Math.max(0, f.deadRows());
        long heapAfter = -1;
        String method;
        double heapErrorShare;
        long pageBytes = (block - 24L) * f.fillfactor() / 100;
        if (pgstattuple) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT approx_tuple_count::bigint, approx_tuple_len::bigint, dead_tuple_count::bigint FROM pgstattuple_approx(?::oid::regclass)")) {
                ps.setLong(1, f.oid());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    live = rs.getLong(1);
                    long liveLen = rs.getLong(2);
                    dead = rs.getLong(3);
                    // each tuple is MAXALIGNed and needs a 4-byte line pointer; whole tuples per page
                    long perRow = live == 0 ? 1 : align8((liveLen + live - 1) / live) + 4;
                    heapAfter = heapPages(live, perRow, pageBytes) * block;
                }
            }
            method = "measured by pgstattuple_approx (live tuple bytes packed at fillfactor " + f.fillfactor()
                    + "; indexes and TOAST shrink with the live share of rows)";
            heapErrorShare = 0.03; // of the new heap, plus 1% of the old one for the pages it guessed from the free-space map
        } else if (f.rowWidth() >= 0) {
            long perRow = align8(24 + f.rowWidth()) + 4;
            heapAfter = heapPages(live, perRow, pageBytes) * block;
            method = "estimated from statistics (reltuples × average row width from pg_stats, packed at fillfactor " + f.fillfactor()
                    + "; indexes and TOAST shrink with the live share of rows; as current as the last ANALYZE)";
            heapErrorShare = 0.10; // of the new heap (sampled row width and count), plus 1% of the old one
        } else {
            double liveShare = live + dead == 0 ? 1 : (double) live / (live + dead);
            heapAfter = (long) Math.ceil(f.tableBytes() * liveShare / block) * block;
            method = "estimated from statistics (never analyzed: the table shrinks with the live share of n_live_tup and n_dead_tup)";
            heapErrorShare = 0.30;
        }
        heapAfter = Math.min(heapAfter, f.tableBytes());
        double liveShare = live + dead == 0 ? 1 : (double) live / (live + dead);
        long indexAfter = (long) Math.ceil(f.indexBytes() * liveShare);
        long toastAfter = (long) Math.ceil(f.toastBytes() * liveShare);
        long after = heapAfter + indexAfter + toastAfter;
        long reclaim = Math.max(0, f.totalBytes() - after);
        // The stated error: a share of the heap figure (by method); a quarter of the indexes' and TOAST's new size (a
        // b-tree rebuilt from sorted rows fills its leaves to 90%, one grown by random inserts to about 70%); and a few
        // pages per relation for the maps and metapages.
        long indexes = countIndexes(c, f.oid());
        long error = (long) (heapErrorShare * heapAfter + 0.01 * f.tableBytes()) + indexAfter / 4 + toastAfter / 4 + (3 + 2 * indexes) * (long) block;
        return new TableEstimate(f.table(), f.totalBytes(), f.tableBytes(), f.indexBytes(), f.toastBytes(), live, dead,
                reclaim, Math.min(error, f.totalBytes()), method);
    }

    private static long countIndexes(Connection c, long oid) throws SQLException {
        return Long.parseLong(single(c, "SELECT count(*) FROM pg_index WHERE indrelid = " + oid));
    }

    /** Pages for {@code rows} rows of {@code perRow} bytes, whole rows per page, at most 291 (MaxHeapTuplesPerPage) per 8 kB page. */
    private static long heapPages(long rows, long perRow, long pageBytes) {
        long perPage = Math.max(1, Math.min(pageBytes / Math.max(1, perRow), pageBytes * 291 / 8168));
        return (rows + perPage - 1) / perPage;
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }

    /** The sessions other than this one holding or waiting for a lock on any of {@code oids}. */
    public List<LockHolder> locks(List<String> tables) {
        try (Connection c = db.connection()) {
            List<Long> oids = new ArrayList<>();
            for (Figures f : figures(c, new MaintenanceRequest(MaintenanceKind.ANALYZE, tables, io.tidemark.core.maintenance.MaintenanceOptions.defaults()))) {
                oids.add(f.oid());
            }
            return locks(c, oids);
        } catch (SQLException e) {
            throw new TidemarkException("Reading the locks failed: " + e.getMessage(), e);
        }
    }

    private static List<LockHolder> locks(Connection c, List<Long> oids) throws SQLException {
        List<LockHolder> holders = new ArrayList<>();
        if (oids.isEmpty()) {
            return holders;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.pid, a.usename, a.application_name, a.state, COALESCE(a.xact_start, a.backend_start), c.relname, l.mode,
                       l.granted, left(a.query, 200)
                  FROM pg_locks l
                  JOIN pg_class c ON c.oid = l.relation
                  LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                 WHERE l.relation = ANY (?) AND l.pid <> pg_backend_pid()
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                 ORDER BY l.granted DESC, COALESCE(a.xact_start, a.backend_start), l.pid
                """)) {
            Array array = c.createArrayOf("bigint", oids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp since = rs.getTimestamp(5);
                    holders.add(new LockHolder(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            since == null ? null : since.toInstant(), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9)));
                }
            }
        }
        return holders;
    }

    /**
     * Runs the pre-flight's statements one by one on an autocommit connection with its lock_timeout, publishing the
     * server's progress phases; Cancel asks the server to cancel the working backend.
     *
     * @throws LockTimedOut                    when a statement waited lock_timeout for its lock (nothing changed by it)
     * @throws Cancellation.CancelledException when cancelled (the statement in flight rolled back; earlier ones stay done)
     */
    public MaintenanceResult run(PreFlight plan, Progress progress, Cancellation cancellation) {
        if (plan.refusal() != null) {
            throw new TidemarkException(plan.refusal());
        }
        MaintenanceRequest request = plan.request();
        List<String> phases = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tidemark-maintenance");
            t.setDaemon(true);
            return t;
        });
        Instant start = Instant.now();
        long before;
        long after;
        try (Connection work = db.connection(); Connection monitor = db.connection()) {
            work.setAutoCommit(true);
            monitor.setAutoCommit(true);
            before = size(monitor, plan);
            int pid = Integer.parseInt(single(work, "SELECT pg_backend_pid()"));
            int version = versionNum(monitor);
            try (Statement s = work.createStatement()) {
                s.execute("SET lock_timeout = " + Math.max(1, plan.request().options().lockTimeout().toMillis()));
            }
            try {
                List<String> statements = plan.statements();
                for (int i = 0; i < statements.size(); i++) {
                    cancellation.checkpoint();
                    String sql = statements.get(i);
                    progress.report((double) i / statements.size(), sql);
                    Future<?> running = worker.submit(() -> {
                        try (Statement s = work.createStatement()) {
                            s.execute(sql);
                        }
                        return null;
                    });
                    await(running, sql, pid, i, statements.size(), version, monitor, request, phases, progress, cancellation);
                }
            } finally {
                try (Statement s = work.createStatement()) {
                    s.execute("RESET lock_timeout");
                } catch (SQLException e) {
                    // the connection broke: the pool drops it, and with it the setting
                }
            }
            after = size(monitor, plan);
            progress.report(1, request.kind().verb() + " done");
        } catch (SQLException e) {
            throw new TidemarkException(request.describe() + " failed: " + e.getMessage(), e);
        } finally {
            worker.shutdownNow();
        }
        return new MaintenanceResult(request, before, after, Duration.between(start, Instant.now()), phases, null, null);
    }

    private void await(Future<?> running, String sql, int pid, int index, int count, int version, Connection monitor,
                       MaintenanceRequest request, List<String> phases, Progress progress, Cancellation cancellation) throws SQLException {
        boolean cancelSent = false;
        while (true) {
            try {
                running.get(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (cancellation.isCancelled() && !cancelSent) {
                    try (Statement s = monitor.createStatement()) {
                        s.execute("SELECT pg_cancel_backend(" + pid + ")");
                    }
                    cancelSent = true;
                }
                poll(monitor, pid, version, request.kind(), sql, index, count, phases, progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                try (Statement s = monitor.createStatement()) {
                    s.execute("SELECT pg_cancel_backend(" + pid + ")");
                }
                throw new Cancellation.CancelledException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sqlError) {
                    if ("57014".equals(sqlError.getSQLState()) && cancellation.isCancelled()) {
                        throw new Cancellation.CancelledException();
                    }
                    if ("55P03".equals(sqlError.getSQLState())) {
                        List<LockHolder> holders = lockHoldersFor(monitor, request);
                        throw new LockTimedOut(sql + " waited " + Waits.seconds(request.options().lockTimeout())
                                + " (lock_timeout) for its lock and gave up; nothing was changed by it."
                                + (holders.isEmpty() ? "" : " Held by: " + String.join("; ", holders.stream().map(LockHolder::describe).toList()) + "."),
                                holders);
                    }
                    throw new TidemarkException(sql + " failed: " + sqlError.getMessage(), sqlError);
                }
                throw new TidemarkException(sql + " failed: " + cause, cause);
            }
        }
    }

    private List<LockHolder> lockHoldersFor(Connection monitor, MaintenanceRequest request) throws SQLException {
        List<Long> oids = new ArrayList<>();
        for (Figures f : figures(monitor, request)) {
            oids.add(f.oid());
        }
        return locks(monitor, oids);
    }

    /** Reads the working backend's row in the progress view for its command and publishes it. */
    private static void poll(Connection monitor, int pid, int version, MaintenanceKind kind, String sql, int index, int count,
                             List<String> phases, Progress progress) throws SQLException {
        String query = switch (kind) {
            case VACUUM_FULL -> version >= 120000 ? "SELECT phase, heap_blks_scanned, heap_blks_total, index_rebuild_count, "
                    + "heap_tuples_written FROM pg_stat_progress_cluster WHERE pid = ?" : null;
            case VACUUM -> "SELECT phase, heap_blks_scanned, heap_blks_total, index_vacuum_count, heap_blks_vacuumed "
                    + "FROM pg_stat_progress_vacuum WHERE pid = ?";
            case ANALYZE -> version >= 130000 ? "SELECT phase, sample_blks_scanned, sample_blks_total, 0, 0 "
                    + "FROM pg_stat_progress_analyze WHERE pid = ?" : null;
            case REINDEX -> version >= 120000 ? "SELECT phase, blocks_done, blocks_total, partitions_done, tuples_done "
                    + "FROM pg_stat_progress_create_index WHERE pid = ?" : null;
        };
        String waiting = null;
        try (PreparedStatement ps = monitor.prepareStatement("SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && "Lock".equals(rs.getString(1))) {
                    waiting = "waiting for a lock (" + rs.getString(2) + ")";
                }
            }
        }
        if (query == null) {
            progress.report((double) index / count, sql + (waiting == null ? "" : " · " + waiting));
            return;
        }
        try (PreparedStatement ps = monitor.prepareStatement(query)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    progress.report((double) index / count, sql + (waiting == null ? "" : " · " + waiting));
                    return;
                }
                String phase = rs.getString(1);
                long done = rs.getLong(2);
                long total = rs.getLong(3);
                if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
                    phases.add(phase);
                }
                double within = total > 0 ? Math.min(1.0, (double) done / total) : 0;
                String detail = total > 0 ? String.format(Locale.ROOT, " · %,d of %,d blocks", done, total) : "";
                if (kind == MaintenanceKind.VACUUM_FULL && rs.getLong(4) > 0) {
                    detail += " · " + rs.getLong(4) + " index" + (rs.getLong(4) == 1 ? "" : "es") + " rebuilt";
                }
                progress.report((index + within * 0.95) / count, sql + " · " + phase + detail + (waiting == null ? "" : " · " + waiting));
            }
        }
    }

    private long size(Connection c, PreFlight plan) throws SQLException {
        if (plan.request().wholeDatabase()) {
            return Long.parseLong(single(c, "SELECT pg_database_size(current_database())"));
        }
        long sum = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_total_relation_size(to_regclass(?))")) {
            for (String table : plan.request().tables()) {
                ps.setString(1, SqlNames.quote(table));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sum += rs.getLong(1);
                }
            }
        }
        return sum;
    }

    /** Per table: the sizes now, for the before/after figures of a result. */
    public Map<String, Long> sizes(List<String> tables) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_total_relation_size(to_regclass(?))")) {
            for (String table : tables) {
                ps.setString(1, SqlNames.quote(table));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sizes.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new TidemarkException("Reading table sizes failed: " + e.getMessage(), e);
        }
        return sizes;
    }

    /** How a wait reads in a message ("5 s", "0.5 s"). */
    static final class Waits {
        private Waits() {
        }

        static String seconds(Duration d) {
            long ms = d.toMillis();
            return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
    }
}
