import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.archive.ExportArchive;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.Tenant;
import io.tidemark.core.archive.ArchiveFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports every tenant's days FIRST..LAST with the real use case (ExportArchive.runAll: temp file, fsync, re-read
 * verification, rename, archive-table row, WORKERS side by side), in one JVM, RUNS times; after each run the archives
 * are moved aside (not timed; the script deletes them at the end). Prints "rows seconds archives" per run.
 * Usage: ArchiveExportInOneJvm JDBC_URL DATA_DIR FIRST_DAY LAST_DAY RUNS FORMAT GZIP WORKERS
 */
public class ArchiveExportInOneJvm {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        LocalDate first = LocalDate.parse(args[2]);
        LocalDate last = LocalDate.parse(args[3]);
        int runs = Integer.parseInt(args[4]);
        ArchiveFormat format = ArchiveFormat.parse(args[5]);
        boolean gzip = Boolean.parseBoolean(args[6]);
        int workers = Integer.parseInt(args[7]);
        Path trash = Files.createDirectories(Path.of(args[1]).resolveSibling(Path.of(args[1]).getFileName() + "-trash"));
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("bench", url, null, args[1], "integramon"), PasswordSource.NONE)) {
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                List<ExportArchive.Request> requests = new ArrayList<>();
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    for (Tenant t : session.tenants()) {
                        requests.add(new ExportArchive.Request(t.name(), d, format, gzip));
                    }
                }
                ExportArchive.Batch batch = ExportArchive.runAll(session, requests, workers, null, Progress.NONE, new Cancellation());
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!batch.failed().isEmpty()) {
                    throw new IllegalStateException(batch.failed().size() + " not exported, first: " + batch.failed().get(0));
                }
                System.out.printf(java.util.Locale.ROOT, "%d %.3f %d%n", batch.rows(), seconds, batch.exported().size());
                try (Connection c = session.database().connection();
                     PreparedStatement ps = c.prepareStatement("DELETE FROM cpiarchive WHERE id = ?")) {
                    for (ExportArchive.Result r : batch.exported()) {
                        ps.setLong(1, r.entry().record().id());
                        ps.executeUpdate();
                        // Moved aside, not deleted: on ext4 without a journal (this machine) a file created within
                        // seconds of many deletions in the same block group costs about 1 ms, which would charge the
                        // next run for this clean-up. The bench script deletes the moved files after the last run.
                        Path aside = trash.resolve(ProcessHandle.current().pid() + "-" + run + "-" + r.entry().file().getFileName());
                        Files.move(r.entry().file(), aside);
                    }
                }
            }
        }
    }
}
