package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Platform.GUNICORN_START;
import static io.tidemark.demo.servicelogs.Vocabulary.SERVER_NAME;
import static io.tidemark.demo.servicelogs.Vocabulary.uuid;

/** supervisor's capture of gunicorn: gunicorn's error and access lines interleaved with Django's console lines. */
final class GunicornLog extends DjangoStyleLog {
    GunicornLog(Platform platform) {
        super("gunicorn", platform);
    }

    private void gunicorn(long at, int pid, String level, String message) {
        StringBuilder sb = line();
        stamp.gunicorn(sb, at).append(" [").append(pid).append("] [").append(level).append("] ").append(message);
        emitSeconds(at);
    }

    private void access(Request r) {
        long at = r.at() + 1;
        StringBuilder sb = line().append("127.0.0.1 - - [");
        stamp.nginxAccess(sb, at).append("] \"").append(r.method()).append(' ').append(r.path())
                .append(" HTTP/1.0\" ").append(r.status()).append(' ')
                .append(r.bytes() == 0 ? "-" : Integer.toString(r.bytes())).append(" \"")
                .append(r.browser() ? "https://" + SERVER_NAME + "/dashboard" : "-").append("\" \"")
                .append(r.userAgent()).append('"');
        emitSeconds(at);
    }

    private void serve(Request r) {
        django(r, false);
        access(r);
    }

    @Override
    void everyday(long at) {
        serve(Requests.make(random, uuid(random), at, platform, false));
    }

    @Override
    void followed(Request request) {
        serve(request);
    }

    @Override
    void incidentBegins(long at, long end) {
        long t = platform.workerTimeoutAt;
        WebServer before = platform.web(t);
        WebServer after = platform.web(t + 2);
        gunicorn(t, before.master(), "CRITICAL", "WORKER TIMEOUT (pid:" + before.workers()[0] + ")");
        gunicorn(t, before.workers()[0], "INFO", "Worker exiting (pid: " + before.workers()[0] + ")");
        gunicorn(t + 1, after.workers()[0], "INFO", "Booting worker with pid: " + after.workers()[0]);
    }

    @Override
    void containerRestarts(long at, long back) {
        WebServer old = platform.web(at);
        long t = at + SECOND;
        gunicorn(t, old.master(), "INFO", "Handling signal: term");
        for (int worker : old.workers()) {
            gunicorn(t, worker, "INFO", "Worker exiting (pid: " + worker + ")");
        }
        for (int worker : old.workers()) {
            gunicorn(t + 300, old.master(), "WARNING", "Worker with pid " + worker + " was terminated due to signal 15");
        }
        gunicorn(t + 400, old.master(), "INFO", "Shutting down: Master");
        long up = back + GUNICORN_START;
        WebServer fresh = platform.web(up + SECOND);
        gunicorn(up, fresh.master(), "INFO", "Starting gunicorn 20.1.0");
        gunicorn(up, fresh.master(), "INFO", "Listening at: http://127.0.0.1:8000 (" + fresh.master() + ")");
        gunicorn(up, fresh.master(), "INFO", "Using worker: gthread");
        for (int worker : fresh.workers()) {
            gunicorn(up + 50, worker, "INFO", "Booting worker with pid: " + worker);
        }
        quietUntil = up + SECOND;
    }
}
