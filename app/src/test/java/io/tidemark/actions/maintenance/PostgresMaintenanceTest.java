package io.tidemark.actions.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.TestPostgres;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.HistoryQuery;
import io.tidemark.core.history.Outcome;
import io.tidemark.core.maintenance.LockHolder;
import io.tidemark.core.maintenance.LockTimedOut;
import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.core.maintenance.MaintenanceOptions;
import io.tidemark.core.maintenance.MaintenanceRefused;
import io.tidemark.core.maintenance.MaintenanceRequest;
import io.tidemark.core.maintenance.MaintenanceResult;
import io.tidemark.core.maintenance.PreFlight;
import io.tidemark.core.maintenance.MaintenanceTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VACUUM FULL and friends on a real PostgreSQL: bloat told before, confirmation required, reclaim within the stated error,
 * progress phases seen, Cancel leaves the table intact, another session's lock reported and timed out on. */
class PostgresMaintenanceTest {

    @TempDir
    Path temp;

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }

    private PlatformSession open(String url) {
        return PlatformSession.open(new ConnectionSpec("pg", url, null, null, null), PasswordSource.NONE);
    }

    private static MaintenanceRequest full(String table) {
        return new MaintenanceRequest(MaintenanceKind.VACUUM_FULL, List.of(table), MaintenanceOptions.defaults());
    }

    /** A table of about 16 MB with nine rows in ten deleted and the statistics brought up to date, as autovacuum's ANALYZE would. */
    private static void bloated(String url, String table) throws SQLException {
        exec(url, "CREATE TABLE " + table + " (id bigint PRIMARY KEY, at timestamptz NOT NULL, body text NOT NULL)",
                // autovacuum would clean the dead rows (or add maps) between the estimate and the VACUUM FULL
                "ALTER TABLE " + table + " SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)",
                "INSERT INTO " + table + " SELECT g, now(), repeat(md5(g::text), 3) FROM generate_series(1, 100000) g",
                "DELETE FROM " + table + " WHERE id % 10 <> 0",
                // the counters reach the shared statistics when the session goes idle: now, not at some later moment
                "SELECT pg_stat_force_next_flush()", "SELECT 1",
                "ANALYZE " + table);
        TestPostgres.awaitNoOlderTransaction(url);
    }

    @Test
    void reportsBloatRefusesWithoutTheNameAndReclaimsWithinTheStatedError() throws Exception {
        String url = TestPostgres.newDatabase();
        bloated(url, "events");
        HistoryStore history = HistoryStore.open(temp.resolve("history.sqlite"), Clock.systemUTC());
        try (PlatformSession session = open(url)) {
            Maintenance maintenance = new Maintenance(session, history, Duration.ofMillis(50));
            MaintenanceTable listed = maintenance.tables(new Cancellation()).stream().filter(t -> t.stats().table().equals("events"))
                    .findFirst().orElseThrow();
            assertThat(listed.stats().deadRows()).isEqualTo(90_000);

            PreFlight plan = maintenance.preFlight(full("events"), false);
            assertThat(plan.statements()).containsExactly("VACUUM (FULL) \"events\"");
            assertThat(plan.reclaimMethod()).startsWith("estimated from statistics");
            assertThat(listed.reclaimBytes()).as("the list and the pre-flight say the same").isEqualTo(plan.reclaimBytes());
            assertThat(plan.reclaimBytes()).isGreaterThan(plan.totalBytes() / 2);
            assertThat(plan.errorBytes()).isPositive().isLessThan(plan.reclaimBytes() / 2);
            assertThat(plan.confirmName()).isEqualTo("events");
            assertThat(plan.warnings().get(0)).contains("ACCESS EXCLUSIVE", "writes");
            assertThat(plan.locks()).isEmpty();
            assertThat(plan.durationNote()).contains("no earlier VACUUM FULL");
            assertThat(plan.expectedSeconds()).isEqualTo(-1);
            assertThat(plan.diskNeededBytes()).isPositive().isLessThanOrEqualTo(plan.totalBytes());
            assertThat(plan.diskNote()).isNotBlank();

            long sizeBefore;
            try (Connection c = DriverManager.getConnection(url)) {
                sizeBefore = single(c, "SELECT pg_total_relation_size('events')");
            }
            assertThatThrownBy(() -> maintenance.run(plan, null, Progress.NONE, new Cancellation()))
                    .isInstanceOf(MaintenanceRefused.class).hasMessageContaining("events typed to confirm");
            assertThatThrownBy(() -> maintenance.run(plan, "event", Progress.NONE, new Cancellation()))
                    .isInstanceOf(MaintenanceRefused.class).hasMessageContaining("is not events");
            try (Connection c = DriverManager.getConnection(url)) {
                assertThat(single(c, "SELECT pg_total_relation_size('events')")).isEqualTo(sizeBefore);
            }

            MaintenanceResult result = maintenance.run(plan, "events", Progress.NONE, new Cancellation());
            assertThat(result.sizeBefore()).isEqualTo(sizeBefore);
            try (Connection c = DriverManager.getConnection(url)) {
                assertThat(result.sizeAfter()).isEqualTo(single(c, "SELECT pg_total_relation_size('events')"));
                assertThat(single(c, "SELECT count(*) FROM events")).isEqualTo(10_000);
            }
            assertThat(result.bytesReturned()).as("returned %d, estimated %d ± %d", result.bytesReturned(), plan.reclaimBytes(), plan.errorBytes())
                    .isBetween(plan.reclaimBytes() - plan.errorBytes(), plan.reclaimBytes() + plan.errorBytes());

            List<HistoryEntry> entries = history.list(HistoryQuery.of(session.key()));
            assertThat(entries).extracting(HistoryEntry::outcome).containsExactly(Outcome.DONE, Outcome.REFUSED, Outcome.REFUSED);
            assertThat(entries.get(0).kind()).isEqualTo("vacuum-full");
            assertThat(entries.get(0).resultJson()).contains("\"size_before_bytes\":" + sizeBefore, "\"bytes_returned\":");
            assertThat(entries.get(0).planJson()).contains("\"reclaim_bytes\":" + plan.reclaimBytes());
        }
    }

    @Test
    void measuresWithPgstattupleWhenItCanBeInstalledAndStaysWithinItsError() throws Exception {
        String url = TestPostgres.newDatabase();
        bloated(url, "messages");
        HistoryStore history = HistoryStore.open(temp.resolve("history.sqlite"), Clock.systemUTC());
        try (PlatformSession session = open(url)) {
            Maintenance maintenance = new Maintenance(session, history, Duration.ofMillis(50));
            PreFlight plan = maintenance.preFlight(full("messages"), true);
            boolean available;
            try (Connection c = DriverManager.getConnection(url)) {
                available = single(c, "SELECT count(*) FROM pg_extension WHERE extname = 'pgstattuple'") == 1;
            }
            // The embedded server of CI may ship without contrib: then the report must say it estimated.
            assertThat(plan.reclaimMethod()).startsWith(available ? "measured by pgstattuple_approx" : "estimated from statistics");
            if (available) {
                assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("installed the pgstattuple extension"));
            }
            MaintenanceResult result = maintenance.run(plan, "messages", Progress.NONE, new Cancellation());
            assertThat(result.bytesReturned()).as("returned %d, estimated %d ± %d", result.bytesReturned(), plan.reclaimBytes(), plan.errorBytes())
                    .isBetween(plan.reclaimBytes() - plan.errorBytes(), plan.reclaimBytes() + plan.errorBytes());
        }
    }

    /**
     * A table whose expression index calls a function that takes a shared advisory lock: while the test holds that lock
     * exclusively, VACUUM FULL stops in its "rebuilding index" phase, so a poll is sure to see it, with no timing involved.
     */
    private static void gated(String url) throws SQLException {
        exec(url, "CREATE TABLE gated (id int PRIMARY KEY, v int NOT NULL)",
                "INSERT INTO gated SELECT g, g FROM generate_series(1, 20000) g",
                "CREATE FUNCTION gate(x int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS "
                        + "$$ BEGIN PERFORM pg_advisory_xact_lock_shared(4242); RETURN x; END $$",
                "CREATE INDEX gated_gate ON gated (gate(v))",
                "DELETE FROM gated WHERE id % 2 = 0");
        TestPostgres.awaitNoOlderTransaction(url);
    }

    private record Run(CompletableFuture<MaintenanceResult> result, CountDownLatch rebuilding, List<String> messages, Cancellation cancel) {
    }

    private static Run startFull(Maintenance maintenance, PreFlight plan) {
        CountDownLatch rebuilding = new CountDownLatch(1);
        List<String> messages = new CopyOnWriteArrayList<>();
        Cancellation cancel = new Cancellation();
        Progress progress = (fraction, message) -> {
            messages.add(message);
            if (message.contains("rebuilding index")) {
                rebuilding.countDown();
            }
        };
        return new Run(CompletableFuture.supplyAsync(() -> maintenance.run(plan, "gated", progress, cancel)), rebuilding, messages, cancel);
    }

    @Test
    void publishesTheServersProgressPhases() throws Exception {
        String url = TestPostgres.newDatabase();
        gated(url);
        HistoryStore history = HistoryStore.open(temp.resolve("history.sqlite"), Clock.systemUTC());
        try (PlatformSession session = open(url); Connection gate = DriverManager.getConnection(url)) {
            Maintenance maintenance = new Maintenance(session, history, Duration.ofMillis(20));
            PreFlight plan = maintenance.preFlight(full("gated"), false);
            gate.createStatement().execute("SELECT pg_advisory_lock(4242)");
            Run run = startFull(maintenance, plan);
            assertThat(run.rebuilding().await(2, TimeUnit.MINUTES)).as("a poll saw the rebuilding index phase").isTrue();
            gate.createStatement().execute("SELECT pg_advisory_unlock(4242)");
            MaintenanceResult result = run.result().get(2, TimeUnit.MINUTES);
            assertThat(result.phasesSeen()).contains("rebuilding index");
            assertThat(run.messages()).anySatisfy(m -> assertThat(m).startsWith("VACUUM (FULL) \"gated\" · rebuilding index"));
            assertThat(result.bytesReturned()).isPositive();
            try (Connection c = DriverManager.getConnection(url)) {
                assertThat(single(c, "SELECT count(*) FROM gated")).isEqualTo(10_000);
            }
        }
    }

    @Test
    void cancelStopsItOnTheServerAndLeavesTheTableIntact() throws Exception {
        String url = TestPostgres.newDatabase();
        gated(url);
        HistoryStore history = HistoryStore.open(temp.resolve("history.sqlite"), Clock.systemUTC());
        try (PlatformSession session = open(url); Connection gate = DriverManager.getConnection(url)) {
            Maintenance maintenance = new Maintenance(session, history, Duration.ofMillis(20));
            PreFlight plan = maintenance.preFlight(full("gated"), false);
            long sizeBefore = single(gate, "SELECT pg_total_relation_size('gated')");
            long fileBefore = single(gate, "SELECT pg_relation_filenode('gated')");
            gate.createStatement().execute("SELECT pg_advisory_lock(4242)");
            Run run = startFull(maintenance, plan);
            assertThat(run.rebuilding().await(2, TimeUnit.MINUTES)).isTrue();
            run.cancel().cancel();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            try {
                run.result().get(2, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                failure.set(e.getCause());
            }
            gate.createStatement().execute("SELECT pg_advisory_unlock(4242)");
            assertThat(failure.get()).isInstanceOf(Cancellation.CancelledException.class);
            assertThat(single(gate, "SELECT count(*) FROM gated")).isEqualTo(10_000);
            assertThat(single(gate, "SELECT pg_relation_filenode('gated')")).as("the old file still serves the table").isEqualTo(fileBefore);
            assertThat(single(gate, "SELECT pg_total_relation_size('gated')")).isEqualTo(sizeBefore);
            assertThat(single(gate, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'VACUUM (FULL)%' AND state = 'active'")).isZero();
            assertThat(history.list(HistoryQuery.of(session.key())).get(0).outcome()).isEqualTo(Outcome.CANCELLED);
        }
    }

    @Test
    void anotherSessionsLockIsReportedAndTheRunGivesUpAfterLockTimeout() throws Exception {
        String url = TestPostgres.newDatabase();
        bloated(url, "events");
        HistoryStore history = HistoryStore.open(temp.resolve("history.sqlite"), Clock.systemUTC());
        try (PlatformSession session = open(url); Connection reader = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
                + "ApplicationName=nightly-report")) {
            reader.setAutoCommit(false);
            long readerPid = single(reader, "SELECT pg_backend_pid()");
            long rows = single(reader, "SELECT count(*) FROM events"); // ACCESS SHARE, held until the transaction ends

            Maintenance maintenance = new Maintenance(session, history, Duration.ofMillis(20));
            MaintenanceRequest request = new MaintenanceRequest(MaintenanceKind.VACUUM_FULL, List.of("events"),
                    MaintenanceOptions.defaults().withLockTimeout(Duration.ofMillis(300)));
            PreFlight plan = maintenance.preFlight(request, false);
            assertThat(plan.locks()).singleElement().satisfies(l -> {
                assertThat(l.pid()).isEqualTo(readerPid);
                assertThat(l.mode()).isEqualTo("AccessShareLock");
                assertThat(l.granted()).isTrue();
                assertThat(l.application()).isEqualTo("nightly-report");
                assertThat(l.state()).isEqualTo("idle in transaction");
                assertThat(l.since()).isNotNull();
            });
            assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains("lock_timeout", "0.3 s"));

            assertThatThrownBy(() -> maintenance.run(plan, "events", Progress.NONE, new Cancellation()))
                    .isInstanceOf(LockTimedOut.class)
                    .hasMessageContaining("lock_timeout")
                    .satisfies(e -> assertThat(((LockTimedOut) e).holders()).extracting(LockHolder::pid).contains((int) readerPid));
            assertThat(single(reader, "SELECT count(*) FROM events")).isEqualTo(rows);
            reader.rollback();
            assertThat(history.list(HistoryQuery.of(session.key())).get(0).outcome()).isEqualTo(Outcome.FAILED);

            // Once the reader is gone, the same plan runs.
            assertThat(maintenance.run(maintenance.preFlight(request, false), "events", Progress.NONE, new Cancellation()).bytesReturned())
                    .isPositive();
        }
    }
}
