package io.tidemark.actions.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.core.Cancellation;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract the purge relies on: archives and plugins run first, and a failing plugin withholds what it covers. */
class ArchiveBeforePurgeTest {

    @TempDir
    static Path temp;
    static Path demo;
    static final Instant CUTOFF = Instant.parse("2026-11-14T00:00:00Z");

    @BeforeAll
    static void buildDemo() {
        demo = TestDemos.build(temp.resolve("demo"), 2, 12, 4);
    }

    @Test
    void theCsvPluginWritesTheScopesRowsAndEveryScopeIsCovered() throws Exception {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            String tenant = session.tenants().get(0).name();
            List<ArchiveScope> scopes = List.of(new ArchiveScope(tenant, "cpimessagelog", CUTOFF, -1),
                    new ArchiveScope(tenant, "cpicustomheaderproperties", CUTOFF, -1));
            var result = ArchiveBeforePurge.run(session, new ArchiveBeforePurge.Request(scopes,
                    List.of(new ArchiveBeforePurge.TenantDay(tenant, LocalDate.of(2026, 11, 13))), ArchiveFormat.SQLITE, false,
                    Map.of("enabled_plugins", Map.of("archives", List.of("csv")))), null, Progress.NONE, new Cancellation());
            assertThat(result.allCovered()).as(result.failed().toString()).isTrue();
            assertThat(result.covered()).containsExactlyElementsOf(scopes);
            assertThat(result.archives()).singleElement().satisfies(e -> assertThat(e.file()).exists());

            Path csvFolder = ArchiveSite.of(session).requireFolder(tenant).resolve("plugins/csv");
            Path messages = csvFolder.resolve("cpimessagelog_tenant_before_20261114T000000Z.csv");
            Path headers = csvFolder.resolve("cpicustomheaderproperties_tenant_before_20261114T000000Z.csv");
            try (Connection c = session.database().connection()) {
                long id = ArchiveFixtures.tenantId(c, tenant);
                assertThat(Files.readAllLines(messages)).hasSize(1 + (int) count(c,
                        "SELECT count(*) FROM cpimessagelog WHERE config_id = " + id + " AND log_start < '2026-11-14 00:00:00'"));
                assertThat(Files.readAllLines(headers)).hasSize(1 + (int) count(c,
                        "SELECT count(*) FROM cpicustomheaderproperties WHERE message_log_id IN (SELECT id FROM cpimessagelog"
                                + " WHERE config_id = " + id + " AND log_start < '2026-11-14 00:00:00')"));
            }
            assertThat(Files.readAllLines(messages).get(0)).isEqualTo("id,config_id,message_guid,iflow,status,log_start,log_end");
        }
    }

    @Test
    void aFailingPluginStopsThePurgeOfWhatItCoversAndSaysWhy() throws Exception {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            String tenant = session.tenants().get(1).name();
            ArchiveScope payloads = new ArchiveScope(tenant, "cpipayload", CUTOFF, 1200);
            ArchiveScope metrics = new ArchiveScope(null, "cmetricsnapshot", CUTOFF, -1);
            var result = ArchiveBeforePurge.run(session, new ArchiveBeforePurge.Request(List.of(payloads, metrics), List.of(),
                    ArchiveFormat.SQLITE, false, Map.of("enabled_plugins", Map.of("archives", List.of("failing", "csv")),
                    "failing_tables", List.of("cpipayload"))), null, Progress.NONE, new Cancellation());
            assertThat(result.allCovered()).isFalse();
            assertThat(result.covered()).containsExactly(metrics);
            assertThat(result.failed()).containsOnlyKeys(payloads);
            assertThat(result.failed().get(payloads)).contains("'failing'", "tape library is offline", "cpipayload", "not purged");
            assertThat(session.dataDir().orElseThrow().resolve("tidemark-archive-plugins/plugins/csv")
                    .resolve("cmetricsnapshot_all-tenants_before_20261114T000000Z.csv")).exists();
        }
    }

    @Test
    void anEnabledPluginThatIsNotInstalledCoversNothing() throws Exception {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            ArchiveScope scope = new ArchiveScope(null, "cworkerjobrun", CUTOFF, -1);
            var result = ArchiveBeforePurge.run(session, new ArchiveBeforePurge.Request(List.of(scope), List.of(), ArchiveFormat.SQLITE,
                    false, Map.of("enabled_plugins", Map.of("archives", Map.of("s3", true)))), null, Progress.NONE, new Cancellation());
            assertThat(result.covered()).isEmpty();
            assertThat(result.failed().get(scope)).contains("'s3' is enabled but not installed", "csv", "failing");
        }
    }

    @Test
    void aFailedExportWithholdsTheTenantsFamilyTables() throws Exception {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            String tenant = session.tenants().get(0).name();
            ArchiveScope messages = new ArchiveScope(tenant, "cpimessagelog", CUTOFF, -1);
            ArchiveScope other = new ArchiveScope(session.tenants().get(1).name(), "cpimessagelog", CUTOFF, -1);
            // postgres format from a SQLite platform cannot be exported
            var result = ArchiveBeforePurge.run(session, new ArchiveBeforePurge.Request(List.of(messages, other),
                    List.of(new ArchiveBeforePurge.TenantDay(tenant, LocalDate.of(2026, 11, 12))), ArchiveFormat.POSTGRES, false,
                    Map.of()), null, Progress.NONE, new Cancellation());
            assertThat(result.covered()).containsExactly(other);
            assertThat(result.failed().get(messages)).contains("The archive of tenant " + tenant + ", 2026-11-12 failed");
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
