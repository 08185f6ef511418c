package io.tidemark.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.SizeNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The treemap's tree adds up at every level, down to folders. */
class StorageTreeTest {

    @TempDir
    Path temp;

    private static SizeNode child(SizeNode node, String name) {
        return node.children().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyLevelAddsUpToTheScan() {
        Path demo = TestDemos.build(temp.resolve("demo"), 3, 20, 4);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            StorageReport report = ReadStorage.read(session, new UserFolders(temp.resolve("c"), temp.resolve("d")), false, false,
                    Progress.NONE, new Cancellation());
            SizeNode root = StorageTree.of(report);
            SizeNode dataDir = root; // the SQLite database lives in DATA_DIR: one tree, nothing counted twice
            assertThat(root.name()).isEqualTo("DATA_DIR");
            assertThat(dataDir.bytes()).isEqualTo(report.dataDir().totalBytes());
            assertThat(dataDir.children().stream().mapToLong(SizeNode::bytes).sum()).isEqualTo(dataDir.bytes());
            SizeNode acme = child(dataDir, "acme-prod");
            SizeNode runLogs = child(acme, "run logs");
            assertThat(runLogs.children()).isNotEmpty().allSatisfy(f -> assertThat(f.name()).startsWith("acme-prod/logs/runs/"));
            assertThat(runLogs.children().stream().mapToLong(SizeNode::bytes).sum()).isEqualTo(runLogs.bytes());
            SizeNode database = child(dataDir, "database file");
            assertThat(database.bytes()).isEqualTo(report.dataDir().database().bytes());
            assertThat(database.children()).extracting(SizeNode::name).contains("cpipayload");
            assertThat(root.children().get(0).bytes()).isGreaterThanOrEqualTo(root.children().get(1).bytes());
        }
    }
}
