package io.tidemark.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.TenantFolders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scanning the demo platform's DATA_DIR through its profile and settings rows, as the scan command does. */
class ScanDataDirTest {

    @TempDir
    static Path temp;
    static Path demo;

    @BeforeAll
    static void buildDemo() {
        demo = TestDemos.build(temp.resolve("demo"), 4, 12, 3);
    }

    @Test
    void followsTheTenantSettingsThatMoveJobLogs() {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            DataDirLayout layout = DataDirLayouts.of(session);
            TenantFolders globex = layout.tenants().stream().filter(t -> t.tenant().equals("globex")).findFirst().orElseThrow();
            assertThat(globex.tenantDir()).isEqualTo(demo.toAbsolutePath().resolve("globex"));
            assertThat(globex.jobLogDir()).isEqualTo(demo.toAbsolutePath().resolve("cold-logs/globex"));
            assertThat(layout.jobLogFolder()).isEqualTo("logs/jobs");
            assertThat(layout.archiveFolder()).isEqualTo("archive");
        }
    }

    @Test
    void countsTheDemoAsDuDoesAndRescansFromMemory() throws Exception {
        UserFolders folders = new UserFolders(temp.resolve("config"), temp.resolve("data"));
        io.tidemark.files.DataDirScannerTest.ageFolders(demo);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            DataDirUsage first = ScanDataDir.scan(session, folders, true, Progress.NONE, new Cancellation());
            Process du = new ProcessBuilder("du", "-s", "--apparent-size", "-b", demo.toString()).start();
            long duBytes = Long.parseLong(new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\s+")[0]);
            assertThat(du.waitFor()).isZero();
            assertThat(first.totalBytes()).isEqualTo(duBytes);
            assertThat(first.problems()).isEmpty();
            assertThat(first.tenant("globex", FileCategory.JOB_LOGS).files()).isPositive();
            assertThat(first.tenant("acme-prod", FileCategory.ARCHIVES).files()).isPositive();
            assertThat(first.serviceLogs()).containsKeys("gunicorn.log", "django/publish_sync.log");
            assertThat(first.database().bytes()).isEqualTo(Files.size(demo.resolve("platform.sqlite3")));

            DataDirUsage again = ScanDataDir.scan(session, folders, true, Progress.NONE, new Cancellation());
            assertThat(again.reusedFolders()).isPositive();
            assertThat(again.tenants()).isEqualTo(first.tenants());

            // A damaged memory file costs a full walk, nothing else.
            try (var files = Files.list(folders.data().resolve("scan-memory"))) {
                Files.writeString(files.findFirst().orElseThrow(), "not a memory file");
            }
            DataDirUsage afterDamage = ScanDataDir.scan(session, folders, true, Progress.NONE, new Cancellation());
            assertThat(afterDamage.reusedFolders()).isZero();
            assertThat(afterDamage.totalBytes()).isEqualTo(first.totalBytes());
        }
    }
}
