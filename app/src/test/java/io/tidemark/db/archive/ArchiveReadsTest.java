package io.tidemark.db.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.TestPostgres;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.Tenant;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day read once for several tenants gives each tenant-day exactly the archive a read of that tenant-day alone gives:
 * the same rows in the same order (same checksums), in both formats, with rows of other days and other tenants that
 * share the day's key range left out, and a failing archive leaving the others whole.
 */
class ArchiveReadsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 15);

    @TempDir
    Path temp;

    @Test
    void aDayReadOnceEqualsEachTenantDayReadAlone() throws Exception {
        try (PlatformSession session = demo()) {
            List<Tenant> tenants = new java.util.ArrayList<>(session.tenants());
            try (Connection c = session.database().connection(); Statement s = c.createStatement()) {
                tenants.sort(java.util.Comparator.comparingLong(t -> -expectedRowsUnchecked(s, t.id())));
            }
            Tenant first = tenants.get(0);
            Tenant second = tenants.get(1);
            Tenant left = tenants.get(2); // not in the batch: its rows share the range and must go nowhere
            long moved;
            try (Connection c = session.database().connection(); Statement s = c.createStatement()) {
                ArchiveFamily family = ArchiveFamily.read(c, session.profile());
                assertThat(ArchiveReads.readsByDay(family)).isTrue();
                // A message of the first tenant's day moved to the day before: its key stays inside the day's range.
                try (ResultSet rs = s.executeQuery("SELECT id FROM cpimessagelog WHERE config_id = " + first.id() + " AND log_start >= '"
                        + DAY + "T00:00:00Z' AND log_start < '" + DAY.plusDays(1) + "T00:00:00Z' ORDER BY id OFFSET 1 LIMIT 1")) {
                    assertThat(rs.next()).isTrue();
                    moved = rs.getLong(1);
                }
                assertThat(s.executeUpdate("UPDATE cpimessagelog SET log_start = '" + DAY.minusDays(1) + "T23:59:59Z' WHERE id = " + moved))
                        .isEqualTo(1);

                for (ArchiveFormat format : ArchiveFormat.values()) {
                    Map<Long, ArchiveManifest> alone = new LinkedHashMap<>();
                    for (Tenant t : List.of(first, second)) {
                        try (ArchiveWriter w = ArchiveWriter.open(format, temp.resolve(format + "-alone-" + t.id()), heading(t))) {
                            ArchiveReads.tenantDay(c, ExportSource.OWN, family, t.id(), DAY, w, Progress.NONE, new Cancellation());
                            alone.put(t.id(), w.finish());
                        }
                    }
                    Map<Long, ArchiveManifest> together = new LinkedHashMap<>();
                    try (SharedSnapshot shared = SharedSnapshot.open(session.database(), family)) {
                        Map<Long, List<String>> keys = new LinkedHashMap<>();
                        keys.put(first.id(), shared.keys(DAY).get(first.id()));
                        keys.put(second.id(), shared.keys(DAY).get(second.id()));
                        assertThat(keys.get(first.id())).doesNotContain(Long.toString(moved));
                        long[] range = ArchiveReads.denseRange(keys);
                        assertThat(range).isNotNull();
                        assertThat(range[0]).isLessThan(moved);
                        assertThat(range[1]).isGreaterThan(moved);
                        Map<Long, ArchiveWriter> writers = new LinkedHashMap<>();
                        writers.put(first.id(), ArchiveWriter.open(format, temp.resolve(format + "-day-" + first.id()), heading(first)));
                        writers.put(second.id(), ArchiveWriter.open(format, temp.resolve(format + "-day-" + second.id()), heading(second)));
                        Map<Long, Exception> failed = ArchiveReads.day(c, shared.daySource(), family, range, keys, writers, new Cancellation());
                        assertThat(failed).isEmpty();
                        for (Map.Entry<Long, ArchiveWriter> w : writers.entrySet()) {
                            together.put(w.getKey(), w.getValue().finish());
                            w.getValue().close();
                        }
                    }
                    for (Tenant t : List.of(first, second)) {
                        assertThat(together.get(t.id()).tables()).as(format + " " + t.name()).isEqualTo(alone.get(t.id()).tables());
                        assertThat(together.get(t.id()).totalRows()).isEqualTo(expectedRows(s, t.id()));
                    }
                    assertThat(together.get(first.id()).totalRows()).isPositive();
                }
            }
        }
    }

    @Test
    void aWriterThatFailsIsReportedAndTheOthersComeOutWhole() throws Exception {
        try (PlatformSession session = demo();
             Connection c = session.database().connection(); Statement s = c.createStatement()) {
            ArchiveFamily family = ArchiveFamily.read(c, session.profile());
            List<Tenant> tenants = session.tenants();
            try (SharedSnapshot shared = SharedSnapshot.open(session.database(), family)) {
                Map<Long, List<String>> keys = new LinkedHashMap<>();
                Map<Long, ArchiveWriter> writers = new LinkedHashMap<>();
                for (Tenant t : tenants) {
                    keys.put(t.id(), shared.keys(DAY).get(t.id()));
                    writers.put(t.id(), ArchiveWriter.open(ArchiveFormat.SQLITE, temp.resolve("day-" + t.id()), heading(t)));
                }
                Tenant broken = tenants.get(1);
                writers.get(broken.id()).close(); // its file is gone from under it: every write to it fails
                Map<Long, Exception> failed = ArchiveReads.day(c, shared.daySource(), family, ArchiveReads.denseRange(keys), keys, writers,
                        new Cancellation());
                assertThat(failed).containsOnlyKeys(broken.id());
                for (Tenant t : tenants) {
                    if (t != broken) {
                        assertThat(writers.get(t.id()).finish().totalRows()).isEqualTo(expectedRows(s, t.id()));
                        assertThat(SqliteArchive.verify(temp.resolve("day-" + t.id()), new Cancellation()).problems()).isEmpty();
                    }
                }
            }
        }
    }

    /** A small PostgreSQL demo platform (3 tenants, 12 days). */
    private PlatformSession demo() {
        String url = TestPostgres.newDatabase();
        Path demo = temp.resolve("pg");
        DemoPlatform.build(new DemoSpec(demo, 3, 12, 7, DemoScale.SMALL, url, TestDemos.LAST_DAY, false), Progress.NONE, new Cancellation());
        return PlatformSession.open(new ConnectionSpec("pg", url, null, demo.toString(), "integramon"), PasswordSource.NONE);
    }

    private static ArchiveManifest heading(Tenant t) {
        return new ArchiveManifest(ArchiveManifest.FORMAT_VERSION, t.name(), t.id(), DAY, "message_log", "test", Instant.EPOCH,
                "test", List.of());
    }

    private static long expectedRowsUnchecked(Statement s, long tenant) {
        try {
            return expectedRows(s, tenant);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tenant-day's rows counted by the day's own condition, table by table. */
    private static long expectedRows(Statement s, long tenant) throws Exception {
        String roots = "SELECT id FROM cpimessagelog WHERE config_id = " + tenant + " AND log_start >= '" + DAY
                + "T00:00:00Z' AND log_start < '" + DAY.plusDays(1) + "T00:00:00Z'";
        long n = 0;
        for (String q : List.of("SELECT count(*) FROM (" + roots + ") r",
                "SELECT count(*) FROM cpimessagelogruns WHERE message_log_id IN (" + roots + ")",
                "SELECT count(*) FROM cpipayload WHERE message_log_id IN (" + roots + ")",
                "SELECT count(*) FROM cpimessageattachment WHERE message_log_id IN (" + roots + ")",
                "SELECT count(*) FROM cpicustomheaderproperties WHERE message_log_id IN (" + roots + ")")) {
            try (ResultSet rs = s.executeQuery(q)) {
                rs.next();
                n += rs.getLong(1);
            }
        }
        return n;
    }
}
