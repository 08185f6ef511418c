import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.logs.LogLine;
import io.tidemark.core.logs.LogQuery;
import io.tidemark.files.logs.LogFile;
import io.tidemark.files.logs.LogSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tidemark's log engine in one JVM, as the desktop app runs it: the first screen of a freshly opened file (before any
 * index), the line index build, counts of a fixed string and of a regex, and the heap the open file costs.
 * Usage: LogsInOneJvm FILE RUNS FIXED REGEX. Prints "measure seconds [count]" lines; the first run includes JIT warm-up.
 */
public final class LogsInOneJvm {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        String fixed = args[2];
        String regex = args[3];
        int threads = Runtime.getRuntime().availableProcessors();
        long baseline = usedAfterGc();
        for (int r = 0; r < runs; r++) {
            long s = System.nanoTime();
            LogFile log = LogFile.open(file);
            List<LogLine> screen = log.lines(0, 60);
            double firstScreen = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            log.buildIndex(threads, Progress.NONE, new Cancellation());
            double index = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            long fixedCount = LogSearch.count(log, LogQuery.text(fixed), threads, new Cancellation());
            double fixedTime = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            long regexCount = LogSearch.count(log, new LogQuery(regex, true, false, null, null, null), threads, new Cancellation());
            double regexTime = (System.nanoTime() - s) / 1e9;
            // What the viewer holds besides the index: its page cache (48 pages of 256 lines) from the middle of the file.
            List<LogLine> cache = new ArrayList<>(log.lines(log.lineCount() / 2, 48 * 256));
            long heap = usedAfterGc() - baseline;
            System.out.printf("first_screen %.4f%nindex %.4f %d%nfixed %.4f %d%nregex %.4f %d%nheap_mb %.1f%n", firstScreen, index,
                    log.lineCount(), fixedTime, fixedCount, regexTime, regexCount, heap / 1048576.0);
            if (screen.isEmpty() || cache.isEmpty()) {
                throw new IllegalStateException("nothing read");
            }
            log.close();
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
