package io.tidemark.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.TenantFolders;
import io.tidemark.core.storage.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DATA_DIR scan on real files: every byte in its place, as du and stat count them. */
public class DataDirScannerTest {

    @TempDir
    Path temp;
    Path dataDir;
    Path outside;

    @BeforeEach
    void tree() throws IOException {
        dataDir = temp.resolve("data");
        outside = temp.resolve("elsewhere");
        write("platform.sqlite3", 4096);
        write("platform.sqlite3-journal", 512);
        write("exports/report.csv", 300);
        write("logs/gunicorn.log", 1000);
        write("logs/gunicorn.log.1", 2000);
        write("logs/gunicorn.log.2.gz", 300);
        write("logs/django/django.log.10", 700);
        write("acme/archive/acme_2026_11_01.archive.sqlite", 5000);
        write("acme/archive/acme_2026_11_02.archive.sqlite.gz", 1200);
        write("acme/logs/jobs/fetch/2026-11-01.log", 800);
        write("acme/logs/runs/fetch/r1.log", 90);
        write("acme/logs/runs/fetch/r2.log", 110);
        write("acme/uploads/logo.png", 640);
        // globex's job logs were moved by its settings, to a folder under DATA_DIR
        write("cold/globex/logs/jobs/sync/2026-11-01.log", 333);
        write("cold/globex/logs/runs/sync/r9.log", 44);
        write("globex/archive/globex_2026_11_01.archive.sqlite", 2500);
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.txt"), "x".repeat(10_000));
        Files.createSymbolicLink(dataDir.resolve("acme/uploads/escape"), outside);
        Files.setLastModifiedTime(dataDir.resolve("acme/logs/jobs/fetch/2026-11-01.log"), FileTime.from(Instant.parse("2026-11-01T23:59:00Z")));
    }

    private void write(String relative, int bytes) throws IOException {
        Path file = dataDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }

    DataDirLayout layout(String... extraTenants) {
        List<TenantFolders> tenants = new java.util.ArrayList<>(List.of(
                new TenantFolders("acme", dataDir.resolve("acme"), dataDir.resolve("acme")),
                new TenantFolders("globex", dataDir.resolve("globex"), dataDir.resolve("cold/globex"))));
        for (String t : extraTenants) {
            tenants.add(new TenantFolders(t, dataDir.resolve(t), dataDir.resolve(t)));
        }
        return new DataDirLayout(dataDir, dataDir.resolve("logs"), tenants, "archive", "logs/jobs", "logs/runs",
                List.of("platform.sqlite3"));
    }

    DataDirUsage scan(ScanMemory memory, DataDirLayout layout) {
        return new DataDirScanner(memory, 2).scan(layout, Progress.NONE, new Cancellation());
    }

    @Test
    void putsEveryFileInItsTenantAndCategory() {
        DataDirUsage usage = scan(new ScanMemory(), layout());
        assertThat(usage.tenant("acme", FileCategory.ARCHIVES).bytes()).isEqualTo(6200);
        assertThat(usage.tenant("acme", FileCategory.ARCHIVES).files()).isEqualTo(2);
        assertThat(usage.tenant("acme", FileCategory.JOB_LOGS).bytes()).isEqualTo(800);
        assertThat(usage.tenant("acme", FileCategory.JOB_LOGS).newestMillis()).isEqualTo(Instant.parse("2026-11-01T23:59:00Z").toEpochMilli());
        assertThat(usage.tenant("acme", FileCategory.RUN_LOGS).bytes()).isEqualTo(200);
        assertThat(usage.tenant("globex", FileCategory.JOB_LOGS).bytes()).isEqualTo(333);
        assertThat(usage.tenant("globex", FileCategory.RUN_LOGS).bytes()).isEqualTo(44);
        assertThat(usage.tenant("globex", FileCategory.ARCHIVES).bytes()).isEqualTo(2500);
        assertThat(usage.serviceLogs()).containsOnlyKeys("gunicorn.log", "django/django.log");
        assertThat(usage.serviceLogs().get("gunicorn.log")).extracting(Usage::files, Usage::bytes).containsExactly(3L, 3300L);
        assertThat(usage.database().bytes()).isEqualTo(4608);
        assertThat(usage.unassigned().bytes()).isEqualTo(300);
    }

