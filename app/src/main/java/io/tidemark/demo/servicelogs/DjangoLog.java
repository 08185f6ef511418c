package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Platform.GUNICORN_START;
import static io.tidemark.demo.servicelogs.Vocabulary.TENANTS;
import static io.tidemark.demo.servicelogs.Vocabulary.USERS;
import static io.tidemark.demo.servicelogs.Vocabulary.cpiHost;
import static io.tidemark.demo.servicelogs.Vocabulary.pick;
import static io.tidemark.demo.servicelogs.Vocabulary.uuid;

/** Django's own file: django/django.log with Python's RotatingFileHandler. */
final class DjangoLog extends DjangoStyleLog {
    DjangoLog(Platform platform) {
        super("django", platform);
    }

    @Override
    boolean inDjangoFolder() {
        return true;
    }

    @Override
    void everyday(long at) {
        if (chance(0.06)) {
            WebServer web = platform.web(at);
            int pid = web.worker(random);
            long thread = web.thread(pid, random);
            switch (random.nextInt(3)) {
                case 0 -> verbose(at, "INFO", "signals", pid, thread).append("tenant settings changed tenant=")
                        .append(pick(random, TENANTS)).append(" by=").append(pick(random, USERS))
                        .append(" fields=polling_interval,retention_days");
                case 1 -> verbose(at, "WARNING", "cache", pid, thread).append("redis cache slow get key=dashboard:")
                        .append(random.nextInt(12)).append(" elapsed_ms=").append(between(250, 1900));
                default -> verbose(at, "DEBUG", "sap_client", pid, thread).append("token refreshed for ")
                        .append(cpiHost(pick(random, TENANTS))).append(" expires_in=").append(between(3000, 4199));
            }
            emit(at);
            return;
        }
        django(Requests.make(random, uuid(random), at, platform, false), true);
    }

    @Override
    void followed(Request request) {
        django(request, true);
    }

    @Override
    void containerRestarts(long at, long back) {
        quietUntil = back + GUNICORN_START + SECOND;
    }
}
