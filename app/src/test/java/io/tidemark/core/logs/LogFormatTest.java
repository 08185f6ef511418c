package io.tidemark.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogFormatTest {

    private static List<String> sample(String name) throws IOException {
        try (InputStream in = LogFormatTest.class.getResourceAsStream("/samples/logs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "supervisor/supervisord.log, SUPERVISOR",
        "gunicorn/error.log, GUNICORN",
        "gunicorn/access.log, ACCESS",
        "nginx/access.log, ACCESS",
        "nginx/error.log, NGINX_ERROR",
        "celery/worker.log, CELERY",
        "supervisor/celery-worker.log.1, CELERY",
        "django/django.log, DJANGO_VERBOSE",
        "django/publish_sync.log, PUBLISH_SYNC",
        "postgres.log, POSTGRES",
        "postgres-pgbadger-prefix.log, POSTGRES",
        "postgres-csvlog.csv, POSTGRES",
        "postgres-jsonlog.json, POSTGRES",
        "redis.log, REDIS",
    })
    void theRealSamplesAreRecognisedAndMostLinesCarryTimeAndLevel(String file, LogFormat expected) throws IOException {
        List<String> lines = sample(file);
        LogFormat format = LogFormat.detect(lines.subList(0, Math.min(40, lines.size())));
        assertThat(format).isEqualTo(expected);
        long dated = lines.stream().map(format::parse).filter(LineMeta::hasTime).count();
        long levelled = lines.stream().map(format::parse).filter(m -> m.hasTime() && m.level() != null).count();
        // Tracebacks and continuation lines carry no timestamp of their own; the records' first lines do.
        assertThat(dated).as("lines with a timestamp in %s", file).isGreaterThan(Math.min(lines.size() / 10, 20));
        assertThat(levelled).as("dated lines with a level in %s", file).isEqualTo(dated);
    }

    @Test
    void eachWriterSaysItsTimeAndLevel() {
        long t = Instant.parse("2026-11-21T11:05:50.687Z").toEpochMilli();
        assertThat(LogFormat.SUPERVISOR.parse("2026-11-21 11:05:50,687 CRIT Supervisor is running as root."))
                .isEqualTo(new LineMeta(t, LogLevel.CRITICAL));
        assertThat(LogFormat.JOB.parse("2026-11-21 11:05:50,687 WARNING [acme.fetch_message_logs] slow"))
                .isEqualTo(new LineMeta(t, LogLevel.WARNING));
        assertThat(LogFormat.DJANGO_VERBOSE.parse("ERROR 2026-11-21 11:05:50,687 log 27534 139703521101504 Internal Server Error"))
                .isEqualTo(new LineMeta(t, LogLevel.ERROR));
        assertThat(LogFormat.PUBLISH_SYNC.parse("[2026-11-21 11:05:50,687] [DEBUG] request_id=1 published"))
                .isEqualTo(new LineMeta(t, LogLevel.DEBUG));
        assertThat(LogFormat.CELERY.parse("[2026-11-21 11:05:50,687: ERROR/ForkPoolWorker-2] Task x raised"))
                .isEqualTo(new LineMeta(t, LogLevel.ERROR));
        long s = Instant.parse("2026-11-21T11:05:50Z").toEpochMilli();
        assertThat(LogFormat.GUNICORN.parse("[2026-11-21 11:05:50 +0000] [26579] [CRITICAL] WORKER TIMEOUT (pid:1)"))
                .isEqualTo(new LineMeta(s, LogLevel.CRITICAL));
        assertThat(LogFormat.ACCESS.parse("127.0.0.1 - - [21/Nov/2026:12:05:50 +0100] \"GET / HTTP/1.1\" 502 150 \"-\" \"curl\""))
                .isEqualTo(new LineMeta(s, LogLevel.ERROR));
        assertThat(LogFormat.NGINX_ERROR.parse("2026/11/21 11:05:50 [crit] 1#1: *3 connect() failed"))
                .isEqualTo(new LineMeta(s, LogLevel.CRITICAL));
        assertThat(LogFormat.POSTGRES.parse("2026-11-21 11:05:50.687 UTC [28147] monitor@monitoring FATAL:  password failed"))
                .isEqualTo(new LineMeta(t, LogLevel.CRITICAL));
        assertThat(LogFormat.REDIS.parse("28451:C 21 Nov 2026 11:05:50.687 # Failed opening the temp RDB file"))
                .isEqualTo(new LineMeta(t, LogLevel.WARNING));
        assertThat(LogFormat.GENERIC.parse("some tool 2026-11-21T11:05:50.687Z [error] broken"))
                .isEqualTo(new LineMeta(t, LogLevel.ERROR));
        assertThat(LogFormat.JOB.parse("Traceback (most recent call last):")).isEqualTo(LineMeta.NONE);
    }

    @Test
    void aMixedSupervisorProgramLogReadsEachLineInItsOwnFormat() throws IOException {
        List<String> lines = sample("supervisor/gunicorn.log.1");
        LogFormat format = LogFormat.detect(lines.subList(0, 40));
        long django = lines.stream().filter(l -> l.startsWith("INFO 2026-")).count();
        long access = lines.stream().filter(l -> l.startsWith("127.0.0.1 - - [")).count();
        assertThat(django).isPositive();
        assertThat(access).isPositive();
        assertThat(lines.stream().filter(l -> l.startsWith("INFO 2026-") || l.startsWith("127.0.0.1 - - ["))
                .map(format::parse).filter(m -> m.hasTime() && m.level() != null).count()).isEqualTo(django + access);
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(60)];
            String alphabet = "0123456789-:/ ,.[]TZ+UTC INFOERROR{}\"abc";
            for (int k = 0; k < chars.length; k++) {
                chars[k] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            for (LogFormat f : LogFormat.values()) {
                f.parse(new String(chars));
            }
        }
        assertThat(LogFormat.detect(List.of("", "x"))).isEqualTo(LogFormat.GENERIC);
    }
}
