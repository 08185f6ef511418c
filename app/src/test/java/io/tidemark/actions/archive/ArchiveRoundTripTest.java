package io.tidemark.actions.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.TestDemos;
import io.tidemark.TestPostgres;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveCheck;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.BrowsePage;
import io.tidemark.core.archive.FolderCheck;
import io.tidemark.core.archive.RestoreReport;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.HistoryQuery;
import io.tidemark.core.history.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export → delete the rows → restore → the rows are identical, on SQLite and PostgreSQL, in both archive formats. */
class ArchiveRoundTripTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 15);

    @TempDir
    Path temp;

    @Test
    void sqlitePlatformRoundTripsThroughACompressedSqliteArchive() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 3, 12, 7);
        HistoryStore history = HistoryStore.open(temp.resolve("history.sqlite"), Clock.systemUTC());
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            String tenant = busiestTenant(session, DAY);
            roundTrip(session, tenant, DAY, ArchiveFormat.SQLITE, true, history);

            // the same archive browses, with a search
            ArchiveEntry entry = ListArchives.list(session, tenant).stream().filter(e -> e.name().day().equals(DAY)).findFirst().orElseThrow();
            assertThat(entry.file().getFileName().toString()).isEqualTo(tenant + "_2026_11_15.archive.sqlite.gz");
            try (BrowseArchive browse = BrowseArchive.open(entry.file(), new Cancellation())) {
                BrowsePage all = browse.page("cpimessagelog", null, 0, 5, new Cancellation());
                assertThat(all.matching()).isEqualTo(browse.manifest().table("cpimessagelog").orElseThrow().rows());
                assertThat(all.rows()).hasSize((int) Math.min(5, all.matching()));
                String guid = all.rows().get(0).get(all.columns().indexOf("message_guid"));
                BrowsePage found = browse.page("cpimessagelog", guid.substring(2, 12).toUpperCase(), 0, 5, new Cancellation());
                assertThat(found.matching()).isEqualTo(1);
                assertThat(found.rows().get(0)).contains(guid);
            }
        }
        List<HistoryEntry> recorded = history.list(HistoryQuery.all());
        assertThat(recorded).extracting(HistoryEntry::kind).contains("archive-export", "archive-restore");
        assertThat(recorded).allMatch(e -> e.outcome() == Outcome.DONE);
    }

    @Test
    void postgresPlatformRoundTripsThroughBothFormats() throws Exception {
        String url = TestPostgres.newDatabase();
        Path demo = temp.resolve("pg");
        DemoPlatform.build(new DemoSpec(demo, 3, 12, 7, DemoScale.SMALL, url, TestDemos.LAST_DAY, false), Progress.NONE, new Cancellation());
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("pg", url, null, demo.toString(), "integramon"),
                PasswordSource.NONE)) {
            String tenant = busiestTenant(session, DAY);
            roundTrip(session, tenant, DAY, ArchiveFormat.SQLITE, false, null);
            roundTrip(session, tenant, DAY.plusDays(1), ArchiveFormat.POSTGRES, true, null);
            roundTrip(session, tenant, DAY.plusDays(2), ArchiveFormat.POSTGRES, false, null);

            ArchiveEntry script = ListArchives.list(session, tenant).stream()
                    .filter(e -> e.name().format() == ArchiveFormat.POSTGRES && !e.name().compressed()).findFirst().orElseThrow();
            // A script cut short or with an edited row is reported, not trusted.
            String text = Files.readString(script.file());
            Path cut = Files.createDirectories(temp.resolve("cut")).resolve(script.file().getFileName());
            Files.writeString(cut, text.substring(0, text.length() / 2));
            assertThat(VerifyArchives.file(cut, new Cancellation()).summary()).contains("truncated");
            Path edited = Files.createDirectories(temp.resolve("edited")).resolve(script.file().getFileName());
            Files.writeString(edited, text.replaceFirst("\tCOMPLETED\t", "\tFAILED\t"));
            assertThat(VerifyArchives.file(edited, new Cancellation()).problems()).singleElement().asString()
                    .contains("cpimessagelog", "checksum");
            try (BrowseArchive browse = BrowseArchive.open(script.file(), new Cancellation())) {
                BrowsePage page = browse.page("cpipayload", null, 1, 2, new Cancellation());
                assertThat(page.matching()).isEqualTo(browse.manifest().table("cpipayload").orElseThrow().rows());
                assertThat(page.rows()).hasSize(2);
                assertThat(page.rows().get(0).get(page.columns().indexOf("content"))).startsWith("\\x");
            }

            // Every tenant's other days side by side (several connections, both formats): each archive holds exactly
            // its tenant-day's rows and verifies.
            List<ExportArchive.Request> batch = new java.util.ArrayList<>();
            for (LocalDate d = DAY.minusDays(4); d.isBefore(DAY); d = d.plusDays(1)) {
                for (var t : session.tenants()) {
                    batch.add(new ExportArchive.Request(t.name(), d, d.getDayOfMonth() % 2 == 0 ? ArchiveFormat.POSTGRES : ArchiveFormat.SQLITE,
                            d.getDayOfMonth() % 3 == 0));
                }
            }
            ExportArchive.Batch done = ExportArchive.runAll(session, batch, 4, null, Progress.NONE, new Cancellation());
            assertThat(done.failed()).isEmpty();
            assertThat(done.exported()).hasSize(batch.size());
            try (Connection c = session.database().connection()) {
                for (ExportArchive.Result r : done.exported()) {
                    long id = session.tenants().stream().filter(t -> t.name().equals(r.manifest().tenant())).findFirst().orElseThrow().id();
                    assertThat(r.manifest().totalRows()).as(r.entry().name().fileName())
                            .isEqualTo(ArchiveFixtures.total(ArchiveFixtures.rows(c, DatabaseKind.POSTGRESQL, id, r.manifest().day())));
                }
            }
            assertThat(VerifyArchives.all(session, false, Progress.NONE, new Cancellation()).ok()).isTrue();

            // A batch reads in one snapshot: a message written while it runs is in none of its archives.
            var last = session.tenants().get(session.tenants().size() - 1);
            LocalDate late = DAY.plusDays(4);
            List<ExportArchive.Request> more = new java.util.ArrayList<>();
            for (LocalDate d = DAY.plusDays(3); !d.isAfter(late); d = d.plusDays(1)) {
                for (var t : session.tenants()) {
                    more.add(new ExportArchive.Request(t.name(), d, ArchiveFormat.POSTGRES, false));
                }
            }
            long rowsBefore;
            try (Connection c = session.database().connection()) {
                rowsBefore = ArchiveFixtures.total(ArchiveFixtures.rows(c, DatabaseKind.POSTGRESQL, last.id(), late));
            }
            java.util.concurrent.atomic.AtomicBoolean written = new java.util.concurrent.atomic.AtomicBoolean();
            ExportArchive.Batch snapshot = ExportArchive.runAll(session, more, 2, null, (f, m) -> {
                if (written.compareAndSet(false, true)) {
                    try (Connection c = session.database().connection(); var ps = c.prepareStatement(
                            "INSERT INTO cpimessagelog SELECT * FROM jsonb_populate_record(NULL::cpimessagelog, (SELECT to_jsonb(m)"
                                    + " || jsonb_build_object('id', (SELECT max(id) + 1 FROM cpimessagelog), 'message_guid', 'written-during-the-batch')"
                                    + " FROM cpimessagelog m WHERE config_id = ? AND log_start >= ? AND log_start < ? LIMIT 1))")) {
                        ps.setLong(1, last.id());
                        ps.setObject(2, late.atStartOfDay().atOffset(ZoneOffset.UTC));
                        ps.setObject(3, late.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
                        assertThat(ps.executeUpdate()).isEqualTo(1);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, new Cancellation());
            assertThat(snapshot.failed()).isEmpty();
            ExportArchive.Result lastOne = snapshot.exported().get(snapshot.exported().size() - 1);
            assertThat(lastOne.manifest().tenant()).isEqualTo(last.name());
            assertThat(lastOne.manifest().day()).isEqualTo(late);
            assertThat(lastOne.manifest().totalRows()).isEqualTo(rowsBefore);
            try (Connection c = session.database().connection()) {
                assertThat(ArchiveFixtures.total(ArchiveFixtures.rows(c, DatabaseKind.POSTGRESQL, last.id(), late))).isEqualTo(rowsBefore + 1);
            }
        }
    }

    @Test
    void aPostgresArchiveRestoresWithPsqlAlone() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")), "psql is installed");
        String url = TestPostgres.newDatabase();
        Path demo = temp.resolve("pg");
        DemoPlatform.build(new DemoSpec(demo, 2, 12, 9, DemoScale.SMALL, url, TestDemos.LAST_DAY, false), Progress.NONE, new Cancellation());
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("pg", url, null, demo.toString(), "integramon"),
                PasswordSource.NONE)) {
            String tenant = busiestTenant(session, DAY);
            ExportArchive.Result result = ExportArchive.run(session, new ExportArchive.Request(tenant, DAY, ArchiveFormat.POSTGRES, true),
                    null, Progress.NONE, new Cancellation());
            try (Connection c = session.database().connection()) {
                long id = ArchiveFixtures.tenantId(c, tenant);
                Map<String, List<List<String>>> before = ArchiveFixtures.rows(c, DatabaseKind.POSTGRESQL, id, DAY);
                ArchiveFixtures.delete(c, DatabaseKind.POSTGRESQL, id, DAY);
                assertThat(ArchiveFixtures.total(ArchiveFixtures.rows(c, DatabaseKind.POSTGRESQL, id, DAY))).isZero();
                String libpq = toLibpq(url);
                Process p = new ProcessBuilder("sh", "-c", "gunzip -c '" + result.entry().file() + "' | psql -X -q -v ON_ERROR_STOP=1 -d '" + libpq + "'")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(out).isZero();
                assertThat(ArchiveFixtures.rows(c, DatabaseKind.POSTGRESQL, id, DAY)).isEqualTo(before);
            }
        }
    }

    /** The tenant with the most message logs on {@code day}. */
    static String busiestTenant(PlatformSession session, LocalDate day) throws Exception {
        String best = null;
        long most = -1;
        try (Connection c = session.database().connection()) {
            for (var t : session.tenants()) {
                long n = ArchiveFixtures.rows(c, session.info().kind(), t.id(), day).get("cpimessagelog").size();
                if (n > most) {
                    most = n;
                    best = t.name();
                }
            }
        }
        return best;
    }

    /** jdbc:postgresql://host:port/db?user=u&password=p → postgresql://u:p@host:port/db */
    static String toLibpq(String jdbc) {
        String rest = jdbc.substring("jdbc:postgresql://".length());
        String query = rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "";
        String hostDb = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        String user = null;
        String password = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("user=")) {
                user = pair.substring(5);
            } else if (pair.startsWith("password=")) {
                password = pair.substring(9);
            }
        }
        return "postgresql://" + (user == null ? "" : user + (password == null ? "" : ":" + password) + "@") + hostDb;
    }

    private static void roundTrip(PlatformSession session, String tenant, LocalDate day, ArchiveFormat format, boolean gzip,
                                  HistoryStore history) throws Exception {
        DatabaseKind kind = session.info().kind();
        ExportArchive.Result result = ExportArchive.run(session, new ExportArchive.Request(tenant, day, format, gzip), history,
                Progress.NONE, new Cancellation());
        assertThat(result.entry().file()).exists();
        assertThat(result.entry().recorded()).isTrue();
        ArchiveCheck check = VerifyArchives.file(result.entry().file(), result.entry().record(), new Cancellation());
        assertThat(check.problems()).isEmpty();
        try (Connection c = session.database().connection()) {
            long id = ArchiveFixtures.tenantId(c, tenant);
            Map<String, List<List<String>>> before = ArchiveFixtures.rows(c, kind, id, day);
            assertThat(before.get("cpimessagelog")).isNotEmpty();
            assertThat(before.get("cpipayload")).isNotEmpty();
            assertThat(result.manifest().totalRows()).isEqualTo(ArchiveFixtures.total(before));
            for (String table : ArchiveFixtures.FAMILY) {
                assertThat(result.manifest().table(table).orElseThrow().rows()).as(table).isEqualTo(before.get(table).size());
            }
            assertThat(ArchiveFixtures.delete(c, kind, id, day)).isEqualTo(ArchiveFixtures.total(before));

            RestoreArchive.Plan plan = RestoreArchive.plan(session, result.entry().file(), new Cancellation());
            assertThat(plan.describe()).contains("tenant " + tenant, day.toString(), "cpipayload");
            RestoreReport report = RestoreArchive.run(session, plan, history, Progress.NONE, new Cancellation());
            assertThat(report.restored()).isEqualTo(ArchiveFixtures.total(before));
            assertThat(report.skipped()).isZero();
            assertThat(report.tables()).extracting(RestoreReport.TableRestore::table).containsExactlyElementsOf(ArchiveFixtures.FAMILY);
            assertThat(ArchiveFixtures.rows(c, kind, id, day)).isEqualTo(before);

            // Restoring again skips every row: they are all there.
            RestoreReport again = RestoreArchive.run(session, plan, history, Progress.NONE, new Cancellation());
            assertThat(again.restored()).isZero();
            assertThat(again.skipped()).isEqualTo(ArchiveFixtures.total(before));
            assertThat(ArchiveFixtures.rows(c, kind, id, day)).isEqualTo(before);
        }
    }

    @Test
    void theDemoArchivesVerifyAndExpireByTheDateInTheirName() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 3, 14, 3);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            List<ArchiveEntry> entries = ListArchives.list(session, null);
            assertThat(entries).isNotEmpty().allMatch(ArchiveEntry::hasFile).allMatch(ArchiveEntry::recorded);
            FolderCheck check = VerifyArchives.all(session, false, Progress.NONE, new Cancellation());
            assertThat(check.files()).hasSameSizeAs(entries);
            assertThat(check.files()).allSatisfy(f -> assertThat(f.problems()).isEmpty());
            assertThat(check.ok()).isTrue();

            Clock clock = Clock.fixed(TestDemos.LAST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            var plan = ExpireArchives.plan(session, 11, clock);
            assertThat(plan.firstKeptDay()).isEqualTo(LocalDate.of(2026, 11, 9));
            assertThat(plan.archives()).isNotEmpty().allMatch(e -> e.name().day().isBefore(plan.firstKeptDay()));
            List<ArchiveEntry> kept = entries.stream().filter(e -> !e.name().day().isBefore(plan.firstKeptDay())).toList();
            assertThat(kept).isNotEmpty();
            ExpireArchives.Result result = ExpireArchives.run(session, plan, null, Progress.NONE, new Cancellation());
            assertThat(result.deletedFiles()).isEqualTo(plan.archives().size());
            assertThat(result.deletedRows()).isEqualTo(plan.archives().size());
            assertThat(plan.archives()).allSatisfy(e -> assertThat(e.file()).doesNotExist());
            assertThat(ListArchives.list(session, null)).hasSameSizeAs(kept);
            assertThat(VerifyArchives.all(session, false, Progress.NONE, new Cancellation()).ok()).isTrue();
        }
    }

    @Test
    void aBatchCancelledMidwayKeepsOnlyCompleteRecordedArchives() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 3, 14, 5);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            int before = ListArchives.list(session, null).size();
            List<ExportArchive.Request> requests = new java.util.ArrayList<>();
            for (LocalDate d = LocalDate.of(2026, 11, 11); d.isBefore(LocalDate.of(2026, 11, 18)); d = d.plusDays(1)) {
                for (var t : session.tenants()) {
                    requests.add(new ExportArchive.Request(t.name(), d, ArchiveFormat.SQLITE, true));
                }
            }
            cancelAfter(session, requests, 3);
            int written = ListArchives.list(session, null).size() - before;
            assertThat(written).isBetween(1, requests.size() - 1);
            FolderCheck check = VerifyArchives.all(session, false, Progress.NONE, new Cancellation());
            assertThat(check.leftovers()).isEmpty();
            assertThat(check.ok()).as(check.toString()).isTrue();

            // The rest of the batch, asked again: what is there is refused one by one, the others are written.
            ExportArchive.Batch rest = ExportArchive.runAll(session, requests, 2, null, Progress.NONE, new Cancellation());
            assertThat(rest.failed()).hasSize(written).allMatch(f -> f.reason().contains("already has"));
            assertThat(rest.exported()).hasSize(requests.size() - written);
            assertThat(ListArchives.list(session, null)).hasSize(before + requests.size());
            assertThat(VerifyArchives.all(session, false, Progress.NONE, new Cancellation()).ok()).isTrue();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(300) // a request nobody settles would make the batch wait for ever
    void aPostgresBatchCancelledMidwayLeavesNoTemporaryFile() throws Exception {
        String url = TestPostgres.newDatabase();
        Path demo = temp.resolve("pg");
        DemoPlatform.build(new DemoSpec(demo, 3, 12, 7, DemoScale.SMALL, url, TestDemos.LAST_DAY, false), Progress.NONE, new Cancellation());
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("pg", url, null, demo.toString(), "integramon"),
                PasswordSource.NONE)) {
            int before = ListArchives.list(session, null).size();
            // Every tenant of each day: the days are read whole, then their archives finished one by one.
            List<ExportArchive.Request> requests = new java.util.ArrayList<>();
            for (LocalDate d = DAY.minusDays(4); d.isBefore(DAY.plusDays(2)); d = d.plusDays(1)) { // days not yet archived
                for (var t : session.tenants()) {
                    requests.add(new ExportArchive.Request(t.name(), d, ArchiveFormat.SQLITE, d.getDayOfMonth() % 2 == 0));
                }
            }
            cancelAfter(session, requests, 2);
            int written = ListArchives.list(session, null).size() - before;
            assertThat(written).isBetween(1, requests.size() - 1);
            FolderCheck check = VerifyArchives.all(session, false, Progress.NONE, new Cancellation());
            assertThat(check.leftovers()).as("temporary files left by the cancelled batch").isEmpty();
            assertThat(check.ok()).as(check.toString()).isTrue();
        }
    }

    /** Runs the batch on two workers and cancels it once {@code done} tenant-days have ended; it must say so. */
    private static void cancelAfter(PlatformSession session, List<ExportArchive.Request> requests, int done) {
        Cancellation cancel = new Cancellation();
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> ExportArchive.runAll(session, requests, 2, null, (f, m) -> {
            if (seen.incrementAndGet() == done) {
                cancel.cancel();
            }
        }, cancel)).isInstanceOf(Cancellation.CancelledException.class);
    }

    @Test
    void aTenantNameThatIsAPathNeverLeadsOutOfItsFolder() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 2, 12, 3);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            String known = session.tenants().get(0).name();
            try (Connection c = session.database().connection()) {
                c.createStatement().execute("INSERT INTO cconfig (name, created_at, is_active) VALUES ('../../etc', '2026-01-01 00:00:00', 1)");
            }
            assertThatThrownBy(() -> ExportArchive.run(session, new ExportArchive.Request("../../etc", DAY, ArchiveFormat.SQLITE, false),
                    null, Progress.NONE, new Cancellation()))
                    .isInstanceOf(TidemarkException.class).hasMessageContaining("not a plain folder name");
            assertThat(temp.resolve("etc")).doesNotExist();
            assertThat(ListArchives.list(session, "../../etc")).isEmpty();
            assertThatThrownBy(() -> ExportArchive.run(session, new ExportArchive.Request("nobody", DAY, ArchiveFormat.SQLITE, false),
                    null, Progress.NONE, new Cancellation()))
                    .isInstanceOf(TidemarkException.class).hasMessageContaining("No tenant is named 'nobody'");
            assertThatThrownBy(() -> ExportArchive.run(session, new ExportArchive.Request(known, DAY,
                    ArchiveFormat.POSTGRES, false), null, Progress.NONE, new Cancellation()))
                    .isInstanceOf(TidemarkException.class).hasMessageContaining("PostgreSQL");
        }
    }
}
