package io.tidemark.actions.purge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.config.purge.PurgeConfigFiles;
import io.tidemark.core.Cancellation;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.HistoryQuery;
import io.tidemark.core.profile.RetentionDefaults;
import io.tidemark.core.purge.PurgeJournal;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archive first, end to end: the purge deletes a tenant-day only once its archive is written and verified. */
class ArchiveFirstPurgeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private static final DateTimeFormatter SQLITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @TempDir
    Path temp;

    private PurgePlan plan(PlatformSession session) {
        return MakePurgePlan.make(session, new PurgeRequest(PurgeConfigFiles.policy(Map.of(), RetentionDefaults.STANDARD, null)
                .withDaysToKeep(50), null, List.of("cpimessagelog"), true, false, NOW), Progress.NONE);
    }

    /** tenant/day of every message log older than the cutoff, and their count. */
    private static List<String> tenantDaysBefore(Connection c, Instant cutoff) throws Exception {
        List<String> days = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT t.name, substr(m.log_start, 1, 10) FROM cpimessagelog m "
                + "JOIN cconfig t ON t.id = m.config_id WHERE m.log_start < '" + SQLITE.format(cutoff) + "' GROUP BY 1, 2 ORDER BY 1, 2")) {
            while (rs.next()) {
                days.add(rs.getString(1) + "/" + rs.getString(2));
            }
        }
        return days;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyTenantDayItDeletesIsArchivedFirstAndBothAreInTheHistory() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 2, 60, 11);
        HistoryStore history = HistoryStore.open(temp.resolve("history.sqlite"), Clock.systemUTC());
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            PurgePlan plan = plan(session);
            Instant cutoff = plan.steps().get(0).cutoff();
            List<String> days;
            try (Connection c = session.database().connection()) {
                days = tenantDaysBefore(c, cutoff);
            }
            assertThat(days).hasSizeGreaterThan(10); // days 51 to 60 back of both tenants: the demo archived only 10 to 45

            PurgeResult result = RunPurge.run(session, plan, RunPurge.Options.of(PurgeJournal.inMemory(), history)
                    .withGate(new ArchiveFirstGate(session, history, Progress.NONE), Map.of()), Progress.NONE, new Cancellation());

            assertThat(result.outcome()).as(result.problems().toString()).isEqualTo(PurgeResult.Outcome.DONE);
            try (Connection c = session.database().connection()) {
                assertThat(count(c, "SELECT count(*) FROM cpimessagelog WHERE log_start < '" + SQLITE.format(cutoff) + "'")).isZero();
                assertThat(count(c, "SELECT count(*) FROM cpimessagelog")).isPositive();
            }
            for (String tenantDay : days) {
                String tenant = tenantDay.substring(0, tenantDay.indexOf('/'));
                String day = tenantDay.substring(tenantDay.indexOf('/') + 1).replace('-', '_');
                Path archiveFolder = demo.resolve(tenant).resolve("archive");
                try (var files = Files.list(archiveFolder)) {
                    assertThat(files.map(f -> f.getFileName().toString()))
                            .as(tenantDay).anyMatch(n -> n.startsWith(tenant + "_" + day + ".archive"));
                }
            }
            assertThat(history.list(HistoryQuery.all())).extracting(HistoryEntry::kind).contains("purge", "archive-export");
        }
    }

    @Test
    void aFailingArchivePluginDeletesNothingItCovers() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 2, 60, 11);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            PurgePlan plan = plan(session);
            Instant cutoff = plan.steps().get(0).cutoff();
            long before;
            try (Connection c = session.database().connection()) {
                before = count(c, "SELECT count(*) FROM cpimessagelog WHERE log_start < '" + SQLITE.format(cutoff) + "'");
            }
            PurgeResult result = RunPurge.run(session, plan, RunPurge.Options.of(PurgeJournal.inMemory(), null)
                    .withGate(new ArchiveFirstGate(session, null, Progress.NONE), Map.of("enabled_plugins",
                            Map.of("archives", List.of("failing")), "failing_tables", List.of("cpimessagelog"))),
                    Progress.NONE, new Cancellation());

            assertThat(result.outcome()).isNotEqualTo(PurgeResult.Outcome.DONE);
            assertThat(String.join(" ", result.problems())).contains("failing");
            try (Connection c = session.database().connection()) {
                assertThat(count(c, "SELECT count(*) FROM cpimessagelog WHERE log_start < '" + SQLITE.format(cutoff) + "'"))
                        .isEqualTo(before);
            }
        }
    }
}
