package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Digits.decimal;
import static io.tidemark.demo.servicelogs.Durations.HOUR;
import static io.tidemark.demo.servicelogs.Vocabulary.IFLOWS;
import static io.tidemark.demo.servicelogs.Vocabulary.TENANTS;
import static io.tidemark.demo.servicelogs.Vocabulary.asciiName;
import static io.tidemark.demo.servicelogs.Vocabulary.pick;
import static io.tidemark.demo.servicelogs.Vocabulary.uuid;

import io.tidemark.demo.servicelogs.Request.Endpoint;

/** django/publish_sync.log: '[{asctime}] [{levelname}] {message}', one request_id per batch. */
final class PublishSyncLog extends ServiceLog {
    private int batch;

    PublishSyncLog(Platform platform) {
        super("publish_sync", platform);
    }

    @Override
    boolean inDjangoFolder() {
        return true;
    }

    private StringBuilder log(long at, String level) {
        StringBuilder sb = line().append('[');
        return stamp.python(sb, at).append("] [").append(level).append("] ");
    }

    @Override
    void everyday(long at) {
        long t = at;
        int batches = between(2, 9);
        for (int i = 0; i < batches; i++) {
            t = batch(t, uuid(random), ++batch) + between(90, 130);
        }
        batch = 0;
    }

    @Override
    void followed(Request r) {
        if (r.endpoint() == Endpoint.PUBLISH && r.status() == 202) {
            batch(r.at() + between(5, 40), r.id(), 1);
        }
    }

    /** Writes one batch and returns when it finished. */
    private long batch(long at, String requestId, int number) {
        String tenant = pick(random, TENANTS);
        int monitors = between(3, 12);
        long t = at;
        log(t, "INFO").append("publish_sync batch=").append(number).append(" started request_id=").append(requestId)
                .append(" tenant=").append(tenant).append(" monitors=").append(monitors);
        emit(t);
        String error = platform.databaseError(t, random);
        if (error != null) {
            log(t + 2, "ERROR").append("request_id=").append(requestId).append(" batch aborted: OperationalError: ")
                    .append(error.trim());
            emit(t + 2);
            return t + 2;
        }
        int published = 0;
        int failed = 0;
        for (int monitor = 1; monitor <= monitors; monitor++) {
            t += random.nextInt(3);
            int roll = random.nextInt(100);
            if (roll < 72) {
                StringBuilder sb = log(t, "DEBUG").append("request_id=").append(requestId).append(" published monitor_id=")
                        .append(monitor).append(" name=").append(IFLOWS[(monitor - 1) % IFLOWS.length])
                        .append(" checks=").append(between(10, 6000)).append(" avg_ms=");
                decimal(sb, 20 + random.nextDouble() * 300, 1);
                emit(t);
                published++;
            } else if (roll < 94) {
                StringBuilder sb = log(t, "WARNING").append("request_id=").append(requestId)
                        .append(" stale monitor monitor_id=").append(monitor).append(" name=")
                        .append(IFLOWS[(monitor - 1) % IFLOWS.length]).append(" last_check=");
                if (chance(0.5)) {
                    sb.append("never");
                } else {
                    stamp.iso(sb, t - between(2, 72) * HOUR);
                }
                emit(t);
            } else if (roll < 96) {
                // A key of the wrong type in Redis: rare, but it fails every time it is hit.
                log(t, "ERROR").append("request_id=").append(requestId).append(" redis rejected snapshot for monitor_id=")
                        .append(monitor).append('\n').append(Tracebacks.REDIS_WRONGTYPE);
                emit(t);
                failed++;
            } else {
                log(t, "ERROR").append("request_id=").append(requestId)
                        .append(" webhook push failed url=https://hooks.").append(asciiName(tenant))
                        .append(".example/integramon/status error=")
                        .append(pick(random, "<urlopen error [Errno 111] Connection refused>",
                                "HTTP Error 502: Bad Gateway", "<urlopen error timed out>"));
                emit(t);
                failed++;
            }
        }
        t += 1 + random.nextInt(3);
        StringBuilder sb = log(t, "INFO").append("publish_sync batch=").append(number).append(" finished request_id=")
                .append(requestId).append(" published=").append(published).append(" failed=").append(failed)
                .append(" duration_ms=");
        decimal(sb, t - at + random.nextDouble(), 1);
        emit(t);
        return t;
    }
}
