package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Digits.decimal;
import static io.tidemark.demo.servicelogs.Digits.hex;
import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Platform.GUNICORN_START;
import static io.tidemark.demo.servicelogs.Vocabulary.BROWSERS;
import static io.tidemark.demo.servicelogs.Vocabulary.PROBES;
import static io.tidemark.demo.servicelogs.Vocabulary.SERVER_NAME;
import static io.tidemark.demo.servicelogs.Vocabulary.STATIC_ASSETS;
import static io.tidemark.demo.servicelogs.Vocabulary.pick;
import static io.tidemark.demo.servicelogs.Vocabulary.uuid;

/** nginx under supervisor: access lines in the 'timed' format on stdout, error_log at info on stderr. */
final class NginxLog extends ServiceLog {
    private int master;
    private int[] workers;
    private long connection;

    NginxLog(Platform platform) {
        super("nginx", platform);
        startProcesses(8 + random.nextInt(10));
        connection = 100_000 + random.nextInt(5_000_000);
    }

    /** Connection numbers grow with all traffic, most of which writes no error line. */
    private long nextConnection() {
        connection += 1 + random.nextInt(40);
        return connection;
    }

    private void startProcesses(int firstPid) {
        master = firstPid;
        workers = new int[] {firstPid + 1, firstPid + 2};
    }

    private StringBuilder errorLine(long at, String level, int pid, long conn) {
        StringBuilder sb = line();
        stamp.nginxError(sb, at).append(" [").append(level).append("] ").append(pid).append('#').append(pid)
                .append(": ");
        if (conn > 0) {
            sb.append('*').append(conn).append(' ');
        }
        return sb;
    }

    private void notice(long at, int pid, String message) {
        errorLine(at, "notice", pid, 0).append(message);
        emitSeconds(at);
    }

    private StringBuilder context(StringBuilder sb, String client, String method, String path, boolean upstream,
                                  String referrer) {
        sb.append(", client: ").append(client).append(", server: ").append(SERVER_NAME).append(", request: \"")
                .append(method).append(' ').append(path).append(" HTTP/1.1\"");
        if (upstream) {
            sb.append(", upstream: \"http://127.0.0.1:8000").append(path).append('"');
        }
        sb.append(", host: \"").append(SERVER_NAME).append('"');
        if (referrer != null) {
            sb.append(", referrer: \"").append(referrer).append('"');
        }
        return sb;
    }

    private void access(long at, String client, String user, String method, String path, int status, int bytes,
                        String referrer, String ua, double seconds, double upstreamSeconds, String requestId) {
        StringBuilder sb = line().append(client).append(" - ").append(user).append(" [");
        stamp.nginxAccess(sb, at).append("] \"").append(method).append(' ').append(path).append(" HTTP/1.1\" ")
                .append(status).append(' ').append(bytes).append(" \"").append(referrer == null ? "-" : referrer)
                .append("\" \"").append(ua).append("\" rt=");
        decimal(sb, seconds, 3);
        if (upstreamSeconds < 0) {
            sb.append(" uct=\"-\" urt=\"-\" upstream=-");
        } else {
            sb.append(" uct=\"0.00").append(random.nextInt(2)).append("\" urt=\"");
            decimal(sb, upstreamSeconds, 3).append("\" upstream=127.0.0.1:8000");
        }
        sb.append(" request_id=");
        hex(sb, random.nextLong(), 16);
        hex(sb, random.nextLong(), 16);
        sb.append(" x_request_id=").append(requestId == null ? "-" : requestId);
        emitSeconds(at);
    }

    private void proxied(Request r) {
        long at = r.at() + 1 + random.nextInt(3);
        String referrer = r.browser() ? "https://" + SERVER_NAME + "/dashboard" : null;
        double upstream = r.millis() / 1000.0 + 0.001;
        access(at, r.client(), "-", r.method(), r.path(), r.status(), r.bytes(), referrer, r.userAgent(),
                upstream + random.nextInt(3) / 1000.0, upstream, r.id());
    }

    @Override
    void everyday(long at) {
        int roll = random.nextInt(100);
        if (platform.incident(at) && roll < 25) {
            upstreamTimeout(at);
        } else if (roll < 70) {
            proxied(Requests.make(random, uuid(random), at, platform, false));
        } else if (roll < 84) {
            staticAsset(at);
        } else if (roll < 90) {
            errorLine(at, "info", pick(random, workers), nextConnection()).append("client ")
                    .append("10.40.").append(1 + random.nextInt(3)).append('.').append(2 + random.nextInt(250))
                    .append(" closed keepalive connection");
            emitSeconds(at);
        } else if (roll < 94) {
            flower(at);
        } else if (roll < 97) {
            missingFile(at);
        } else if (roll < 99) {
            export(at);
        } else {
            clientAborted(at);
        }
    }

    @Override
    void followed(Request request) {
        proxied(request);
    }

    private void staticAsset(long at) {
        String ua = pick(random, BROWSERS);
        String client = "10.40." + (1 + random.nextInt(3)) + "." + (2 + random.nextInt(250));
        boolean cached = chance(0.4);
        access(at, client, "-", "GET", pick(random, STATIC_ASSETS), cached ? 304 : 200,
                cached ? 0 : between(900, 480_000), "https://" + SERVER_NAME + "/", ua, random.nextInt(40) / 1000.0,
                -1, null);
    }

    private void missingFile(long at) {
        String path = pick(random, "/static/js/main.1c2d3e4f.js", "/apple-touch-icon.png", "/robots.txt",
                "/static/css/app.missing.css");
        String client = "10.40." + (1 + random.nextInt(3)) + "." + (2 + random.nextInt(250));
        StringBuilder sb = errorLine(at, "error", pick(random, workers), nextConnection()).append("open() \"/app/frontend/dist")
                .append(path).append("\" failed (2: No such file or directory)");
        context(sb, client, "GET", path, false, null);
        emitSeconds(at);
        access(at, client, "-", "GET", path, 404, 146, null, pick(random, BROWSERS), 0.0, -1, null);
    }

