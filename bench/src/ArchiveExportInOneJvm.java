import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.archive.ExportArchive;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.Tenant;
import io.tidemark.core.archive.ArchiveFormat;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;

/**
 * Exports one day of every tenant with the real use case (temp file, fsync, re-read verification, rename, archive-table
 * row), in one JVM, RUNS times; after each run the archives are removed (not timed). Prints "rows seconds" per run.
 * Usage: ArchiveExportInOneJvm JDBC_URL DATA_DIR DAY RUNS FORMAT GZIP
 */
public class ArchiveExportInOneJvm {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        LocalDate day = LocalDate.parse(args[2]);
        int runs = Integer.parseInt(args[3]);
        ArchiveFormat format = ArchiveFormat.parse(args[4]);
        boolean gzip = Boolean.parseBoolean(args[5]);
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("bench", url, null, args[1], "integramon"), PasswordSource.NONE)) {
            for (int run = 0; run < runs; run++) {
                long rows = 0;
                java.util.List<ExportArchive.Result> written = new java.util.ArrayList<>();
                long start = System.nanoTime();
                for (Tenant t : session.tenants()) {
                    ExportArchive.Result r = ExportArchive.run(session, new ExportArchive.Request(t.name(), day, format, gzip), null,
                            Progress.NONE, new Cancellation());
                    rows += r.manifest().totalRows();
                    written.add(r);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(java.util.Locale.ROOT, "%d %.3f%n", rows, seconds);
                try (Connection c = session.database().connection();
                     PreparedStatement ps = c.prepareStatement("DELETE FROM cpiarchive WHERE id = ?")) {
                    for (ExportArchive.Result r : written) {
                        ps.setLong(1, r.entry().record().id());
                        ps.executeUpdate();
                        Files.delete(r.entry().file());
                    }
                }
            }
        }
    }
}
