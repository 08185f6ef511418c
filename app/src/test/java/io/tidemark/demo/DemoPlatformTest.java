package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.demo.DemoReport;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo platform on SQLite: DESIGN.md §1's schema and layout, realistic shape, deterministic. */
class DemoPlatformTest {

    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    static Path temp;
    static Path dir;
    static DemoReport report;

    @BeforeAll
    static void build() {
        dir = temp.resolve("demo");
        report = new DemoPlatformBuilder(spec(dir, 7)).build(Progress.NONE, new Cancellation());
    }

    static DemoSpec spec(Path out, long seed) {
        return new DemoSpec(out, 6, 50, seed, DemoScale.SMALL, null, LAST_DAY, false);
    }

    static Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("platform.sqlite3"));
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void createsEveryReferenceTableWithForeignKeysThatDoNotCascade() throws SQLException {
        try (Connection c = open()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            List<String> expected = new ArrayList<>(DemoSchema.TABLES);
            expected.add(DemoSchema.MARKER_TABLE);
            assertThat(tables).containsExactlyInAnyOrderElementsOf(expected);
            List<String> rules = new ArrayList<>();
            for (String t : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT on_delete FROM pragma_foreign_key_list('" + t + "')")) {
                    while (rs.next()) {
                        rules.add(t + ":" + rs.getString(1));
                    }
                }
            }
            assertThat(rules).hasSize(9).allSatisfy(r -> assertThat(r).endsWith(":NO ACTION"));
            assertThat(count(c, "SELECT count(*) FROM pragma_foreign_key_check")).isZero();
        }
    }

    @Test
    void reportsTheRowsItWrote() throws SQLException {
        try (Connection c = open()) {
            for (Map.Entry<String, Long> e : report.rowsPerTable().entrySet()) {
                assertThat(count(c, "SELECT count(*) FROM " + e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(report.rowsPerTable().get("cpimessagelog")).isGreaterThan(10_000);
    }

    @Test
    void tenantVolumesDifferByTwoOrdersOfMagnitude() throws SQLException {
        try (Connection c = open(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT config_id, count(*) FROM cpimessagelog WHERE log_start < '2026-10-30' GROUP BY config_id")) {
            List<Long> counts = new ArrayList<>();
            while (rs.next()) {
                counts.add(rs.getLong(2));
            }
            long max = counts.stream().mapToLong(Long::longValue).max().orElseThrow();
            long min = counts.stream().mapToLong(Long::longValue).min().orElseThrow();
            assertThat((double) max / min).isBetween(60.0, 170.0);
        }
    }

    @Test
    void trafficGrowsHasAWeeklyRhythmAndOneBurst() throws SQLException {
        Map<String, Long> perDay = new TreeMap<>();
        try (Connection c = open(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT substr(log_start, 1, 10), count(*) FROM cpimessagelog GROUP BY 1")) {
            while (rs.next()) {
                perDay.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(perDay).hasSize(50);
        List<Long> weekdays = new ArrayList<>();
        List<Long> weekends = new ArrayList<>();
        perDay.forEach((day, n) -> {
            java.time.DayOfWeek dow = LocalDate.parse(day).getDayOfWeek();
            (dow == java.time.DayOfWeek.SATURDAY || dow == java.time.DayOfWeek.SUNDAY ? weekends : weekdays).add(n);
        });
        double weekday = weekdays.stream().mapToLong(Long::longValue).average().orElseThrow();
        double weekend = weekends.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(weekend / weekday).isLessThan(0.6);
        List<Long> days = new ArrayList<>(perDay.values());
        double firstWeeks = days.subList(0, 14).stream().mapToLong(Long::longValue).average().orElseThrow();
        double lastWeeks = days.subList(36, 50).stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(lastWeeks / firstWeeks).isGreaterThan(1.3);
        // The burst: the busiest tenant has days at several times its usual volume.
        try (Connection c = open()) {
            long busiest = count(c, "SELECT config_id FROM cpimessagelog GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
            long peak = count(c, "SELECT max(n) FROM (SELECT substr(log_start,1,10) d, count(*) n FROM cpimessagelog"
                    + " WHERE config_id = " + busiest + " GROUP BY 1) x");
            long median = count(c, "SELECT n FROM (SELECT substr(log_start,1,10) d, count(*) n FROM cpimessagelog"
                    + " WHERE config_id = " + busiest + " GROUP BY 1 ORDER BY 2) LIMIT 1 OFFSET 25");
            assertThat(peak).isGreaterThan(median * 4);
        }
    }

    @Test
    void tenantSettingsMoveJobLogsAndSetTheirOwnRetention() throws SQLException {
        try (Connection c = open()) {
            assertThat(count(c, "SELECT count(*) FROM cconfigext WHERE name = 'jobs.logs' AND value LIKE '%{data_dir}%{config}%'")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM cconfigext WHERE name = 'retention' AND value LIKE '%days_to_keep%'")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM cconfig WHERE is_active = 0")).isEqualTo(1);
        }
        try (Stream<Path> moved = Files.list(dir.resolve("cold-logs/globex/logs/jobs/archive_cpi_day"))) {
            assertThat(moved.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.log"))).isNotEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(dir.resolve("globex/logs")).doesNotExist();
        assertThat(dir.resolve("acme-prod/logs/jobs/fetch_message_logs/2026-11-20.log")).isRegularFile();
    }

    @Test
    void jobAndRunLogsMatchTheJobRunTableAndTheirTimes() throws SQLException, IOException {
        try (Connection c = open(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT c.name, r.job_name, r.run_id, r.finished_at FROM cworkerjobrun r JOIN cconfig c ON c.id = r.config_id"
                        + " WHERE c.name = 'acme-prod' ORDER BY r.id LIMIT 40")) {
            int seen = 0;
            while (rs.next()) {
                Path log = dir.resolve("acme-prod/logs/runs").resolve(rs.getString(2)).resolve(rs.getString(3) + ".log");
                assertThat(log).isRegularFile();
                String finished = rs.getString(4).replace(' ', 'T').substring(0, 19);
                assertThat(Files.getLastModifiedTime(log).toInstant().toString()).startsWith(finished);
                seen++;
            }
            assertThat(seen).isEqualTo(40);
        }
    }

    @Test
    void archivesOnDiskMatchTheArchiveTable() throws Exception {
        try (Connection c = open(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT c.name, a.file_name, a.size_bytes, a.row_count, a.sha256, a.compressed, a.archive_date FROM cpiarchive a"
                        + " JOIN cconfig c ON c.id = a.config_id ORDER BY a.id")) {
            int archives = 0;
            boolean sawCompressed = false;
            while (rs.next()) {
                Path file = dir.resolve(rs.getString(1)).resolve("archive").resolve(rs.getString(2));
                assertThat(file).isRegularFile();
                assertThat(Files.size(file)).isEqualTo(rs.getLong(3));
                assertThat(io.tidemark.files.archive.ArchiveFiles.sha256(file)).isEqualTo(rs.getString(5));
                String expectedName = rs.getString(1) + "_" + rs.getString(7).replace('-', '_') + ".archive.sqlite"
                        + (rs.getBoolean(6) ? ".gz" : "");
                assertThat(rs.getString(2)).isEqualTo(expectedName);
                if (rs.getBoolean(6) && !sawCompressed) {
                    sawCompressed = true;
                    assertThat(archiveRows(file, temp.resolve("unpacked.sqlite"))).isEqualTo(rs.getLong(4));
                } else if (archives == 0) {
                    assertThat(archiveRows(file, null)).isEqualTo(rs.getLong(4));
                }
                archives++;
            }
            assertThat(archives).isGreaterThan(100);
            assertThat(sawCompressed).isTrue();
        }
    }

    /** Rows in an archive file, counted by opening it (unpacking a .gz first). */
    private static long archiveRows(Path file, Path unpackTo) throws Exception {
        Path sqlite = file;
        if (unpackTo != null) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                Files.copy(in, unpackTo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            sqlite = unpackTo;
        }
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite)) {
            for (String t : List.of("cpimessagelog", "cpimessagelogruns", "cpipayload", "cpimessageattachment", "cpicustomheaderproperties")) {
                rows += count(c, "SELECT count(*) FROM " + t);
            }
            assertThat(count(c, "SELECT count(*) FROM tidemark_manifest WHERE key IN ('tenant','day','format')")).isEqualTo(3);
            assertThat(count(c, "SELECT sum(row_count) FROM tidemark_tables")).isEqualTo(rows);
        }
        return rows;
    }

    @Test
    void writesRotatedServiceLogFamilies() {
        assertThat(dir.resolve("logs/gunicorn.log")).isRegularFile();
        assertThat(dir.resolve("logs/gunicorn.log.1")).isRegularFile();
        assertThat(dir.resolve("logs/gunicorn.log.4")).doesNotExist();
        assertThat(dir.resolve("logs/django/publish_sync.log")).isRegularFile();
    }

    @Test
    void theSameSeedGivesTheSamePlatformAndAnotherSeedAnother() throws IOException {
        Path again = temp.resolve("again");
        DemoReport second = new DemoPlatformBuilder(spec(again, 7)).build(Progress.NONE, new Cancellation());
        assertThat(second.rowsPerTable()).isEqualTo(report.rowsPerTable());
        assertThat(fileSizes(again)).isEqualTo(fileSizes(dir));
        Path other = temp.resolve("other");
        DemoReport third = new DemoPlatformBuilder(spec(other, 8)).build(Progress.NONE, new Cancellation());
        assertThat(third.rowsPerTable().get("cpimessagelog")).isNotEqualTo(report.rowsPerTable().get("cpimessagelog"));
    }

    /** Every file's path and size, except the database itself (SQLite page layout is not part of the promise). */
    private static Map<String, Long> fileSizes(Path root) throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString();
                if (!name.startsWith("platform.sqlite3") && !name.equals(DemoPlatformBuilder.MARKER)) {
                    sizes.put(name, Files.size(p));
                }
            }
        }
        return sizes;
    }

    @Test
    void refusesToBuildOverAFolderThatIsNotADemoAndReplacesOnlyWhenAsked() throws IOException {
        Path foreign = temp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("precious.txt"), "keep me");
        assertThatThrownBy(() -> new DemoPlatformBuilder(spec(foreign, 7)).build(Progress.NONE, new Cancellation()))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("not a Tidemark demo");
        assertThat(foreign.resolve("precious.txt")).hasContent("keep me");

        assertThatThrownBy(() -> new DemoPlatformBuilder(spec(dir, 7)).build(Progress.NONE, new Cancellation()))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("--replace");
    }

    @Test
    void cancellingStopsTheBuild() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> new DemoPlatformBuilder(spec(temp.resolve("cancelled"), 7)).build(Progress.NONE, cancel))
                .isInstanceOf(Cancellation.CancelledException.class);
    }
}
