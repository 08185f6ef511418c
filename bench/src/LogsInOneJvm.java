import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.logs.LogQuery;
import io.tidemark.files.logs.LogFile;
import io.tidemark.files.logs.LogSearch;
import java.nio.file.Path;

/**
 * Tidemark's log engine in one warm JVM: line index build, counts of a fixed string and a regex, first screen and heap.
 * Usage: LogsInOneJvm FILE RUNS FIXED REGEX   (prints one "name seconds" line per run and measure)
 */
public final class LogsInOneJvm {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        String fixed = args[2];
        String regex = args[3];
        int threads = Runtime.getRuntime().availableProcessors();
        for (int r = 0; r < runs; r++) {
            try (LogFile log = LogFile.open(file)) {
                long s = System.nanoTime();
                log.buildIndex(threads, Progress.NONE, new Cancellation());
                double index = (System.nanoTime() - s) / 1e9;
                s = System.nanoTime();
                long fixedCount = LogSearch.count(log, LogQuery.text(fixed), threads, new Cancellation());
                double fixedTime = (System.nanoTime() - s) / 1e9;
                s = System.nanoTime();
                long regexCount = LogSearch.count(log, new LogQuery(regex, true, false, null, null, null), threads, new Cancellation());
                double regexTime = (System.nanoTime() - s) / 1e9;
                System.out.printf("index %.4f lines %d%nfixed %.4f count %d%nregex %.4f count %d%n", index, log.lineCount(),
                        fixedTime, fixedCount, regexTime, regexCount);
            }
        }
    }
}
