package io.tidemark.actions.purge;

import io.tidemark.TestDemos;
import io.tidemark.TestPostgres;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.purge.PurgeJournalFile;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeProgress;
import io.tidemark.core.purge.PurgeResult;
import io.tidemark.db.purge.BatchDeleter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purge stopped by Cancel, by a killed database connection or by a crash resumes from its journal with the same
 * cutoffs: everything old goes, nothing that should stay is lost, and rows the platform writes meanwhile survive.
 */
class InterruptedPurgeTest {

    static final Instant NOW = XivoPurgeTest.NOW;
    static final Instant CUTOFF = XivoPurgeTest.CUTOFF;
    /** Small batches, so a few thousand rows take many. */
    static final BatchDeleter.Settings SMALL = new BatchDeleter.Settings(2, 200, 2000, 8);

    @TempDir
    Path dir;

    XivoDatabase celWithOldAndNewRows() throws Exception {
        XivoDatabase db = XivoDatabase.postgres();
        try (Statement s = db.c.createStatement()) {
            s.execute("INSERT INTO cel (eventtype, eventtime) SELECT 'CHAN_START', timestamptz '" + CUTOFF + "' - g * interval '1 minute'"
                    + " FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO cel (eventtype, eventtime) SELECT 'KEEP', timestamptz '" + CUTOFF + "' + g * interval '1 second'"
                    + " FROM generate_series(0, 1999) g");
        }
        return db;
    }

    RunPurge.Options options(PurgeJournalFile journal, Consumer<PurgeProgress> listener) {
        return RunPurge.Options.of(journal, null).withSettings(SMALL).withListener(listener);
    }