    private void flower(long at) {
        String client = "10.40." + (1 + random.nextInt(3)) + "." + (2 + random.nextInt(250));
        int worker = pick(random, workers);
        String ua = pick(random, BROWSERS);
        int roll = random.nextInt(3);
        if (roll == 0) {
            context(errorLine(at, "info", worker, nextConnection()).append("no user/password was provided for basic "
                    + "authentication"), client, "GET", "/flower/", false, null);
            emitSeconds(at);
            access(at, client, "-", "GET", "/flower/", 401, 172, null, ua, 0.0, -1, null);
        } else if (roll == 1) {
            String user = pick(random, "admin", "ops");
            context(errorLine(at, "error", worker, nextConnection()).append("user \"").append(user)
                    .append("\": password mismatch"), client, "GET", "/flower/", false, null);
            emitSeconds(at);
            access(at, client, user, "GET", "/flower/", 401, 172, null, ua, 0.0, -1, null);
        } else {
            access(at, client, "ops", "GET", "/flower/api/workers?refresh=1", 200, between(2000, 9000),
                    "https://" + SERVER_NAME + "/flower/", ua, 0.02 + random.nextDouble() / 10, -1, null);
        }
    }

    private void export(long at) {
        Request r = Requests.make(random, uuid(random), at, platform, false);
        String path = "/api/v1/tenants/" + r.tenant() + "/messagelogs/export/?format=csv";
        StringBuilder sb = errorLine(at, "warn", pick(random, workers), nextConnection())
                .append("an upstream response is buffered to a temporary file /var/lib/nginx/proxy/")
                .append(random.nextInt(10)).append("/0").append(random.nextInt(10)).append("/00000")
                .append(between(10_000, 99_999)).append(" while reading upstream");
        context(sb, r.client(), "GET", path, true, null);
        emitSeconds(at);
        double seconds = 2 + random.nextDouble() * 6;
        access(at + (long) (seconds * 1000), r.client(), "-", "GET", path, 200, between(400_000, 2_400_000), null,
                r.userAgent(), seconds + 0.2, seconds, uuid(random));
    }

    private void clientAborted(long at) {
        Request r = Requests.make(random, uuid(random), at, platform, false);
        context(errorLine(at, "info", pick(random, workers), nextConnection()).append("epoll_wait() reported that client "
                + "prematurely closed connection, so upstream connection is closed too while sending request to "
                + "upstream"), r.client(), r.method(), r.path(), true, null);
        emitSeconds(at);
        double seconds = 1 + random.nextDouble() * 5;
        access(at, r.client(), "-", r.method(), r.path(), 499, 0, null, r.userAgent(), seconds, seconds + 0.001, null);
    }

    private void upstreamTimeout(long at) {
        Request r = Requests.make(random, uuid(random), at, platform, false);
        boolean refused = at >= platform.workerTimeoutAt && at < platform.workerTimeoutAt + 2 * SECOND;
        StringBuilder sb = errorLine(at, "error", pick(random, workers), nextConnection());
        if (refused) {
            sb.append("connect() failed (111: Connection refused) while connecting to upstream");
        } else {
            sb.append("upstream timed out (110: Connection timed out) while reading response header from upstream");
        }
        context(sb, r.client(), r.method(), r.path(), true, r.browser() ? "https://" + SERVER_NAME + "/dashboard" : null);
        emitSeconds(at);
        if (refused) {
            access(at, r.client(), "-", r.method(), r.path(), 502, 150, null, r.userAgent(), 0.0, 0.0, null);
        } else {
            access(at, r.client(), "-", r.method(), r.path(), 504, 160, null, r.userAgent(), 60.001, 60.002, null);
        }
    }

    @Override
    void containerRestarts(long at, long back) {
        long t = at + SECOND;
        notice(t, master, "signal 15 (SIGTERM) received from 1, exiting");
        for (int worker : workers) {
            notice(t, worker, "exiting");
            notice(t, worker, "exit");
        }
        for (int worker : workers) {
            notice(t, master, "signal 17 (SIGCHLD) received from " + worker);
            notice(t, master, "worker process " + worker + " exited with code 0");
        }
        notice(t, master, "exit");
        startProcesses(8 + random.nextInt(10));
        long up = back + 2 * SECOND;
        notice(up, master, "using the \"epoll\" event method");
        notice(up, master, "nginx/1.22.1");
        notice(up, master, "built by gcc 12.2.0 (Debian 12.2.0-14)");
        notice(up, master, "OS: Linux 5.15.0-1057-azure");
        notice(up, master, "getrlimit(RLIMIT_NOFILE): 1048576:1048576");
        notice(up, master, "start worker processes");
        for (int worker : workers) {
            notice(up, master, "start worker process " + worker);
        }
        connection = 1;
        // Until gunicorn is back, nginx answers 502.
        long gunicornUp = back + GUNICORN_START;
        for (long probe = up + between(500, 2000); probe < gunicornUp; probe += between(1500, 4000)) {
            String path = "/health/";
            String client = "10.0.0." + (1 + random.nextInt(3));
            StringBuilder sb = errorLine(probe, "error", pick(random, workers), nextConnection())
                    .append("connect() failed (111: Connection refused) while connecting to upstream");
            context(sb, client, "GET", path, true, null);
            emitSeconds(probe);
            access(probe, client, "-", "GET", path, 502, 150, null, pick(random, PROBES), 0.0, 0.0, null);
        }
        quietUntil = gunicornUp + SECOND;
    }
}
