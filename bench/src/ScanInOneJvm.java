import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.files.DataDirScanner;
import io.tidemark.files.ScanMemory;
import java.nio.file.Path;
import java.util.List;

/** Full scans of one folder repeated in one JVM, as the desktop app repeats them: prints each run's seconds. */
public class ScanInOneJvm {
    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        DataDirLayout layout = new DataDirLayout(dataDir, dataDir.resolve("logs"), List.of(), "archive", "logs/jobs", "logs/runs",
                List.of("platform.sqlite3"));
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            new DataDirScanner(new ScanMemory(), 2).scan(layout, Progress.NONE, new Cancellation());
            System.out.printf(java.util.Locale.ROOT, "%.3f%n", (System.nanoTime() - start) / 1e9);
        }
    }
}
