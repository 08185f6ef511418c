package io.tidemark.actions.purge;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.purge.PurgeConfigFiles;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.profile.RetentionDefaults;
import io.tidemark.core.purge.PurgeJournal;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeResult;
import io.tidemark.core.purge.RetentionPolicy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the xivo profile, {@code purge -d N} deletes exactly the rows of cel, queue_log and the four stat tables older than
 * N days, and nothing else — on PostgreSQL and on SQLite, for old, new, mixed and empty tables and at the exact cutoff.
 */
class XivoPurgeTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final int DAYS = 30;
    static final Instant CUTOFF = NOW.minus(DAYS, ChronoUnit.DAYS);

    @TempDir
    Path dir;

    XivoDatabase open(String engine) throws Exception {
        return engine.equals("postgresql") ? XivoDatabase.postgres() : XivoDatabase.sqlite(dir);
    }

    static PlatformSession session(XivoDatabase db) {
        return PlatformSession.open(new ConnectionSpec("xivo", db.jdbcUrl(), null, null, "xivo"), PasswordSource.NONE);
    }

    static RetentionPolicy policy(int days) {
        return PurgeConfigFiles.policy(Map.of(), RetentionDefaults.STANDARD, null).withDaysToKeep(days);
    }

    static PurgePlan plan(PlatformSession s, int days) {
        return MakePurgePlan.make(s, new PurgeRequest(policy(days), null, List.of(), false, true, NOW), Progress.NONE);
    }

    static PurgeResult run(PlatformSession s, PurgePlan plan) {
        return RunPurge.run(s, plan, RunPurge.Options.of(PurgeJournal.inMemory(), null), Progress.NONE, new Cancellation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void allOldRowsGoAndNothingElseIsTouched(String engine) throws Exception {
        try (XivoDatabase db = open(engine)) {
            for (String table : XivoDatabase.PURGED) {
                for (int i = 0; i < 300; i++) {
                    db.insert(table, CUTOFF.minus(Duration.ofMinutes(1 + i * 97L)));
                }
            }
            db.insert("userfeatures", NOW.minus(900, ChronoUnit.DAYS));
            db.insert("stat_agent", NOW.minus(900, ChronoUnit.DAYS));
            try (PlatformSession s = session(db)) {
                PurgePlan plan = plan(s, DAYS);
                assertThat(plan.tables()).containsExactlyInAnyOrderElementsOf(XivoDatabase.PURGED);
                assertThat(plan.rows()).isEqualTo(6 * 300);
                PurgeResult result = run(s, plan);
                assertThat(result.outcome()).isEqualTo(PurgeResult.Outcome.DONE);
                assertThat(result.rows()).isEqualTo(6 * 300);
            }
            for (String table : XivoDatabase.PURGED) {
                assertThat(db.count(table)).as(table).isZero();
            }
            assertThat(db.count("userfeatures")).isEqualTo(1);
            assertThat(db.count("stat_agent")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void newRowsAreKept(String engine) throws Exception {
        try (XivoDatabase db = open(engine)) {
            for (String table : XivoDatabase.PURGED) {
                for (int i = 0; i < 50; i++) {
                    db.insert(table, CUTOFF.plus(Duration.ofMinutes(1 + i * 600L)));
                }
            }
            try (PlatformSession s = session(db)) {
                PurgePlan plan = plan(s, DAYS);
                assertThat(plan.rows()).isZero();
                assertThat(run(s, plan).rows()).isZero();
            }
            for (String table : XivoDatabase.PURGED) {
                assertThat(db.count(table)).as(table).isEqualTo(50);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void mixedTablesKeepOnlyTheRecentRows(String engine) throws Exception {
        try (XivoDatabase db = open(engine)) {
            for (String table : XivoDatabase.PURGED) {
                for (int i = 0; i < 400; i++) { // interleaved: old and new rows alternate in insertion (key) order
                    db.insert(table, i % 3 == 0 ? CUTOFF.plus(Duration.ofHours(i)) : CUTOFF.minus(Duration.ofHours(i + 1)));
                }
            }
            try (PlatformSession s = session(db)) {
                PurgeResult result = run(s, plan(s, DAYS));
                assertThat(result.outcome()).isEqualTo(PurgeResult.Outcome.DONE);
            }
            for (String table : XivoDatabase.PURGED) {
                assertThat(db.count(table)).as(table).isEqualTo(134);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void emptyTablesGiveAnEmptyPlanAndNothingHappens(String engine) throws Exception {
        try (XivoDatabase db = open(engine); PlatformSession s = session(db)) {
            PurgePlan plan = plan(s, DAYS);
            assertThat(plan.isEmpty()).isTrue();
            PurgeResult result = run(s, plan);
            assertThat(result.outcome()).isEqualTo(PurgeResult.Outcome.DONE);
            assertThat(result.rows()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void theExactCutoffIsKeptAndOneMicrosecondBeforeGoes(String engine) throws Exception {
        try (XivoDatabase db = open(engine)) {
            for (String table : XivoDatabase.PURGED) {
                db.insert(table, CUTOFF.minus(1, ChronoUnit.MICROS));
                db.insert(table, CUTOFF);
                db.insert(table, CUTOFF.plus(1, ChronoUnit.MICROS));
            }
            try (PlatformSession s = session(db)) {
                PurgePlan plan = plan(s, DAYS);
                assertThat(plan.steps()).allSatisfy(step -> assertThat(step.cutoff()).isEqualTo(CUTOFF));
                assertThat(plan.rows()).isEqualTo(6);
                assertThat(run(s, plan).rows()).isEqualTo(6);
            }
            for (String table : XivoDatabase.PURGED) {
                assertThat(db.count(table)).as(table).isEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void daysToKeepZeroDeletesEveryRowAndSaysSo(String engine) throws Exception {
        try (XivoDatabase db = open(engine)) {
            for (String table : XivoDatabase.PURGED) {
                db.insert(table, NOW.minus(1, ChronoUnit.MINUTES));
            }
            try (PlatformSession s = session(db)) {
                PurgePlan plan = plan(s, 0);
                assertThat(plan.deletesEverything()).isTrue();
                assertThat(run(s, plan).rows()).isEqualTo(6);
            }
        }
    }
}
