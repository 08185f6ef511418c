package io.tidemark.files;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.ScanProblem;
import java.nio.file.Path;
import java.util.List;

/** Scans a folder and prints what it counted and what it could not: run as another user by {@link UnreadableFolderTest}. */
public final class ScanMain {

    private ScanMain() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        DataDirUsage usage = new DataDirScanner(new ScanMemory(), 2).scan(new DataDirLayout(dataDir, dataDir.resolve("logs"), List.of(),
                "archive", "logs/jobs", "logs/runs", List.of("platform.sqlite3")), Progress.NONE, new Cancellation());
        System.out.println("files " + usage.fileTotal().files() + " bytes " + usage.fileTotal().bytes());
        for (ScanProblem p : usage.problems()) {
            System.out.println("problem " + p.kind() + " " + p.path());
        }
    }
}