    @Test
    void neverFollowsALinkOutOfTheRootsAndSaysSo() throws IOException {
        DataDirUsage usage = scan(new ScanMemory(), layout());
        long linkSize = Files.readSymbolicLink(dataDir.resolve("acme/uploads/escape")).toString().length();
        assertThat(usage.tenant("acme", FileCategory.TENANT_OTHER).bytes()).isEqualTo(640 + linkSize);
        assertThat(usage.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("link-outside");
            assertThat(p.path()).endsWith("escape");
        });
        assertThat(usage.fileTotal().bytes()).isLessThan(10_000 + 20_000);
    }

    @Test
    void countsTheSameBytesAsDuAndStat() throws Exception {
        DataDirUsage usage = scan(new ScanMemory(), layout());
        assertThat(usage.totalBytes()).isEqualTo(duApparentBytes(dataDir));
        long statFiles;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            statFiles = walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> {
                        try {
                            return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                                    java.nio.file.LinkOption.NOFOLLOW_LINKS).size();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sum();
        }
        assertThat(usage.fileTotal().bytes()).isEqualTo(statFiles);
    }

    static long duApparentBytes(Path dir) throws Exception {
        Process du = new ProcessBuilder("du", "-s", "--apparent-size", "-b", dir.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(du.waitFor()).as(out).isZero();
        return Long.parseLong(out.split("\\s+")[0]);
    }

    /** Folders as they are on a live share: last changed a while ago (a folder changed this very second is not trusted). */
    public static void ageFolders(Path root) throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setLastModifiedTime(p, hourAgo);
            }
        }
    }

    @Test
    void aRescanReusesUnchangedFoldersAndSeesWhatChanged() throws IOException {
        ageFolders(dataDir);
        ScanMemory memory = new ScanMemory();
        DataDirUsage first = scan(memory, layout());
        assertThat(first.reusedFolders()).isZero();
        DataDirUsage again = scan(memory, layout());
        assertThat(again.reusedFolders()).isPositive();
        assertThat(again.tenants()).isEqualTo(first.tenants());
        assertThat(again.totalBytes()).isEqualTo(first.totalBytes());

        // A new archive changes its folder; a recent log that grows in place does not, and is still seen.
        write("acme/archive/acme_2026_11_03.archive.sqlite", 7000);
        Files.write(dataDir.resolve("acme/logs/runs/fetch/r2.log"), new byte[500]);
        DataDirUsage third = scan(memory, layout());
        assertThat(third.tenant("acme", FileCategory.ARCHIVES).bytes()).isEqualTo(13_200);
        assertThat(third.tenant("acme", FileCategory.RUN_LOGS).bytes()).isEqualTo(590);
    }

    @Test
    void aFolderRememberedForOneTenantIsListedAfreshWhenTheLayoutChanges() throws IOException {
        ageFolders(dataDir);
        ScanMemory memory = new ScanMemory();
        scan(memory, layout());
        // The platform gains a tenant whose folder was until now "other files" in DATA_DIR.
        write("exports/keep.txt", 1);
        List<TenantFolders> tenants = new java.util.ArrayList<>(layout().tenants());
        tenants.add(new TenantFolders("exports", dataDir.resolve("exports"), dataDir.resolve("exports")));
        DataDirLayout withExports = new DataDirLayout(dataDir, dataDir.resolve("logs"), tenants, "archive", "logs/jobs", "logs/runs",
                List.of("platform.sqlite3"));
        DataDirUsage usage = scan(memory, withExports);
        assertThat(usage.tenant("exports", FileCategory.TENANT_OTHER).bytes()).isEqualTo(301);
        assertThat(usage.unassigned().bytes()).isZero();
    }

    @Test
    void anUnsafeTenantNameIsReportedAndNothingOutsideIsCounted() {
        DataDirUsage usage = scan(new ScanMemory(), layout("../elsewhere"));
        assertThat(usage.tenants()).doesNotContainKey("../elsewhere");
        assertThat(usage.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("unsafe-tenant"));
        assertThat(usage.fileTotal().bytes()).isLessThan(10_000 + 20_000);
    }

    @Test
    void aMissingTenantFolderHoldsNothingAndAVanishedOneIsNoError() throws IOException {
        DataDirUsage usage = scan(new ScanMemory(), layout("never-created"));
        assertThat(usage.tenants().get("never-created")).isEmpty();
        assertThat(usage.problems()).noneMatch(p -> p.kind().equals("vanished"));
    }

    @Test
    void twoTenantsPointingAtOneFolderAreCountedOnceAndReported() {
        List<TenantFolders> tenants = new java.util.ArrayList<>(layout().tenants());
        tenants.add(new TenantFolders("acme-copy", dataDir.resolve("acme"), dataDir.resolve("acme")));
        DataDirUsage usage = scan(new ScanMemory(), new DataDirLayout(dataDir, dataDir.resolve("logs"), tenants, "archive",
                "logs/jobs", "logs/runs", List.of("platform.sqlite3")));
        assertThat(usage.tenant("acme", FileCategory.ARCHIVES).bytes()).isEqualTo(6200);
        assertThat(usage.tenant("acme-copy", FileCategory.ARCHIVES).bytes()).isZero();
        assertThat(usage.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("shared-folder");
            assertThat(p.leftSomethingOut()).isTrue();
        });
    }

    @Test
    void cancellingStopsTheScan() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> new DataDirScanner(new ScanMemory(), 2).scan(layout(), Progress.NONE, cancel))
                .isInstanceOf(Cancellation.CancelledException.class);
    }
}
