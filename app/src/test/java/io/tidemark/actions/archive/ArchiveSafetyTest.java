package io.tidemark.actions.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.TestDemos;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.core.Cancellation;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveCheck;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveName;
import io.tidemark.core.archive.FolderCheck;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash between any two steps of an export leaves no orphan; damaged files and lying manifests are reported. */
class ArchiveSafetyTest {

    @TempDir
    static Path temp;
    static Path demo;

    @BeforeAll
    static void buildDemo() {
        demo = TestDemos.build(temp.resolve("demo"), 2, 14, 21);
    }

    /** What a process killed there leaves: no cleanup code runs (an Error passes every catch of the export). */
    static final class Crash extends Error {
        Crash(ExportArchive.Step step) {
            super("simulated crash after " + step);
        }
    }

    @Test
    void aCrashAfterAnyStepLeavesEitherNoArchiveOrACompleteOneAndNeverARowWithoutItsFile() throws Exception {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            String tenant = ArchiveRoundTripTest.busiestTenant(session, LocalDate.of(2026, 11, 12));
            LocalDate day = LocalDate.of(2026, 11, 12);
            for (ExportArchive.Step step : ExportArchive.Step.values()) {
                day = day.plusDays(1);
                ExportArchive.Step at = step;
                ExportArchive.Request request = new ExportArchive.Request(tenant, day, ArchiveFormat.SQLITE, true);
                assertThatThrownBy(() -> ExportArchive.run(session, request, null, Progress.NONE, new Cancellation(),
                        s -> {
                            if (s == at) {
                                throw new Crash(s);
                            }
                        }, Clock.systemUTC())).isInstanceOf(Crash.class);

                Path finalFile = ArchiveSite.of(session).requireFolder(tenant).resolve(new ArchiveName(tenant, day, ArchiveFormat.SQLITE, true).fileName());
                List<ArchiveEntry> entries = ListArchives.list(session, tenant);
                assertThat(entries).as("after a crash at " + step).noneMatch(e -> e.recorded() && !e.hasFile());
                boolean published = step.compareTo(ExportArchive.Step.RENAMED) >= 0;
                assertThat(Files.exists(finalFile)).as("final file after a crash at " + step).isEqualTo(published);
                if (published) {
                    assertThat(VerifyArchives.file(finalFile, new Cancellation()).problems()).as(step.name()).isEmpty();
                }
                LocalDate d = day;
                boolean recorded = entries.stream().anyMatch(e -> e.name().day().equals(d) && e.recorded());
                assertThat(recorded).as("recorded after a crash at " + step).isEqualTo(step == ExportArchive.Step.RECORDED);

                // Verify reports what the crash left and cleans its temporary files.
                FolderCheck check = VerifyArchives.all(session, false, Progress.NONE, new Cancellation());
                assertThat(check.rowsWithoutFiles()).isEmpty();
                assertThat(check.leftovers().isEmpty()).as("leftovers after " + step).isEqualTo(published);
                assertThat(check.filesWithoutRows().contains(finalFile)).isEqualTo(step == ExportArchive.Step.RENAMED);
                FolderCheck cleaned = VerifyArchives.all(session, true, Progress.NONE, new Cancellation());
                assertThat(cleaned.leftovers()).isEmpty();
                try (Stream<Path> files = Files.list(finalFile.getParent())) {
                    assertThat(files.map(p -> p.getFileName().toString())).noneMatch(ArchiveName::isTemporary);
                }
                if (!published) {
                    // nothing is in the way of exporting the day again
                    ExportArchive.run(session, request, null, Progress.NONE, new Cancellation());
                    assertThat(VerifyArchives.file(finalFile, new Cancellation()).ok()).isTrue();
                }
            }
        }
    }

    @Test
    void aFailureAfterAnyStepBeforeTheRecordLeavesNothingAtAll() throws Exception {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            String tenant = session.tenants().get(1).name();
            Path folder = ArchiveSite.of(session).requireFolder(tenant);
            int before = ListArchives.list(session, tenant).size();
            for (ExportArchive.Step step : ExportArchive.Step.values()) {
                if (step == ExportArchive.Step.RECORDED) {
                    continue;
                }
                ExportArchive.Request request = new ExportArchive.Request(tenant, LocalDate.of(2026, 11, 19), ArchiveFormat.SQLITE, true);
                assertThatThrownBy(() -> ExportArchive.run(session, request, null, Progress.NONE, new Cancellation(), s -> {
                    if (s == step) {
                        throw new java.io.IOException("disk full after " + s);
                    }
                }, Clock.systemUTC())).isInstanceOf(TidemarkException.class).hasMessageContaining("disk full");
                assertThat(ListArchives.list(session, tenant)).as(step.name()).hasSize(before);
                try (Stream<Path> files = Files.list(folder)) {
                    assertThat(files.map(p -> p.getFileName().toString())).as(step.name()).noneMatch(ArchiveName::isTemporary);
                }
            }
        }
    }

    @Test
    void truncatedAndCorruptGzipFilesAreReportedNotTrusted() throws Exception {
        Path gz = anArchive(true);
        byte[] bytes = Files.readAllBytes(gz);
        Path bad = Files.createDirectories(temp.resolve("bad"));
        Path truncated = bad.resolve(gz.getFileName());
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ArchiveCheck t = VerifyArchives.file(truncated, new Cancellation());
        assertThat(t.ok()).isFalse();
        assertThat(t.summary()).contains("truncated");

        Path corruptFolder = Files.createDirectories(temp.resolve("corrupt"));
        Path corrupt = corruptFolder.resolve(gz.getFileName());
        byte[] damaged = bytes.clone();
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            damaged[i] ^= 0x5A;
        }
        Files.write(corrupt, damaged);
        ArchiveCheck c = VerifyArchives.file(corrupt, new Cancellation());
        assertThat(c.ok()).isFalse();
        assertThat(c.summary()).containsAnyOf("corrupt", "truncated");
        assertThatThrownBy(() -> BrowseArchive.open(corrupt, new Cancellation())).isInstanceOf(TidemarkException.class);
    }

    @Test
    void aManifestThatLiesAboutCountsOrRowsIsReported() throws Exception {
        Path original = anArchive(false);
        Path folder = Files.createDirectories(temp.resolve("lies"));
        Path counts = folder.resolve(original.getFileName());
        Files.copy(original, counts);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + counts)) {
            c.createStatement().execute("UPDATE tidemark_tables SET row_count = row_count + 1 WHERE table_name = 'cpipayload'");
        }
        ArchiveCheck lyingCount = VerifyArchives.file(counts, new Cancellation());
        assertThat(lyingCount.problems()).anyMatch(p -> p.contains("cpipayload") && p.contains("manifest says"));

        Path folder2 = Files.createDirectories(temp.resolve("edited"));
        Path edited = folder2.resolve(original.getFileName());
        Files.copy(original, edited);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + edited)) {
            c.createStatement().execute("UPDATE cpimessagelog SET status = 'EDITED' WHERE id = (SELECT min(id) FROM cpimessagelog)");
        }
        ArchiveCheck changed = VerifyArchives.file(edited, new Cancellation());
        assertThat(changed.problems()).anyMatch(p -> p.contains("cpimessagelog") && p.contains("checksum"));

        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            assertThatThrownBy(() -> RestoreArchive.plan(session, edited, new Cancellation()))
                    .isInstanceOf(TidemarkException.class).hasMessageContaining("does not verify");
        }

        Path notArchive = Files.createDirectories(temp.resolve("other")).resolve("acme_2026_11_01.archive.sqlite");
        Files.writeString(notArchive, "hello");
        assertThat(VerifyArchives.file(notArchive, new Cancellation()).ok()).isFalse();
    }

    @Test
    void theArchiveTableIsCheckedAgainstTheFolders() throws Exception {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            List<ArchiveEntry> entries = ListArchives.list(session, null).stream().filter(e -> e.hasFile() && e.recorded()).toList();
            ArchiveEntry gone = entries.get(0);
            ArchiveEntry changed = entries.get(1);
            Path moved = temp.resolve("moved-away");
            Files.move(gone.file(), moved);
            Path stray = gone.file().resolveSibling(gone.tenant() + "_2020_01_01.archive.sqlite");
            Files.copy(moved, stray);
            try (OutputStream out = Files.newOutputStream(changed.file(), java.nio.file.StandardOpenOption.APPEND)) {
                out.write(0);
            }
            FolderCheck check = VerifyArchives.all(session, false, Progress.NONE, new Cancellation());
            assertThat(check.ok()).isFalse();
            assertThat(check.rowsWithoutFiles()).extracting(r -> r.fileName()).containsExactly(gone.name().fileName());
            assertThat(check.filesWithoutRows()).containsExactly(stray);
            assertThat(check.files()).filteredOn(f -> f.file().equals(changed.file())).singleElement()
                    .satisfies(f -> assertThat(String.join(" ", f.problems())).containsAnyOf("SHA-256", "truncated", "corrupt"));
            assertThat(check.files()).filteredOn(f -> f.file().equals(stray)).singleElement()
                    .satisfies(f -> assertThat(f.summary()).contains("named for tenant"));
            Files.move(moved, gone.file());
            Files.delete(stray);
        }
    }

    /** A fresh archive of the demo, compressed or not. */
    private static Path anArchive(boolean gzip) {
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            String tenant = session.tenants().get(0).name();
            LocalDate day = gzip ? LocalDate.of(2026, 11, 11) : LocalDate.of(2026, 11, 12);
            return ListArchives.list(session, tenant).stream().filter(e -> e.name().day().equals(day)
                    && e.name().format() == ArchiveFormat.SQLITE && e.name().compressed() == gzip).findFirst()
                    .map(ArchiveEntry::file)
                    .orElseGet(() -> ExportArchive.run(session, new ExportArchive.Request(tenant, day, ArchiveFormat.SQLITE, gzip), null,
                            Progress.NONE, new Cancellation()).entry().file());
        }
    }

}
