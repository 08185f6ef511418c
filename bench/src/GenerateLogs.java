import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

/** Writes a log of about the given size in the platform's formats (Django verbose, Celery, nginx access, job logs). */
public final class GenerateLogs {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        Random random = new Random(42);
        String[] levels = {"INFO", "INFO", "INFO", "INFO", "DEBUG", "DEBUG", "WARNING", "ERROR"};
        String[] paths = {"/api/monitors/", "/health/", "/api/reports/daily/", "/api/messages/search/", "/static/app.css"};
        long written = 0;
        long t = 1_795_000_000_000L;
        StringBuilder line = new StringBuilder(256);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            while (written < target) {
                t += random.nextInt(40);
                String ts = java.time.Instant.ofEpochMilli(t).toString().replace('T', ' ').replace('Z', ' ').trim().replace('.', ',');
                if (ts.length() == 19) {
                    ts += ",000";
                }
                String level = levels[random.nextInt(levels.length)];
                line.setLength(0);
                switch (random.nextInt(4)) {
                    case 0 -> line.append(level).append(' ').append(ts).append(" middleware 27534 139703504316096 request_id=")
                            .append(new UUID(random.nextLong(), random.nextLong())).append(" method=GET path=")
                            .append(paths[random.nextInt(paths.length)]).append(" status=").append(level.equals("ERROR") ? 500 : 200)
                            .append(" duration_ms=").append(random.nextInt(900)).append('.').append(random.nextInt(10));
                    case 1 -> line.append('[').append(ts).append(": ").append(level).append("/ForkPoolWorker-").append(1 + random.nextInt(4))
                            .append("] monitor.tasks.publish_status[").append(new UUID(random.nextLong(), random.nextLong()))
                            .append("]: ").append(level.equals("ERROR") ? "webhook timeout after " + random.nextInt(30000) + "ms"
                                    : "published monitor_id=" + random.nextInt(500));
                    case 2 -> line.append("127.0.0.1 - - [21/Nov/2026:11:0").append(random.nextInt(10)).append(":")
                            .append(10 + random.nextInt(50)).append(" +0000] \"GET ").append(paths[random.nextInt(paths.length)])
                            .append(" HTTP/1.1\" ").append(level.equals("ERROR") ? 502 : 200).append(' ').append(random.nextInt(5000))
                            .append(" \"-\" \"kube-probe/1.27\"");
                    default -> line.append(ts).append(' ').append(level).append(" [acme.fetch_message_logs] run_id=")
                            .append(Long.toHexString(random.nextLong())).append(" fetched page ").append(random.nextInt(400))
                            .append(" rows=").append(random.nextInt(500)).append(level.equals("ERROR") ? " Read timeout after 30s" : "");
                }
                line.append('\n');
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                os.write(bytes);
                written += bytes.length;
            }
        }
    }
}
