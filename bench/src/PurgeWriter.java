import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;

/**
 * The platform writing while a purge runs: inserts one new row at a time into the purged table until STOP_FILE exists,
 * then prints "inserted p50_ms p99_ms max_ms". Usage: java -cp tidemark.jar PurgeWriter.java JDBC_URL TABLE STOP_FILE
 */
public class PurgeWriter {
    public static void main(String[] args) throws Exception {
        Path stop = Path.of(args[2]);
        long[] lat = new long[1 << 20];
        int n = 0;
        try (Connection c = DriverManager.getConnection(args[0]);
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + args[1] + " (eventtype, eventtime, payload) VALUES ('WRITER', now(), 'written during the purge')")) {
            Files.writeString(Path.of(args[2] + ".ready"), "");
            while (!Files.exists(stop) && n < lat.length) {
                long s = System.nanoTime();
                ps.executeUpdate();
                lat[n++] = System.nanoTime() - s;
                Thread.sleep(2); // about 400 inserts a second, a busy platform's rate
            }
        }
        long[] l = Arrays.copyOf(lat, n);
        Arrays.sort(l);
        System.out.printf("%d %.2f %.2f %.2f%n", n, l[n / 2] / 1e6, l[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6, l[n - 1] / 1e6);
    }
}
