package io.tidemark.actions.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.TestPostgres;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.Tenant;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import io.tidemark.core.growth.Dimension;
import io.tidemark.core.growth.GrowthCategory;
import io.tidemark.core.growth.GrowthPoint;
import io.tidemark.core.growth.GrowthSeries;
import io.tidemark.core.growth.RebuiltVolumes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuilt history against the generated data, counted a different way: one range query per table, tenant and day
 * (no GROUP BY, no date function), and the files against the rows that describe them.
 */
class RebuiltHistoryTest {

    @TempDir
    Path temp;

    @Test
    void rebuiltDailyRowsEqualTheDemosPerDayCountsOnSqlite() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 3, 40, 5);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            checkRows(session);
            checkFiles(session);
            checkHistory(session);
        }
    }

    @Test
    void rebuiltDailyRowsEqualTheDemosPerDayCountsOnPostgres() throws Exception {
        String url = TestPostgres.newDatabase();
        DemoPlatform.build(new DemoSpec(temp.resolve("pg"), 3, 40, 5, DemoScale.SMALL, url, TestDemos.LAST_DAY, false),
                Progress.NONE, new Cancellation());
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("pg", url, null, temp.resolve("pg").toString(), "integramon"),
                PasswordSource.NONE)) {
            assertThat(session.info().kind()).isEqualTo(DatabaseKind.POSTGRESQL);
            checkRows(session);
            checkFiles(session);
            // snapshot --to-platform: one row per tenant and category plus the total, in the platform's metric table.
            java.util.List<io.tidemark.core.growth.StorageSnapshot.TenantSize> sizes = new java.util.ArrayList<>();
            for (Tenant t : session.tenants()) {
                sizes.add(new io.tidemark.core.growth.StorageSnapshot.TenantSize(t.name(), GrowthCategory.ARCHIVES, 2, 1000 * t.id()));
                sizes.add(new io.tidemark.core.growth.StorageSnapshot.TenantSize(t.name(), GrowthCategory.DATABASE, 9, 5));
            }
            java.time.Instant at = java.time.Instant.parse("2026-11-21T06:00:00Z");
            var snapshot = new io.tidemark.core.growth.StorageSnapshot(at, 1, 1, 1, 1, java.util.List.of(), sizes, 0);
            var history = io.tidemark.config.history.HistoryStore.open(temp.resolve("history.sqlite"), java.time.Clock.systemUTC());
            assertThat(RecordSnapshot.writeToPlatform(session, snapshot, history)).isEqualTo(3 * 6);
            var audit = history.list(io.tidemark.core.history.HistoryQuery.all());
            assertThat(audit).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("snapshot");
                assertThat(e.outcome()).isEqualTo(io.tidemark.core.history.Outcome.DONE);
                assertThat(e.message()).startsWith("Added 18 storage metric rows to cmetricsnapshot");
            });
            try (Connection c = session.database().connection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT t.name, m.value FROM cmetricsnapshot m JOIN cconfig t ON t.id = m.config_id "
                            + "WHERE m.metric = 'storage_total_bytes' AND m.taken_at = ? ORDER BY t.id")) {
                ps.setTimestamp(1, Timestamp.from(at));
                try (ResultSet rs = ps.executeQuery()) {
                    for (Tenant t : session.tenants()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo(t.name());
                        assertThat(rs.getDouble(2)).isEqualTo(1000.0 * t.id() + 5);
                    }
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    private static void checkRows(PlatformSession session) throws Exception {
        RebuiltVolumes volumes = ReadGrowth.rebuild(session, Progress.NONE, new Cancellation());
        Map<String, Long> ids = new HashMap<>();
        for (Tenant t : session.tenants()) {
            ids.put(t.name(), t.id());
        }
        boolean pg = session.info().kind() == DatabaseKind.POSTGRESQL;
        Map<String, Long> perTable = new TreeMap<>();
        int checked = 0;
        try (Connection c = session.database().connection()) {
            for (RebuiltVolumes.RowDay r : volumes.rows()) {
                perTable.merge(r.table(), r.rows(), Long::sum);
                String sql = switch (r.table()) {
                    // No timestamp of its own: dated by its message log.
                    case "cpicustomheaderproperties" -> "SELECT count(*) FROM cpicustomheaderproperties WHERE config_id = ? AND "
                            + "message_log_id IN (SELECT id FROM cpimessagelog WHERE log_start >= ? AND log_start < ?)";
                    default -> "SELECT count(*) FROM " + r.table() + " WHERE config_id = ? AND "
                            + session.profile().table(r.table()).orElseThrow().retentionColumn() + " >= ? AND "
                            + session.profile().table(r.table()).orElseThrow().retentionColumn() + " < ?";
                };
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, ids.get(r.tenant()));
                    bindDay(ps, 2, r.day(), pg, r.table().equals("cpiarchive"));
                    bindDay(ps, 3, r.day().plusDays(1), pg, r.table().equals("cpiarchive"));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(r.rows()).as(r.toString()).isEqualTo(rs.getLong(1));
                        checked++;
                    }
                }
            }
            // Every row has its day: nothing was left out.
            for (Map.Entry<String, Long> e : perTable.entrySet()) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + e.getKey())) {
                    rs.next();
                    assertThat(e.getValue()).as(e.getKey()).isEqualTo(rs.getLong(1));
                }
            }
        }
        assertThat(perTable.keySet()).containsExactlyInAnyOrder("cpimessagelog", "cpimessagelogruns", "cpipayload",
                "cpimessageattachment", "cpicustomheaderproperties", "cmetricsnapshot", "cworkerjobrun", "cpiarchive");
        assertThat(checked).isGreaterThan(40 * 3 * 5);
    }

    private static void bindDay(PreparedStatement ps, int index, LocalDate day, boolean pg, boolean dateColumn) throws Exception {
        if (!pg) {
            ps.setString(index, day.toString()); // Django's text: "2026-11-20 13:45:01.123456" sorts after "2026-11-20"
        } else if (dateColumn) {
            ps.setObject(index, day);
        } else {
            ps.setTimestamp(index, Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
    }

    /** Archives by name against their cpiarchive rows; job logs one per job and day; run logs one per job run, on the day it ended. */
    private static void checkFiles(PlatformSession session) throws Exception {
        RebuiltVolumes volumes = ReadGrowth.rebuild(session, Progress.NONE, new Cancellation());
        Map<String, long[]> archives = new TreeMap<>();
        Map<String, Long> jobLogs = new TreeMap<>();
        Map<String, Long> runLogs = new TreeMap<>();
        for (RebuiltVolumes.FileDay f : volumes.files()) {
            String key = f.tenant() + " " + f.day();
            switch (f.category()) {
                case ARCHIVES -> archives.put(key, new long[] {f.files(), f.bytes()});
                case JOB_LOGS -> jobLogs.put(key, f.files());
                case RUN_LOGS -> runLogs.put(key, f.files());
                default -> throw new AssertionError(f);
            }
        }
        boolean pg = session.info().kind() == DatabaseKind.POSTGRESQL;
        Map<String, long[]> expectedArchives = new TreeMap<>();
        Map<String, Long> expectedJobLogs = new TreeMap<>();
        Map<String, Long> expectedRunLogs = new TreeMap<>();
        try (Connection c = session.database().connection()) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT t.name, a.archive_date, a.size_bytes FROM cpiarchive a "
                    + "JOIN cconfig t ON t.id = a.config_id")) {
                while (rs.next()) {
                    expectedArchives.put(rs.getString(1) + " " + rs.getString(2).substring(0, 10), new long[] {1, rs.getLong(3)});
                }
            }
            String started = pg ? "to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')" : "substr(r.started_at, 1, 10)";
            String finished = pg ? "to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')" : "substr(r.finished_at, 1, 10)";
            try (ResultSet rs = c.createStatement().executeQuery("SELECT t.name, " + started + ", count(DISTINCT r.job_name) FROM "
                    + "cworkerjobrun r JOIN cconfig t ON t.id = r.config_id GROUP BY 1, 2")) {
                while (rs.next()) {
                    expectedJobLogs.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT t.name, " + finished + ", count(*) FROM "
                    + "cworkerjobrun r JOIN cconfig t ON t.id = r.config_id GROUP BY 1, 2")) {
                while (rs.next()) {
                    expectedRunLogs.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                }
            }
        }
        assertThat(archives).hasSameSizeAs(expectedArchives).isNotEmpty();
        expectedArchives.forEach((key, v) -> assertThat(archives.get(key)).as(key).containsExactly(v));
        assertThat(jobLogs).isEqualTo(expectedJobLogs);
        assertThat(runLogs).isEqualTo(expectedRunLogs);
    }

    /** The series add up: a table's last point is its current size, and every point before a snapshot is marked rebuilt. */
    private static void checkHistory(PlatformSession session) throws Exception {
        Path home = session.dataDir().orElseThrow().resolveSibling("home");
        UserFolders folders = new UserFolders(home.resolve("config"), home.resolve("data"));
        GrowthReport report = ReadGrowth.read(session, folders, Progress.NONE, new Cancellation());
        assertThat(report.history().snapshots()).isZero();
        GrowthSeries messages = report.history().find(Dimension.TABLE, "cpimessagelog");
        assertThat(messages.points()).allMatch(GrowthPoint::rebuilt);
        assertThat(messages.points().get(0).day()).isEqualTo(TestDemos.LAST_DAY.minusDays(39));
        assertThat(messages.last().day()).isEqualTo(TestDemos.LAST_DAY);
        try (Connection c = session.database().connection(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM cpimessagelog")) {
            rs.next();
            assertThat(messages.last().count()).isEqualTo(rs.getLong(1));
        }
        // Cumulative: never shrinks, and grows on every day the demo logged messages.
        for (int i = 1; i < messages.points().size(); i++) {
            assertThat(messages.points().get(i).bytes()).isGreaterThan(messages.points().get(i - 1).bytes());
        }
        GrowthSeries archives = report.history().find(Dimension.CATEGORY, GrowthCategory.ARCHIVES.key());
        try (Connection c = session.database().connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*), sum(size_bytes) FROM cpiarchive")) {
            rs.next();
            assertThat(archives.last().count()).isEqualTo(rs.getLong(1)).isGreaterThan(30);
            assertThat(archives.last().bytes()).isEqualTo(rs.getLong(2));
        }
        assertThat(report.history().of(Dimension.TENANT)).hasSize(3);
        assertThat(report.dataDirSeries().last().bytes()).isGreaterThan(archives.last().bytes());
    }
}
