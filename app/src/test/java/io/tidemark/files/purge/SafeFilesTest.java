package io.tidemark.files.purge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deletes never leave their root: no '..', no link (to a file or a folder), no tenant name can take them elsewhere. */
class SafeFilesTest {

    @TempDir
    Path dir;

    @Test
    void deletesARegularFileInsideItsRoot() throws Exception {
        Path root = Files.createDirectories(dir.resolve("data/acme/logs/jobs"));
        Path file = Files.writeString(Files.createDirectories(root.resolve("sync")).resolve("2026-01-01.log"), "x");
        assertThat(SafeFiles.deleteFile(root, file)).isTrue();
        assertThat(file).doesNotExist();
        assertThat(SafeFiles.deleteFile(root, file)).isFalse();
    }

    @Test
    void refusesDotDotAndPathsOutsideTheRoot() throws Exception {
        Path root = Files.createDirectories(dir.resolve("data/acme"));
        Path victim = Files.writeString(dir.resolve("passwd"), "keep me");
        assertThatThrownBy(() -> SafeFiles.deleteFile(root, root.resolve("../../passwd"))).isInstanceOf(SafeFiles.OutsideRootException.class);
        assertThatThrownBy(() -> SafeFiles.deleteFile(root, victim)).isInstanceOf(SafeFiles.OutsideRootException.class);
        // A tenant named like a path: its "folder" resolves outside DATA_DIR and is refused.
        Path data = dir.resolve("data");
        assertThatThrownBy(() -> SafeFiles.deleteTree(data, data.resolve("../../etc"))).isInstanceOf(SafeFiles.OutsideRootException.class);
        assertThatThrownBy(() -> SafeFiles.deleteTree(data, data)).isInstanceOf(SafeFiles.OutsideRootException.class);
        assertThat(victim).hasContent("keep me");
    }

    @Test
    void neverFollowsALinkToAFileOrThroughALinkedFolder() throws Exception {
        Path root = Files.createDirectories(dir.resolve("data/acme/logs/jobs"));
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Path precious = Files.writeString(outside.resolve("2020-01-01.log"), "precious");
        Path linkedFolder = Files.createSymbolicLink(root.resolve("job"), outside);
        Path linkToFile = Files.createSymbolicLink(root.resolve("2020-01-02.log"), precious);
        assertThatThrownBy(() -> SafeFiles.deleteFile(root, linkedFolder.resolve("2020-01-01.log")))
                .isInstanceOf(SafeFiles.OutsideRootException.class);
        assertThatThrownBy(() -> SafeFiles.deleteFile(root, linkToFile)).isInstanceOf(SafeFiles.OutsideRootException.class);
        assertThat(precious).hasContent("precious");
        // A root that is itself a link is refused.
        Path linkedRoot = Files.createSymbolicLink(dir.resolve("data/linked"), outside);
        assertThatThrownBy(() -> SafeFiles.deleteFile(linkedRoot, linkedRoot.resolve("2020-01-01.log")))
                .isInstanceOf(SafeFiles.OutsideRootException.class);
        assertThat(precious).exists();
    }

    @Test
    void aTreeDeleteRemovesLinksButNotTheirTargets() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path tenant = Files.createDirectories(data.resolve("acme/archive"));
        Files.writeString(tenant.resolve("acme_2026_01_01.archive.sqlite"), "12345");
        Path outside = Files.writeString(dir.resolve("outside.txt"), "stay");
        Files.createSymbolicLink(tenant.resolve("link.txt"), outside);
        long[] counted = SafeFiles.deleteTree(data, data.resolve("acme"));
        assertThat(counted[0]).isEqualTo(2);
        assertThat(counted[1]).isEqualTo(5);
        assertThat(data.resolve("acme")).doesNotExist();
        assertThat(outside).hasContent("stay");
    }
}
