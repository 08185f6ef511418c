package io.tidemark.actions.purge;

import io.tidemark.TestDemos;
import io.tidemark.TestPostgres;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.purge.PurgeConfigFiles;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import io.tidemark.core.profile.RetentionDefaults;
import io.tidemark.core.purge.FileDelete;
import io.tidemark.core.purge.PurgeJournal;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeResult;
import io.tidemark.core.purge.TableStep;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring platform's message log family (no ON DELETE CASCADE): children go before parents in every batch,
 * tenants keep their own retention, logs go by name date and modification time, and a failing archive deletes nothing.
 */
class DemoPurgeTest {

    static final Instant NOW = TestDemos.LAST_DAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    static final int DAYS = 40;

    @TempDir
    Path dir;

    ConnectionSpec build(String engine) {
        if (engine.equals("sqlite")) {
            TestDemos.build(dir, 4, 60, 7);
            return DemoPlatform.connection(dir);
        }
        String url = TestPostgres.newDatabase();
        DemoPlatform.build(new DemoSpec(dir, 4, 60, 7, DemoScale.SMALL, url, TestDemos.LAST_DAY, false), Progress.NONE, new Cancellation());
        return new ConnectionSpec("demo-pg", url, null, dir.toString(), "integramon");
    }

    static PurgePlan plan(PlatformSession s, String tenant, boolean archiveFirst) {
        return MakePurgePlan.make(s, new PurgeRequest(PurgeConfigFiles.policy(Map.of(), RetentionDefaults.STANDARD, null)
                .withDaysToKeep(DAYS), tenant, List.of(), archiveFirst, true, NOW), Progress.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void childrenGoFirstTenantsKeepTheirOwnRetentionAndLogsFollowTheirRules(String engine) throws Exception {
        ConnectionSpec spec = build(engine);
        try (PlatformSession s = PlatformSession.open(spec, PasswordSource.NONE)) {
            PurgePlan plan = plan(s, null, false);
            // The tenant with its own days_to_keep (30) gets a step of its own; children come before their parent.
            List<String> order = plan.steps().stream().map(TableStep::table).toList();
            assertThat(order.indexOf("cpipayload")).isLessThan(order.indexOf("cpimessagelog"));
            assertThat(order.indexOf("cpimessagelogruns")).isLessThan(order.indexOf("cpimessagelog"));
            TableStep root = plan.steps().stream().filter(t -> t.table().equals("cpimessagelog") && t.days() == DAYS).findFirst().orElseThrow();
            assertThat(root.dependents()).extracting(d -> d.table()).contains("cpicustomheaderproperties", "cpipayload");
            Map<Long, Instant> cutoffs = new HashMap<>();
            plan.steps().stream().filter(t -> t.table().equals("cpimessagelog")).forEach(t -> {
                if (t.tenantIds().size() == 1) {
                    cutoffs.put(t.tenantIds().get(0), t.cutoff());
                }
            });
            assertThat(cutoffs).hasSize(1);
            assertThat(cutoffs.values()).containsExactly(NOW.minus(30, java.time.temporal.ChronoUnit.DAYS));
            Instant general = NOW.minus(DAYS, java.time.temporal.ChronoUnit.DAYS);

            List<DemoRows.Row> logsBefore;
            List<DemoRows.Row> payloadsBefore;
            try (Connection c = s.database().connection()) {
                logsBefore = DemoRows.read(c, "cpimessagelog", "log_start", null);
                payloadsBefore = DemoRows.read(c, "cpipayload", "created_at", "message_log_id");
            }
            long jobLogsKept = plan.files().stream().filter(f -> f.kind() == FileDelete.Kind.JOB_LOG).count();
            assertThat(jobLogsKept).isPositive();
            assertThat(plan.files()).allSatisfy(f -> assertThat(f.path()).startsWith(f.root()));
            assertThat(plan.archives()).isNotEmpty();

            PurgeResult result = RunPurge.run(s, plan, RunPurge.Options.of(PurgeJournal.inMemory(), null), Progress.NONE, new Cancellation());
            assertThat(result.outcome()).isEqualTo(PurgeResult.Outcome.DONE);
            assertThat(result.filesDeleted()).isEqualTo(plan.files().size());
            assertThat(result.rows()).isEqualTo(plan.rows()); // the plan counted each row once, dependents included

            try (Connection c = s.database().connection()) {
                for (String child : List.of("cpimessagelogruns", "cpipayload", "cpimessageattachment", "cpicustomheaderproperties")) {
                    assertThat(DemoRows.orphans(c, child)).as(child).isZero();
                }
                Set<Long> expectedLogs = logsBefore.stream()
                        .filter(r -> !r.time().isBefore(cutoffs.getOrDefault(r.tenant(), general)))
                        .map(DemoRows.Row::id).collect(Collectors.toSet());
                Set<Long> logsAfter = DemoRows.read(c, "cpimessagelog", "log_start", null).stream().map(DemoRows.Row::id).collect(Collectors.toSet());
                assertThat(logsAfter).isEqualTo(expectedLogs);
                Set<Long> expectedPayloads = payloadsBefore.stream()
                        .filter(r -> expectedLogs.contains(r.parent()) && !r.time().isBefore(cutoffs.getOrDefault(r.tenant(), general)))
                        .map(DemoRows.Row::id).collect(Collectors.toSet());
                Set<Long> payloadsAfter = DemoRows.read(c, "cpipayload", "created_at", "message_log_id").stream()
                        .map(DemoRows.Row::id).collect(Collectors.toSet());
                assertThat(payloadsAfter).isEqualTo(expectedPayloads);
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM cconfig")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(4);
                }
            }
            for (FileDelete f : plan.files()) {
                assertThat(f.path()).doesNotExist();
            }
            for (FileDelete a : plan.archives()) {
                assertThat(a.path()).exists(); // archives past their window are listed; the Archive screen expires them
            }
            // Job logs inside their retention stay.
            try (Stream<Path> all = Files.walk(dir)) {
                assertThat(all.filter(p -> p.toString().contains("/logs/jobs/") && p.toString().endsWith(".log"))).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void aFailingArchiveDeletesNothingAndATenantsFailureKeepsThatTenant(String engine) throws Exception {
        ConnectionSpec spec = build(engine);
        try (PlatformSession s = PlatformSession.open(spec, PasswordSource.NONE)) {
            Map<String, Long> before = counts(s);
            long filesBefore = files(dir);
            ArchiveGate failing = (plan, config, c) -> new ArchiveGate.GateResult(List.of(
                    new ArchiveGate.Failure(null, null, "The archive plugin 'sample' failed: disk full.")));
            PurgeResult result = RunPurge.run(s, plan(s, null, true), RunPurge.Options.of(PurgeJournal.inMemory(), null)
                    .withGate(failing, Map.of()), Progress.NONE, new Cancellation());
            assertThat(result.outcome()).isEqualTo(PurgeResult.Outcome.PARTIAL);
            assertThat(result.rows()).isZero();
            assertThat(result.problems()).anyMatch(p -> p.contains("disk full"));
            assertThat(counts(s)).isEqualTo(before);
            assertThat(files(dir)).isEqualTo(filesBefore);

            // One tenant's archive fails: its rows stay, every other tenant's old rows go.
            String tenant = s.tenants().get(0).name();
            long tenantId = s.tenants().get(0).id();
            ArchiveGate oneFails = (plan, config, c) -> new ArchiveGate.GateResult(List.of(
                    new ArchiveGate.Failure("cpimessagelog", tenant, "The archive of " + tenant + " did not verify.")));
            PurgePlan plan = plan(s, null, true);
            long tenantLogs;
            try (Connection c = s.database().connection()) {
                tenantLogs = DemoRows.read(c, "cpimessagelog", "log_start", null).stream().filter(r -> r.tenant() == tenantId).count();
            }
            PurgeResult second = RunPurge.run(s, plan, RunPurge.Options.of(PurgeJournal.inMemory(), null).withGate(oneFails, Map.of()),
                    Progress.NONE, new Cancellation());
            assertThat(second.outcome()).isEqualTo(PurgeResult.Outcome.PARTIAL);
            assertThat(second.rows()).isPositive();
            try (Connection c = s.database().connection()) {
                assertThat(DemoRows.read(c, "cpimessagelog", "log_start", null).stream().filter(r -> r.tenant() == tenantId).count())
                        .isEqualTo(tenantLogs);
                assertThat(DemoRows.orphans(c, "cpipayload")).isZero();
            }
        }
    }

    static Map<String, Long> counts(PlatformSession s) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = s.database().connection()) {
            for (String t : List.of("cpimessagelog", "cpimessagelogruns", "cpipayload", "cpimessageattachment",
                    "cpicustomheaderproperties", "cmetricsnapshot", "cworkerjobrun", "cpiarchive")) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static long files(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}