    @Test
    void cancelledThenResumedLosesNothingAndRowsWrittenMeanwhileSurvive() throws Exception {
        try (XivoDatabase db = celWithOldAndNewRows(); PlatformSession s = XivoPurgeTest.session(db)) {
            PurgePlan plan = XivoPurgeTest.plan(s, 30);
            PurgeJournalFile journal = new PurgeJournalFile(dir.resolve("journal"));
            Cancellation cancel = new Cancellation();
            AtomicInteger batches = new AtomicInteger();
            PurgeResult first = RunPurge.run(s, plan, options(journal, p -> {
                if (batches.incrementAndGet() == 2) {
                    try (Statement st = db.c.createStatement()) { // the platform keeps writing, during the purge
                        st.execute("INSERT INTO cel (eventtype, eventtime) SELECT 'WRITTEN', now() FROM generate_series(1, 100)");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    cancel.cancel();
                }
            }), Progress.NONE, cancel);
            assertThat(first.outcome()).isEqualTo(PurgeResult.Outcome.CANCELLED);
            long left = countOld(db);
            assertThat(left).isPositive().isLessThan(20000);
            assertThat(journal.unfinished(s.key())).map(PurgePlan::id).contains(plan.id());

            PurgePlan again = journal.unfinished(s.key()).orElseThrow();
            assertThat(again.steps().get(0).cutoff()).isEqualTo(plan.steps().get(0).cutoff());
            PurgeResult second = RunPurge.run(s, again, options(journal, p -> { }), Progress.NONE, new Cancellation());
            assertThat(second.outcome()).isEqualTo(PurgeResult.Outcome.DONE);
            assertThat(first.rows() + second.rows()).isEqualTo(20000);
            assertThat(countOld(db)).isZero();
            assertThat(db.count("cel")).isEqualTo(2000 + 100);
            assertThat(journal.unfinished(s.key())).isEmpty();
        }
    }

    @Test
    void aKilledConnectionMidPurgeIsRetriedAndTheRunCompletes() throws Exception {
        try (XivoDatabase db = celWithOldAndNewRows(); PlatformSession s = XivoPurgeTest.session(db)) {
            PurgePlan plan = XivoPurgeTest.plan(s, 30);
            AtomicInteger batches = new AtomicInteger();
            AtomicInteger killed = new AtomicInteger();
            PurgeResult result = RunPurge.run(s, plan, options(new PurgeJournalFile(dir), p -> {
                if (batches.incrementAndGet() == 2) {
                    try (Connection admin = DriverManager.getConnection(db.url); ResultSet rs = admin.createStatement().executeQuery(
                            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database()"
                                    + " AND application_name = 'Tidemark' AND pid <> pg_backend_pid()")) {
                        rs.next();
                        killed.set(rs.getInt(1));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }), Progress.NONE, new Cancellation());
            assertThat(killed.get()).isPositive();
            assertThat(result.outcome()).isEqualTo(PurgeResult.Outcome.DONE);
            assertThat(countOld(db)).isZero();
            assertThat(db.count("cel")).isEqualTo(2000);
        }
    }

    @Test
    void aBatchTheServerStallsOnIsCutByTheGuardAndRetriedSmaller() throws Exception {
        try (XivoDatabase db = celWithOldAndNewRows(); PlatformSession s = XivoPurgeTest.session(db)) {
            try (Statement st = db.c.createStatement()) { // a stall of one second, once (a sequence is not rolled back)
                st.execute("CREATE SEQUENCE stall");
                st.execute("CREATE FUNCTION stall_once() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF nextval('stall') = 1 THEN PERFORM pg_sleep(1); END IF; RETURN OLD; END $$");
                st.execute("CREATE TRIGGER stall BEFORE DELETE ON cel FOR EACH ROW EXECUTE FUNCTION stall_once()");
            }
            PurgeResult result = RunPurge.run(s, XivoPurgeTest.plan(s, 30), RunPurge.Options.of(new PurgeJournalFile(dir), null)
                    .withSettings(BatchDeleter.Settings.DEFAULT), Progress.NONE, new Cancellation());
            assertThat(result.outcome()).isEqualTo(PurgeResult.Outcome.DONE);
            assertThat(result.rows()).isEqualTo(20000);
            assertThat(countOld(db)).isZero();
            assertThat(db.count("cel")).isEqualTo(2000);
            // the stalled attempt is the longest, and it was cut at the guard, not after the full second
            assertThat(result.maxBatchMillis()).isBetween(BatchDeleter.Settings.DEFAULT.statementTimeoutMillis(), 900L);
        }
    }

    @Test
    void aCrashMidFamilyLeavesNoOrphanAndTheResumeFinishesTheJob() throws Exception {
        String url = TestPostgres.newDatabase();
        io.tidemark.actions.DemoPlatform.build(new DemoSpec(dir.resolve("demo"), 3, 45, 5, DemoScale.SMALL, url, TestDemos.LAST_DAY, false),
                Progress.NONE, new Cancellation());
        ConnectionSpec spec = new ConnectionSpec("demo-pg", url, null, dir.resolve("demo").toString(), "integramon");
        try (PlatformSession s = PlatformSession.open(spec, PasswordSource.NONE)) {
            PurgePlan plan = DemoPurgeTest.plan(s, null, false);
            PurgeJournalFile journal = new PurgeJournalFile(dir.resolve("journal"));
            Set<Long> expected;
            Instant general = DemoPurgeTest.NOW.minus(DemoPurgeTest.DAYS, ChronoUnit.DAYS);
            java.util.Map<Long, Instant> own = new java.util.HashMap<>();
            plan.steps().stream().filter(t -> t.tenantIds().size() == 1).forEach(t -> own.put(t.tenantIds().get(0), t.cutoff()));
            try (Connection c = s.database().connection()) {
                expected = DemoRows.read(c, "cpimessagelog", "log_start", null).stream()
                        .filter(r -> !r.time().isBefore(own.getOrDefault(r.tenant(), general))).map(DemoRows.Row::id).collect(Collectors.toSet());
            }
            AtomicInteger batches = new AtomicInteger();
            PurgeResult crashed = RunPurge.run(s, plan, options(journal, p -> {
                if (p.table().equals("cpimessagelog") && batches.incrementAndGet() == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }), Progress.NONE, new Cancellation());
            assertThat(crashed.outcome()).isEqualTo(PurgeResult.Outcome.FAILED);
            try (Connection c = s.database().connection()) {
                for (String child : List.of("cpimessagelogruns", "cpipayload", "cpimessageattachment", "cpicustomheaderproperties")) {
                    assertThat(DemoRows.orphans(c, child)).as(child).isZero();
                }
            }
            PurgeResult resumed = RunPurge.run(s, journal.unfinished(s.key()).orElseThrow(), options(journal, p -> { }), Progress.NONE,
                    new Cancellation());
            assertThat(resumed.outcome()).isEqualTo(PurgeResult.Outcome.DONE);
            try (Connection c = s.database().connection()) {
                assertThat(DemoRows.read(c, "cpimessagelog", "log_start", null).stream().map(DemoRows.Row::id).collect(Collectors.toSet()))
                        .isEqualTo(expected);
                assertThat(DemoRows.orphans(c, "cpipayload")).isZero();
            }
        }
    }

    @Test
    void partitionsWhollyOlderThanTheCutoffAreDroppedAndTheBoundaryIsBatched() throws Exception {
        try (XivoDatabase db = XivoDatabase.postgresPartitioned()) {
            db.celPartitions(LocalDateTime.of(2026, 6, 1, 0, 0), 7);
            try (Statement st = db.c.createStatement()) {
                st.execute("INSERT INTO cel (eventtype, eventtime) SELECT 'E', timestamptz '2026-06-01 00:00:00+00' + g * interval '1 hour'"
                        + " FROM generate_series(0, 24 * 172) g"); // to 2026-11-20
            }
            long keep;
            try (ResultSet rs = db.c.createStatement().executeQuery("SELECT count(*) FROM cel WHERE eventtime >= timestamptz '" + CUTOFF + "'")) {
                rs.next();
                keep = rs.getLong(1);
            }
            try (PlatformSession s = XivoPurgeTest.session(db)) {
                PurgePlan plan = XivoPurgeTest.plan(s, 30);
                assertThat(plan.steps().get(0).partitions()).containsExactly("cel_2026_06", "cel_2026_07", "cel_2026_08", "cel_2026_09");
                PurgeResult result = XivoPurgeTest.run(s, plan);
                assertThat(result.outcome()).isEqualTo(PurgeResult.Outcome.DONE);
                assertThat(result.partitionsDropped()).hasSize(4);
            }
            assertThat(db.count("cel")).isEqualTo(keep);
            try (ResultSet rs = db.c.createStatement().executeQuery("SELECT count(*) FROM pg_class WHERE relname LIKE 'cel_2026_%' AND relkind = 'r'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
        }
    }

    private static long countOld(XivoDatabase db) throws Exception {
        try (ResultSet rs = db.c.createStatement().executeQuery("SELECT count(*) FROM cel WHERE eventtime < timestamptz '" + CUTOFF + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @SuppressWarnings("unused")
    private static Duration unused() {
        return Duration.ZERO;
    }
}
