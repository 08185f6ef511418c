package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Durations.SECOND;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Writes every service log family of one demo platform; {@code io.tidemark.demo.DemoServiceLogs} is its front. */
public final class ServiceLogWriter {

    // All families share one story: office-hours traffic with quiet nights and weekends, a few container restarts,
    // and one incident (a PostgreSQL connection storm that ends in a crash and recovery) that every service notices.
    // Requests given by the caller are followed across nginx, gunicorn, Django and the Celery queues they enqueue to.

    /** supervisor's stdout_logfile_backups on the platform. */
    private static final int SUPERVISOR_BACKUPS = 3;
    /** backupCount of Django's RotatingFileHandler. */
    private static final int DJANGO_BACKUPS = 10;

    private ServiceLogWriter() {
    }

    /**
     * Writes every service log family under logDir for the time window [from, to), and returns the files written,
     * sorted; the output depends only on the seed, the rotation size and the other arguments.
     */
    public static List<Path> write(long seed, long rotateBytes, Path logDir, Instant from, Instant to,
                                   List<String> requestIds, long approxBytesPerFamily) throws IOException {
        if (rotateBytes < 0) {
            throw new IllegalArgumentException("rotateBytes must not be negative: " + rotateBytes);
        }
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(requestIds, "requestIds");
        if (approxBytesPerFamily <= 0) {
            throw new IllegalArgumentException("approxBytesPerFamily must be positive: " + approxBytesPerFamily);
        }
        // Whole seconds, so that a line printed without milliseconds still falls inside the window.
        long start = Math.floorDiv(from.toEpochMilli() + SECOND - 1, SECOND) * SECOND;
        long end = to.toEpochMilli();
        if (end - start < 10 * SECOND) {
            throw new IllegalArgumentException("the window [" + from + ", " + to + ") is shorter than ten seconds");
        }
        // The share of each family that survives rotation; the requests and the incident are placed inside it.
        double keptShare = rotateBytes == 0 ? 1.0
                : Math.min(1.0, (double) SUPERVISOR_BACKUPS * rotateBytes / approxBytesPerFamily);
        Platform platform = new Platform(seed, start, end, requestIds, keptShare);

        Path djangoDir = logDir.resolve("django");
        Files.createDirectories(djangoDir);
        List<Path> written = new ArrayList<>();
        for (ServiceLog log : families(platform)) {
            RotatingFile file = log.inDjangoFolder()
                    ? new RotatingFile(djangoDir, log.name + ".log", DJANGO_BACKUPS, rotateBytes, true, start)
                    : new RotatingFile(logDir, log.name + ".log", SUPERVISOR_BACKUPS, rotateBytes, false, start);
            try {
                log.generate(file, approxBytesPerFamily);
                written.addAll(file.finish());
            } catch (IOException | RuntimeException e) {
                file.discard();
                throw e;
            }
        }
        Collections.sort(written);
        return List.copyOf(written);
    }

    private static List<ServiceLog> families(Platform platform) {
        List<ServiceLog> logs = new ArrayList<>();
        logs.add(new PostgresLog(platform));
        logs.add(new PgInitLog(platform));
        logs.add(new RedisLog(platform));
        logs.add(new MigrateLog(platform));
        logs.add(new GunicornLog(platform));
        for (CeleryQueue queue : CeleryQueue.ALL) {
            logs.add(new CeleryLog(platform, queue));
        }
        logs.add(new NginxLog(platform));
        logs.add(new LoginActivityLog(platform));
        logs.add(new DjangoLog(platform));
        logs.add(new PublishSyncLog(platform));
        return logs;
    }
}
