package io.tidemark.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;

/** Writes the global service logs of a demo IntegraMon platform, each in the exact format of the program behind it. */
public final class DemoServiceLogs {

    // All families share one story: office-hours traffic with quiet nights and weekends, a few container restarts,
    // and one incident (a PostgreSQL connection storm that ends in a crash and recovery) that every service notices.
    // Requests given by the caller are followed across nginx, gunicorn, Django and the Celery queues they enqueue to.

    /** supervisor's stdout_logfile_backups on the platform. */
    private static final int SUPERVISOR_BACKUPS = 3;
    /** backupCount of Django's RotatingFileHandler. */
    private static final int DJANGO_BACKUPS = 10;
    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private final long seed;
    private final long rotateBytes;

    /** Creates a writer whose output depends only on the seed, the rotation size and the arguments of write. */
    public DemoServiceLogs(long seed, long rotateBytes) {
        if (rotateBytes < 0) {
            throw new IllegalArgumentException("rotateBytes must not be negative: " + rotateBytes);
        }
        this.seed = seed;
        this.rotateBytes = rotateBytes;
    }

    /** Writes every service log family under logDir for the time window [from, to), and returns the files written, sorted. */
    public List<Path> write(Path logDir, Instant from, Instant to, List<String> requestIds, long approxBytesPerFamily)
            throws IOException {
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
        for (Queue queue : Queue.ALL) {
            logs.add(new CeleryLog(platform, queue));
        }
        logs.add(new NginxLog(platform));
        logs.add(new LoginActivityLog(platform));
        logs.add(new DjangoLog(platform));
        logs.add(new PublishSyncLog(platform));
        return logs;
    }

    // ===================================================================================== the platform's vocabulary

    private static final String[] TENANTS = {"acme-prod", "acme-qa", "globex-eu", "initech-hr", "umbrella-lab",
        "müller-logistik", "hooli-cloud", "stark-retail", "wayne-finance", "société-lumière"};
    private static final String[] HOT_TENANTS = {"acme-prod", "globex-eu", "müller-logistik", "hooli-cloud",
        "stark-retail", "société-lumière"};
    private static final String[] COLD_TENANTS = {"acme-qa", "initech-hr", "umbrella-lab", "wayne-finance"};
    private static final String[] IFLOWS = {"SO_Create_SAP_to_Salesforce", "Invoice_Outbound_IDoc",
        "Employee_Replication_SF_to_S4", "Payment_Advice_Inbound", "Material_Master_Sync", "Delivery_Notification_EDI",
        "PurchaseOrder_Ariba_to_S4", "Customer_Master_Replication", "Timesheet_Export_Concur", "Stock_Level_Update_WMS"};
    private static final String[] USERS = {"ops", "admin", "j.dupont", "m.müller", "s.okafor", "a.kowalska",
        "l.nguyen", "svc-grafana"};
    private static final String[] JOBS = {"archive_cpi_day", "fetch_message_logs", "sync_iflows", "cleanup_logs"};
    private static final String[] BROWSERS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"};
    private static final String[] TOOLS = {"python-requests/2.31.0", "curl/7.88.1", "Prometheus/2.42.0",
        "Grafana/10.4.2", "integramon-cli/2.3.1"};
    private static final String[] PROBES = {"kube-probe/1.27", "Uptime-Kuma/1.23.11"};
    private static final String[] SCANNERS = {"Mozilla/5.0 zgrab/0.x", "python-requests/2.28.1",
        "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)"};
    private static final String[] SCANNER_PATHS = {"/wp-login.php", "/.env", "/phpmyadmin/", "/.git/config",
        "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/actuator/health"};
    private static final String[] STATIC_ASSETS = {"/static/js/main.8f3c2a1b.js", "/static/js/vendor.41d9e0c7.js",
        "/static/css/main.2b7e91f4.css", "/static/media/logo.5d1c3e2a.svg", "/favicon.ico",
        "/static/fonts/inter-var.woff2"};
    private static final String SERVER_NAME = "integramon.example.com";
    private static final String PG_VERSION = "PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, "
            + "compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit";
    private static final String SITE = "/usr/local/lib/python3.11/site-packages";

    /** The tenant's name without accents, as it appears in host names. */
    private static String asciiName(String tenant) {
        return Normalizer.normalize(tenant, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
    }

    private static String cpiHost(String tenant) {
        return asciiName(tenant) + ".it-cpi018-rt.cfapps.eu10.hana.ondemand.com";
    }

    private static int tenantId(String tenant) {
        return Arrays.asList(TENANTS).indexOf(tenant) + 1;
    }

    private static boolean isCold(String tenant) {
        return Arrays.asList(COLD_TENANTS).contains(tenant);
    }

    // ===================================================================================== the shared story

    private enum What { RESTART, INCIDENT_BEGINS, DATABASE_CRASH, INCIDENT_ENDS, REQUEST }

    /** Something every family may react to: a container restart, the incident, or a request followed across logs. */
    private record Happening(long at, What what, long until, Request request) {
    }

    /** The gunicorn master and workers serving Django from a moment on. */
    private record WebServer(long since, int master, int[] workers, long[][] threads) {
        int worker(SplittableRandom random) {
            return workers[random.nextInt(workers.length)];
        }

        long thread(int worker, SplittableRandom random) {
            for (int i = 0; i < workers.length; i++) {
                if (workers[i] == worker) {
                    return threads[i][random.nextInt(threads[i].length)];
                }
            }
            return threads[0][0];
        }
    }

    /** What all families agree on: the window, the traffic curve, restarts, the incident, and the followed requests. */
    private static final class Platform {
        final long seed;
        final long from;
        final long to;
        final Traffic traffic;
        final long incidentStart;
        final long incidentEnd;
        final long crashAt;
        final long recoveredAt;
        final long workerTimeoutAt;
        final String host;
        final List<Happening> happenings = new ArrayList<>();
        final List<WebServer> webServers = new ArrayList<>();

        Platform(long seed, long from, long to, List<String> requestIds, double keptShare) {
            this.seed = seed;
            this.from = from;
            this.to = to;
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder hostName = new StringBuilder();
            hex(hostName, random.nextLong(), 12);
            host = hostName.toString();

            double[] dayFactors = new double[(int) ((to - from) / DAY) + 3];
            for (int i = 0; i < dayFactors.length; i++) {
                dayFactors[i] = 0.85 + 0.3 * random.nextDouble();
            }
            Traffic calm = new Traffic(from, to, from, from, dayFactors);
            double calmTotal = calm.total();
            long span = to - from;
            long length = Math.max(Math.min(span / 40, 25 * MINUTE), Math.min(90 * SECOND, span / 10));
            long start = calm.timeAt(calmTotal * (1 - keptShare * (0.2 + 0.45 * random.nextDouble())));
            incidentStart = Math.min(officeHours(start, length, random), to - length - 2 * SECOND);
            incidentEnd = incidentStart + length;
            crashAt = incidentStart + length * 6 / 10;
            recoveredAt = crashAt + Math.min(length / 5, (8 + random.nextInt(12)) * SECOND);
            workerTimeoutAt = incidentStart + length * 3 / 10;
            traffic = new Traffic(from, to, incidentStart, incidentEnd, dayFactors);
            double total = traffic.total();

            List<long[]> restarts = restarts(random, total, keptShare);
            webServers.add(newWebServer(random, Long.MIN_VALUE, 24 + random.nextInt(40)));
            for (long[] restart : restarts) {
                happenings.add(new Happening(restart[0], What.RESTART, restart[1], null));
                webServers.add(newWebServer(random, restart[1] + GUNICORN_START, 21 + random.nextInt(12)));
            }
            webServers.sort((a, b) -> Long.compare(a.since(), b.since()));
            replaceTimedOutWorker(random);

            happenings.add(new Happening(incidentStart, What.INCIDENT_BEGINS, incidentEnd, null));
            happenings.add(new Happening(crashAt, What.DATABASE_CRASH, recoveredAt, null));
            happenings.add(new Happening(incidentEnd, What.INCIDENT_ENDS, incidentEnd, null));

            List<String> ids = new ArrayList<>(requestIds);
            if (ids.isEmpty()) {
                for (int i = 0; i < 48; i++) {
                    ids.add(uuid(random));
                }
            }
            for (String id : ids) {
                long at = traffic.timeAt(total * (1 - keptShare * (0.04 + 0.8 * random.nextDouble())));
                happenings.add(new Happening(at, What.REQUEST, at, Requests.make(random, id, at, this, true)));
            }
            // A stable sort keeps the order of requests given for the same millisecond.
            happenings.sort((a, b) -> Long.compare(a.at(), b.at()));
        }

        /** A weekday working hour from candidate on, so that the incident hits real traffic. */
        private long officeHours(long candidate, long length, SplittableRandom random) {
            if (isOfficeHour(candidate)) {
                return candidate;
            }
            long midnight = Math.floorDiv(candidate, DAY) * DAY;
            for (int day = 0; day < 8; day++, midnight += DAY) {
                long at = midnight + 9 * HOUR + random.nextLong(6 * HOUR);
                if (at > candidate && at + length < to && isOfficeHour(at)) {
                    return at;
                }
            }
            return candidate;
        }

        private static boolean isOfficeHour(long at) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(at, SECOND), 0, ZoneOffset.UTC);
            boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
            return !weekend && t.getHour() >= 9 && t.getHour() < 16;
        }

        /** Container restarts: one in the part every family keeps, the others anywhere but near the incident. */
        private List<long[]> restarts(SplittableRandom random, double total, double keptShare) {
            long span = to - from;
            int count = (int) Math.min(5, 1 + span / (6 * DAY));
            List<long[]> restarts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long at = i == 0
                        ? traffic.timeAt(total * (1 - keptShare * (0.1 + 0.5 * random.nextDouble())))
                        : from + (long) (span * (0.02 + 0.96 * random.nextDouble()));
                long back = at + Math.max(2 * SECOND, Math.min(span / 200, (12 + random.nextInt(20)) * SECOND));
                boolean nearIncident = back > incidentStart - 30 * MINUTE && at < incidentEnd + 30 * MINUTE;
                boolean nearOther = restarts.stream().anyMatch(r -> Math.abs(r[0] - at) < HOUR);
                if (!nearIncident && !nearOther && back + GUNICORN_START + 10 * SECOND < to) {
                    restarts.add(new long[] {at, back});
                }
            }
            restarts.sort((a, b) -> Long.compare(a[0], b[0]));
            return restarts;
        }

        private static WebServer newWebServer(SplittableRandom random, long since, int master) {
            int[] workers = new int[3];
            long[][] threads = new long[workers.length][4];
            int pid = master;
            for (int i = 0; i < workers.length; i++) {
                pid += 1 + random.nextInt(3);
                workers[i] = pid;
                long base = (139_600_000_000_000L + random.nextLong(600_000_000_000L)) & ~0xFFFL;
                for (int t = 0; t < threads[i].length; t++) {
                    threads[i][t] = base + t * 8_392_704L + (t == 3 ? 2_097_152L : 0);
                }
            }
            return new WebServer(since, master, workers, threads);
        }

        /** The incident hangs one gunicorn worker; the master kills it and boots a new one. */
        private void replaceTimedOutWorker(SplittableRandom random) {
            WebServer current = web(workerTimeoutAt);
            int[] workers = current.workers().clone();
            long[][] threads = current.threads().clone();
            workers[0] = Arrays.stream(workers).max().orElse(100) + 40 + random.nextInt(400);
            long base = (139_600_000_000_000L + random.nextLong(600_000_000_000L)) & ~0xFFFL;
            threads[0] = new long[] {base, base + 8_392_704L, base + 16_785_408L, base + 27_275_264L};
            webServers.add(new WebServer(workerTimeoutAt + 1, current.master(), workers, threads));
            webServers.sort((a, b) -> Long.compare(a.since(), b.since()));
        }

        WebServer web(long at) {
            WebServer found = webServers.get(0);
            for (WebServer server : webServers) {
                if (server.since() <= at) {
                    found = server;
                }
            }
            return found;
        }

        boolean incident(long at) {
            return at >= incidentStart && at < incidentEnd;
        }

        /** What a Python client is told when it cannot reach PostgreSQL at this moment, or null when it can. */
        String databaseError(long at, SplittableRandom random) {
            if (!incident(at)) {
                return null;
            }
            if (at >= crashAt && at < recoveredAt) {
                return random.nextBoolean()
                        ? "connection to server at \"127.0.0.1\", port 5432 failed: Connection refused\n"
                          + "\tIs the server running on that host and accepting TCP/IP connections?\n"
                        : "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  "
                          + "the database system is in recovery mode\n";
            }
            return "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  sorry, too many clients already\n";
        }
    }

    /** Seconds after the container is back at which gunicorn starts serving. */
    private static final long GUNICORN_START = 8 * SECOND;

    /** How busy the platform is: office hours on weekdays, quiet nights and weekends, and a burst during the incident. */
    private static final class Traffic {
        private static final double INCIDENT_SHARE = 0.03;
        private final long from;
        private final long to;
        private final long bucket;
        private final double[] rate;
        private final double[] cumulative;

        Traffic(long from, long to, long incidentStart, long incidentEnd, double[] dayFactors) {
            this.from = from;
            this.to = to;
            this.bucket = Math.max(SECOND, Math.min(5 * MINUTE, (to - from) / 2000));
            int n = (int) ((to - from + bucket - 1) / bucket);
            rate = new double[n];
            cumulative = new double[n + 1];
            double calmWork = 0;
            long incidentMillis = 0;
            for (int i = 0; i < n; i++) {
                long start = from + i * bucket;
                long end = Math.min(to, start + bucket);
                long middle = start + (end - start) / 2;
                rate[i] = load(middle) * dayFactors[(int) ((middle - from) / DAY)];
                if (middle >= incidentStart && middle < incidentEnd) {
                    incidentMillis += end - start;
                } else {
                    calmWork += rate[i] * (end - start);
                }
            }
            // The incident takes a fixed share of every family, whatever the hour: a burst that cannot be missed.
            double incidentRate = incidentMillis == 0 ? 0 : calmWork * INCIDENT_SHARE / (1 - INCIDENT_SHARE) / incidentMillis;
            for (int i = 0; i < n; i++) {
                long start = from + i * bucket;
                long end = Math.min(to, start + bucket);
                long middle = start + (end - start) / 2;
                if (middle >= incidentStart && middle < incidentEnd) {
                    rate[i] = Math.max(rate[i], incidentRate);
                }
                cumulative[i + 1] = cumulative[i] + rate[i] * (end - start);
            }
        }

        private static double load(long at) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(at, SECOND), 0, ZoneOffset.UTC);
            int hour = time.getHour();
            double hourly = hour < 6 ? 0.25 : hour < 8 ? 0.6 : hour < 18 ? 1.0 : hour < 22 ? 0.55 : 0.35;
            DayOfWeek day = time.getDayOfWeek();
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            return weekend ? hourly * 0.35 : hourly;
        }

        double total() {
            return cumulative[cumulative.length - 1];
        }

        /** The moment at which this much work has been done since the window opened. */
        long timeAt(double work) {
            if (work <= 0) {
                return from;
            }
            int i = Arrays.binarySearch(cumulative, work);
            if (i < 0) {
                i = -i - 2;
            }
            if (i >= rate.length) {
                return to;
            }
            long at = from + i * bucket + (long) ((work - cumulative[i]) / rate[i]);
            return Math.min(at, to);
        }
    }

    // ===================================================================================== requests

    private enum Endpoint {
        HEALTH(28, 0), TENANT_LIST(5, 1), MESSAGE_LOGS(12, 4), MESSAGE_LOG(6, 2), IFLOWS(5, 1), STORAGE(3, 1),
        DASHBOARD(8, 2), SLA_REPORT(2, 2), EXPORT(1, 1), REFRESH(5, 4), FETCH_NOW(2, 3), DETAILS(4, 4),
        REPROCESS(2, 3), ALERT_TEST(1, 2), ALERT_DETAILS(2, 2), AI_SUMMARY(1, 2), RUN_JOB(1, 3), PUBLISH(1, 2),
        LOGIN(3, 4), LOGOUT(1, 1), CREATE_TENANT(1, 1), SCANNER(2, 0), BAD_HOST(1, 0);

        final int everydayWeight;
        final int followedWeight;

        Endpoint(int everydayWeight, int followedWeight) {
            this.everydayWeight = everydayWeight;
            this.followedWeight = followedWeight;
        }

        boolean touchesDatabase() {
            return this != SCANNER && this != BAD_HOST && this != LOGOUT;
        }
    }

    private enum Outcome { OK, SLOW, NOT_FOUND, UNAUTHORIZED, CSRF, BAD_HOST, CONFLICT, REPORT_BUG, DB_DOWN }

    /** A Celery task a request enqueued: the family whose worker runs it, the task name and its id. */
    private record Task(String family, String name, String id) {
    }

    /** One HTTP request as Django saw it; at is when the response left. */
    private record Request(String id, long at, Endpoint endpoint, String method, String path, int status,
                           double millis, int bytes, String userAgent, String client, String tenant, String username,
                           Task task, Outcome outcome, String detail) {
        /** The path as Django's request.path has it: decoded, without the query string. */
        String pathOnly() {
            int q = path.indexOf('?');
            return URLDecoder.decode(q < 0 ? path : path.substring(0, q), StandardCharsets.UTF_8);
        }

        boolean browser() {
            return userAgent.startsWith("Mozilla/5.0 (") && !userAgent.contains("compatible");
        }
    }

    /** Makes requests the way the platform's users, tools and probes send them. */
    private static final class Requests {
        private static final Endpoint[] ENDPOINTS = Endpoint.values();

        /** A request that arrives at start; its lines all come after start, since the response leaves later. */
        static Request make(SplittableRandom r, String id, long start, Platform platform, boolean followed) {
            Endpoint e = pickEndpoint(r, followed);
            String tenant = pick(r, TENANTS);
            // Clients send non-ASCII path segments percent-encoded; nginx and Django log them that way.
            String inPath = URLEncoder.encode(tenant, StandardCharsets.UTF_8);
            String ua = e == Endpoint.HEALTH ? pick(r, PROBES)
                    : e == Endpoint.SCANNER || e == Endpoint.BAD_HOST ? pick(r, SCANNERS)
                    : r.nextInt(10) < 6 ? pick(r, BROWSERS) : pick(r, TOOLS);
            String client = client(r, e, ua);
            String method = "GET";
            String path;
            int status = 200;
            double millis = 15 + r.nextDouble() * 120;
            int bytes = 900 + r.nextInt(6000);
            String username = null;
            Task task = null;
            Outcome outcome = Outcome.OK;
            String detail = null;
            switch (e) {
                case HEALTH -> {
                    path = "/health/";
                    millis = 2 + r.nextDouble() * 14;
                    bytes = 70;
                }
                case TENANT_LIST -> {
                    path = "/api/v1/tenants/";
                    bytes = 2482 + 100 * r.nextInt(4);
                }
                case MESSAGE_LOGS -> {
                    path = "/api/v1/tenants/" + inPath + "/messagelogs/?status=" + pick(r, "FAILED", "RETRY",
                            "COMPLETED", "ESCALATED") + "&page=" + (1 + r.nextInt(12));
                    millis = 40 + r.nextDouble() * 500;
                    bytes = 4000 + r.nextInt(36000);
                    if (r.nextInt(20) == 0) {
                        millis = 1100 + r.nextDouble() * 3000;
                        outcome = Outcome.SLOW;
                    }
                }
                case MESSAGE_LOG -> {
                    path = "/api/v1/tenants/" + inPath + "/messagelogs/" + messageGuid(r) + "/";
                    if (r.nextInt(7) == 0) {
                        status = 404;
                        bytes = 179;
                        outcome = Outcome.NOT_FOUND;
                        millis = 4 + r.nextDouble() * 20;
                    }
                }
                case IFLOWS -> path = "/api/v1/tenants/" + inPath + "/iflows/";
                case STORAGE -> {
                    path = "/api/v1/tenants/" + inPath + "/storage/";
                    millis = 80 + r.nextDouble() * 800;
                }
                case DASHBOARD -> {
                    path = "/api/v1/dashboard/summary/";
                    millis = 50 + r.nextDouble() * 850;
                }
                case SLA_REPORT -> {
                    path = "/api/v1/reports/sla/?tenant=" + inPath + "&month=" + previousMonth(start);
                    millis = 1200 + r.nextDouble() * 4800;
                    outcome = Outcome.SLOW;
                    bytes = 12000 + r.nextInt(30000);
                    if (r.nextInt(8) == 0) {
                        status = 500;
                        bytes = 145;
                        outcome = Outcome.REPORT_BUG;
                        millis = 200 + r.nextDouble() * 600;
                        detail = pick(r, IFLOWS);
                    }
                }
                case EXPORT -> {
                    path = "/api/v1/tenants/" + inPath + "/messagelogs/export/?format=csv";
                    millis = 2000 + r.nextDouble() * 7000;
                    outcome = Outcome.SLOW;
                    bytes = 400_000 + r.nextInt(1_600_000);
                }
                case REFRESH -> {
                    method = "POST";
                    path = "/api/v1/tenants/" + inPath + "/refresh/";
                    task = new Task("celery-light", "core.tasks.refresh_tenant_status", uuid(r));
                }
                case FETCH_NOW -> {
                    method = "POST";
                    path = "/api/v1/tenants/" + inPath + "/fetch/";
                    task = new Task("celery-medium", "core.tasks.fetch_message_logs", uuid(r));
                }
                case DETAILS -> {
                    method = "POST";
                    path = "/api/v1/tenants/" + inPath + "/messagelogs/" + messageGuid(r) + "/details/";
                    task = new Task(isCold(tenant) ? "celery-api-details-cold" : "celery-api-details",
                            "core.tasks.fetch_api_details", uuid(r));
                }
                case REPROCESS -> {
                    method = "POST";
                    path = "/api/v1/tenants/" + inPath + "/messagelogs/reprocess/";
                    task = new Task(isCold(tenant) ? "celery-messagelog-process-batch-cold"
                            : "celery-messagelog-process-batch", "core.tasks.process_messagelog_batch", uuid(r));
                }
                case ALERT_TEST -> {
                    method = "POST";
                    path = "/api/v1/alerts/rules/" + (1 + r.nextInt(40)) + "/test/";
                    task = new Task("celery-alerts", "alerts.tasks.evaluate_alert_rules", uuid(r));
                }
                case ALERT_DETAILS -> {
                    method = "POST";
                    path = "/api/v1/alerts/" + (1000 + r.nextInt(9000)) + "/details/";
                    task = new Task("celery-alert-details", "alerts.tasks.build_alert_details", uuid(r));
                }
                case AI_SUMMARY -> {
                    method = "POST";
                    path = "/api/v1/tenants/" + inPath + "/ai/summaries/";
                    task = new Task("celery-ai", "ai.tasks.summarize_failures", uuid(r));
                }
                case RUN_JOB -> {
                    method = "POST";
                    path = "/api/v1/tenants/" + inPath + "/jobs/" + pick(r, JOBS) + "/run/";
                    task = new Task("worker", "core.tasks.run_job", uuid(r));
                }
                case PUBLISH -> {
                    method = "POST";
                    path = "/api/v1/publish/sync/";
                    status = 202;
                    bytes = 105;
                }
                case LOGIN -> {
                    method = "POST";
                    path = "/api/v1/auth/login/";
                    username = pick(r, USERS);
                    bytes = 412;
                    int roll = r.nextInt(20);
                    if (roll < 3) {
                        status = 401;
                        bytes = 86;
                        outcome = Outcome.UNAUTHORIZED;
                    } else if (roll == 3) {
                        status = 403;
                        bytes = 1382;
                        outcome = Outcome.CSRF;
                        millis = 0.4 + r.nextDouble();
                    }
                }
                case LOGOUT -> {
                    method = "POST";
                    path = "/api/v1/auth/logout/";
                    username = pick(r, USERS);
                    status = 204;
                    bytes = 0;
                    millis = 3 + r.nextDouble() * 10;
                }
                case CREATE_TENANT -> {
                    method = "POST";
                    path = "/api/v1/tenants/";
                    status = 201;
                    bytes = 388;
                    if (r.nextInt(3) == 0) {
                        status = 409;
                        bytes = 76;
                        outcome = Outcome.CONFLICT;
                    }
                }
                case SCANNER -> {
                    path = pick(r, SCANNER_PATHS);
                    status = 404;
                    bytes = 179;
                    outcome = Outcome.NOT_FOUND;
                    millis = 0.5 + r.nextDouble() * 3;
                }
                default -> {
                    path = "/";
                    status = 400;
                    bytes = 154;
                    outcome = Outcome.BAD_HOST;
                    millis = 0.3 + r.nextDouble();
                    detail = pick(r, "203.0.113.7", "evil.example", "198.51.100.23", "localhost:8080");
                }
            }
            if (task != null && status == 200) {
                status = 202;
                bytes = 105;
            }
            String databaseError = e.touchesDatabase() && outcome != Outcome.CSRF
                    ? platform.databaseError(start, r) : null;
            if (databaseError != null && r.nextInt(4) != 0) {
                status = 500;
                bytes = 145;
                outcome = Outcome.DB_DOWN;
                task = null;
                millis = r.nextInt(3) == 0 ? 2000 + r.nextDouble() * 9000 : 3 + r.nextDouble() * 60;
                detail = databaseError;
            }
            long end = start + 1 + (long) millis;
            return new Request(id, end, e, method, path, status, millis, bytes, ua, client, tenant, username, task,
                    outcome, detail);
        }

        private static Endpoint pickEndpoint(SplittableRandom r, boolean followed) {
            int total = 0;
            for (Endpoint e : ENDPOINTS) {
                total += followed ? e.followedWeight : e.everydayWeight;
            }
            int roll = r.nextInt(total);
            for (Endpoint e : ENDPOINTS) {
                roll -= followed ? e.followedWeight : e.everydayWeight;
                if (roll < 0) {
                    return e;
                }
            }
            return Endpoint.HEALTH;
        }

        private static String client(SplittableRandom r, Endpoint e, String ua) {
            if (e == Endpoint.HEALTH) {
                return "10.0.0." + (1 + r.nextInt(3));
            }
            if (e == Endpoint.SCANNER || e == Endpoint.BAD_HOST) {
                return pick(r, "203.0.113.", "198.51.100.", "45.148.10.") + (2 + r.nextInt(250));
            }
            if (ua.startsWith("Mozilla")) {
                return "10.40." + (1 + r.nextInt(3)) + "." + (2 + r.nextInt(250));
            }
            return "10.20.0." + (5 + r.nextInt(36));
        }

        private static String previousMonth(long at) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(at, SECOND), 0, ZoneOffset.UTC).minusMonths(1);
            StringBuilder sb = new StringBuilder(7).append(t.getYear()).append('-');
            return two(sb, t.getMonthValue()).toString();
        }
    }

    private static String messageGuid(SplittableRandom r) {
        // SAP CPI message GUIDs: 28 characters of URL-safe base64.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder sb = new StringBuilder("AG");
        for (int i = 0; i < 26; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    // ===================================================================================== writing and rotation

    private enum Precision { MILLIS, SECONDS, NONE }

    /** One record ready for the file: its text (ending in a newline), when it was written and how precisely it says so. */
    private record Line(long at, long order, String text, Precision precision) implements Comparable<Line> {
        long printedTime() {
            return precision == Precision.SECONDS ? Math.floorDiv(at, SECOND) * SECOND : at;
        }

        @Override
        public int compareTo(Line other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /**
     * A rotation family on disk, rotated the way its writer does it: supervisor checks the size after each write and
     * rotates once it reaches the limit; Python's RotatingFileHandler rotates before a record that would reach it.
     */
    private static final class RotatingFile {
        private final Path dir;
        private final String name;
        private final int backups;
        private final long maxBytes;
        private final boolean rotateBeforeWrite;
        private final long windowStart;
        private final Deque<Segment> segments = new ArrayDeque<>();
        private int created;

        RotatingFile(Path dir, String name, int backups, long maxBytes, boolean rotateBeforeWrite, long windowStart)
                throws IOException {
            this.dir = dir;
            this.name = name;
            this.backups = backups;
            this.maxBytes = maxBytes;
            this.rotateBeforeWrite = rotateBeforeWrite;
            this.windowStart = windowStart;
            open();
        }

        void write(Line line) throws IOException {
            Segment current = segments.getLast();
            // Python compares the file's size in bytes plus the record's length in characters.
            if (rotateBeforeWrite && maxBytes > 0 && current.bytes > 0
                    && current.bytes + line.text().length() >= maxBytes) {
                rotate();
                current = segments.getLast();
            }
            byte[] bytes = line.text().getBytes(StandardCharsets.UTF_8);
            current.out.write(bytes);
            current.bytes += bytes.length;
            if (line.precision() != Precision.NONE) {
                current.lastStamp = line.printedTime();
            }
            if (!rotateBeforeWrite && maxBytes > 0 && current.bytes >= maxBytes) {
                rotate();
            }
        }

        private void rotate() throws IOException {
            Segment full = segments.getLast();
            full.out.close();
            full.out = null;
            open();
            segments.getLast().lastStamp = full.lastStamp;
            if (segments.size() > backups + 1) {
                Files.deleteIfExists(segments.removeFirst().temp);
            }
        }

        private void open() throws IOException {
            Path temp = dir.resolve("." + name + ".part" + created++);
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20);
            Segment segment = new Segment(temp, out);
            segment.lastStamp = windowStart;
            segments.addLast(segment);
        }

        /** Renames the kept segments into place, newest as name, then name.1 and up, and stamps each with its last line. */
        List<Path> finish() throws IOException {
            Segment newest = segments.getLast();
            newest.out.close();
            newest.out = null;
            List<Path> finals = new ArrayList<>();
            int index = 0;
            for (var it = segments.descendingIterator(); it.hasNext(); index++) {
                Segment segment = it.next();
                Path target = dir.resolve(index == 0 ? name : name + "." + index);
                move(segment.temp, target);
                Files.setLastModifiedTime(target, FileTime.fromMillis(segment.lastStamp));
                finals.add(target);
            }
            // Backups left by an earlier, longer run would break the family's order.
            for (int stale = index; stale <= backups; stale++) {
                Files.deleteIfExists(dir.resolve(name + "." + stale));
            }
            segments.clear();
            return finals;
        }

        void discard() {
            for (Segment segment : segments) {
                try {
                    if (segment.out != null) {
                        segment.out.close();
                    }
                    Files.deleteIfExists(segment.temp);
                } catch (IOException ignored) {
                    // Best effort: the original failure is what the caller needs to see.
                }
            }
            segments.clear();
        }

        private static void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private static final class Segment {
            final Path temp;
            OutputStream out;
            long bytes;
            long lastStamp;

            Segment(Path temp, OutputStream out) {
                this.temp = temp;
                this.out = out;
            }
        }
    }

    // ===================================================================================== the family skeleton

    /**
     * One service's log. Subclasses say what the service writes on an ordinary moment and how it reacts to the shared
     * story; this class places those moments on the traffic curve so that the family reaches its size, and hands the
     * lines to the file in time order.
     */
    private abstract static class ServiceLog {
        final String name;
        final Platform platform;
        final SplittableRandom random;
        final Stamp stamp = new Stamp();
        private final StringBuilder text = new StringBuilder(16_384);
        private final PriorityQueue<Line> pending = new PriorityQueue<>();
        private long order;
        private long queuedChars;
        /** The service is down until then: ordinary traffic is skipped. */
        long quietUntil = Long.MIN_VALUE;

        ServiceLog(String name, Platform platform) {
            this.name = name;
            this.platform = platform;
            this.random = new SplittableRandom(platform.seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L));
        }

        boolean inDjangoFolder() {
            return false;
        }

        /** Writes what the service logs at an ordinary moment. */
        abstract void everyday(long at);

        void containerRestarts(long at, long back) {
        }

        void incidentBegins(long at, long end) {
        }

        void databaseCrashes(long at, long recovered) {
        }

        void incidentEnds(long at) {
        }

        void followed(Request request) {
        }

        final void generate(RotatingFile file, long targetBytes) throws IOException {
            Traffic traffic = platform.traffic;
            double workPerChar = traffic.total() / targetBytes;
            List<Happening> happenings = platform.happenings;
            int next = 0;
            long accounted = 0;
            double work = random.nextDouble() * 400 * workPerChar;
            while (true) {
                long at = traffic.timeAt(work);
                if (at >= platform.to) {
                    break;
                }
                while (next < happenings.size() && happenings.get(next).at() <= at) {
                    happen(happenings.get(next++));
                }
                flushBefore(at, file);
                if (at >= quietUntil) {
                    everyday(at);
                }
                long produced = Math.max(queuedChars - accounted, 60);
                accounted = queuedChars;
                // Bursty gaps for single lines; big chunks are spaced evenly so that the family still hits its size.
                double spread = produced > 4000 ? 1.0 : (random.nextExponential() + random.nextExponential()
                        + random.nextExponential() + random.nextExponential()) / 4;
                work += produced * workPerChar * spread;
            }
            while (next < happenings.size()) {
                happen(happenings.get(next++));
            }
            flushBefore(platform.to, file);
            pending.clear();
        }

        private void happen(Happening h) {
            switch (h.what()) {
                case RESTART -> containerRestarts(h.at(), h.until());
                case INCIDENT_BEGINS -> incidentBegins(h.at(), h.until());
                case DATABASE_CRASH -> databaseCrashes(h.at(), h.until());
                case INCIDENT_ENDS -> incidentEnds(h.at());
                case REQUEST -> followed(h.request());
            }
        }

        private void flushBefore(long at, RotatingFile file) throws IOException {
            while (!pending.isEmpty() && pending.peek().at() < at) {
                Line line = pending.poll();
                // A request that began before the window opened leaves no trace in it.
                if (line.at() >= platform.from) {
                    file.write(line);
                }
            }
        }

        /** Starts a new record; finish it with emit. */
        final StringBuilder line() {
            text.setLength(0);
            return text;
        }

        /** Queues the record built since line(), stamped with milliseconds. */
        final void emit(long at) {
            push(at, Precision.MILLIS);
        }

        /** Queues the record built since line(), stamped to the second. */
        final void emitSeconds(long at) {
            push(at, Precision.SECONDS);
        }

        /** Queues the record built since line(), which carries no time of its own. */
        final void emitUnstamped(long at) {
            push(at, Precision.NONE);
        }

        private void push(long at, Precision precision) {
            if (text.length() == 0 || text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            String s = text.toString();
            pending.add(new Line(at, order++, s, precision));
            queuedChars += s.length();
            text.setLength(0);
        }

        final boolean chance(double p) {
            return random.nextDouble() < p;
        }

        final int between(int low, int high) {
            return low + random.nextInt(high - low + 1);
        }
    }

    // ===================================================================================== PostgreSQL

    /** PostgreSQL 15 on stderr with log_line_prefix '%m [%p] %q%u@%d '. */
    private static final class PostgresLog extends ServiceLog {
        private static final String HBA = "/app/data/postgres/pg_hba.conf";
        private static final String[] APPLICATIONS = {"integramon-web", "celery-light", "celery-medium",
            "celery-periodic", "celery-messagelog", "publish-sync", "pg_dump", "tidemark"};
        private static final String[] SLOW_SQL = {
            "SELECT \"cpimessagelog\".\"id\", \"cpimessagelog\".\"message_guid\", \"cpimessagelog\".\"iflow\", "
                + "\"cpimessagelog\".\"status\", \"cpimessagelog\".\"log_start\", \"cpimessagelog\".\"log_end\" "
                + "FROM \"cpimessagelog\" WHERE (\"cpimessagelog\".\"config_id\" = $cfg AND \"cpimessagelog\".\"status\" "
                + "= 'FAILED' AND \"cpimessagelog\".\"log_start\" >= '$since'::timestamptz) ORDER BY "
                + "\"cpimessagelog\".\"log_start\" DESC LIMIT 50 OFFSET $offset",
            "SELECT COUNT(*) AS \"__count\" FROM \"cpimessagelog\" WHERE (\"cpimessagelog\".\"config_id\" = $cfg AND "
                + "\"cpimessagelog\".\"log_start\" >= '$since'::timestamptz)",
            "DELETE FROM \"cpipayload\" WHERE \"cpipayload\".\"id\" IN (SELECT U0.\"id\" FROM \"cpipayload\" U0 "
                + "WHERE (U0.\"config_id\" = $cfg AND U0.\"created_at\" < '$since'::timestamptz) LIMIT 5000)",
            "SELECT \"cpimessagelog\".\"iflow\", COUNT(\"cpimessagelog\".\"id\") AS \"failed\" FROM \"cpimessagelog\" "
                + "WHERE (\"cpimessagelog\".\"config_id\" = $cfg AND \"cpimessagelog\".\"status\" = 'FAILED') "
                + "GROUP BY \"cpimessagelog\".\"iflow\" ORDER BY \"failed\" DESC",
            "COPY public.cpimessagelog (id, config_id, message_guid, iflow, status, log_start, log_end) TO stdout;",
            "SELECT \"cmetricsnapshot\".\"taken_at\", \"cmetricsnapshot\".\"value\" FROM \"cmetricsnapshot\" WHERE "
                + "(\"cmetricsnapshot\".\"config_id\" = $cfg AND \"cmetricsnapshot\".\"metric\" = 'failed_messages' AND "
                + "\"cmetricsnapshot\".\"taken_at\" >= '$since'::timestamptz) ORDER BY \"cmetricsnapshot\".\"taken_at\" ASC",
            "SELECT relname, n_live_tup, n_dead_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables "
                + "ORDER BY pg_total_relation_size(relid) DESC",
            "UPDATE \"cworkerjobrun\" SET \"finished_at\" = '$now'::timestamptz, \"status\" = 'success' WHERE "
                + "\"cworkerjobrun\".\"run_id\" = '$uuid'::uuid"};
        private static final String[] TABLES = {"cpimessagelog", "cpipayload", "cpimessagelogruns",
            "cpicustomheaderproperties", "cpimessageattachment", "cmetricsnapshot", "cworkerjobrun"};

        private int postmaster;
        private int checkpointer;
        private int nextPid;
        private final int[] pooled = new int[6];
        private long xid;

        PostgresLog(Platform platform) {
            super("postgres", platform);
            postmaster = 20 + random.nextInt(20);
            checkpointer = postmaster + 1 + random.nextInt(3);
            nextPid = 20_000 + random.nextInt(200_000);
            refillPool();
            xid = 2_000_000 + random.nextInt(8_000_000);
        }

        private void refillPool() {
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] = newPid();
            }
        }

        private int newPid() {
            nextPid += 1 + random.nextInt(4);
            return nextPid;
        }

        private StringBuilder prefix(long at, int pid, boolean session) {
            StringBuilder sb = line();
            stamp.postgres(sb, at).append(" [").append(pid).append("] ");
            if (session) {
                sb.append("integramon@integramon ");
            }
            return sb;
        }

        private void log(long at, int pid, boolean session, String level, String message) {
            prefix(at, pid, session).append(level).append(":  ").append(message);
            emit(at);
        }

        @Override
        void everyday(long at) {
            if (platform.incident(at) && chance(0.6)) {
                overloaded(at);
                return;
            }
            int roll = random.nextInt(100);
            if (roll < 38) {
                session(at);
            } else if (roll < 62) {
                slowStatement(at, pooled[random.nextInt(pooled.length)]);
            } else if (roll < 70) {
                error(at);
            } else if (roll < 78) {
                autovacuum(at);
            } else if (roll < 82) {
                temporaryFile(at);
            } else if (roll < 87) {
                lockWait(at);
            } else if (roll < 92) {
                clientReset(at);
            } else if (roll < 94) {
                failedLogin(at);
            } else {
                checkpoint(at, "time");
            }
        }

        private void session(long at) {
            int pid = newPid();
            int port = 32768 + random.nextInt(28000);
            String application = pick(random, APPLICATIONS);
            prefix(at, pid, false).append("[unknown]@[unknown] LOG:  connection received: host=127.0.0.1 port=")
                    .append(port);
            emit(at);
            long t = at + 2 + random.nextInt(5);
            prefix(t, pid, true).append("LOG:  connection authenticated: identity=\"integramon\" "
                    + "method=scram-sha-256 (").append(HBA).append(":99)");
            emit(t);
            prefix(t, pid, true).append("LOG:  connection authorized: user=integramon database=integramon "
                    + "application_name=").append(application);
            emit(t);
            long duration = chance(0.7) ? 5 + random.nextInt(400) : 1000 + (long) (random.nextExponential() * 90_000);
            for (int i = random.nextInt(3); i > 0; i--) {
                slowStatement(t + 1 + random.nextLong(Math.max(2, duration - 1)), pid);
            }
            long end = t + duration;
            StringBuilder sb = prefix(end, pid, true).append("LOG:  disconnection: session time: ");
            sessionTime(sb, end - at + random.nextInt(3))
                    .append(" user=integramon database=integramon host=127.0.0.1 port=").append(port);
            emit(end);
        }

        /** A timestamp as Django binds it in SQL: 2026-11-21T11:04:59.083571+00:00. */
        private String timestamptz(long at) {
            StringBuilder sb = stamp.dateTime(new StringBuilder(32), at, 'T').append('.');
            three(sb, (int) Math.floorMod(at, SECOND));
            three(sb, random.nextInt(1000));
            return sb.append("+00:00").toString();
        }

        private StringBuilder sessionTime(StringBuilder sb, long millis) {
            long seconds = millis / SECOND;
            sb.append(seconds / 3600).append(':');
            two(sb, (int) (seconds / 60 % 60)).append(':');
            two(sb, (int) (seconds % 60)).append('.');
            return three(sb, (int) (millis % SECOND));
        }

        private void slowStatement(long at, int pid) {
            double millis = 500 + random.nextExponential() * 1500;
            StringBuilder sb = prefix(at, pid, true).append("LOG:  duration: ");
            decimal(sb, millis, 3).append(" ms  statement: ");
            sql(sb, pick(random, SLOW_SQL), at);
            emit(at);
        }

        private void sql(StringBuilder sb, String template, long at) {
            expand(sb, template, (token, out) -> {
                switch (token) {
                    case "cfg" -> out.append(1 + random.nextInt(TENANTS.length));
                    case "offset" -> out.append(50 * random.nextInt(40));
                    case "uuid" -> out.append(uuid(random));
                    case "since" -> out.append(timestamptz(at - (1 + random.nextInt(30)) * DAY));
                    case "now" -> out.append(timestamptz(at - random.nextInt(2000)));
                    default -> throw new IllegalStateException(token);
                }
            });
        }

        private void error(long at) {
            int pid = pooled[random.nextInt(pooled.length)];
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    int config = 1 + random.nextInt(TENANTS.length);
                    String guid = messageGuid(random);
                    log(at, pid, true, "ERROR", "duplicate key value violates unique constraint "
                            + "\"cpimessagelog_config_id_message_guid_uniq\"");
                    log(at, pid, true, "DETAIL", "Key (config_id, message_guid)=(" + config + ", " + guid
                            + ") already exists.");
                    log(at, pid, true, "STATEMENT", "INSERT INTO \"cpimessagelog\" (\"config_id\", \"message_guid\", "
                            + "\"iflow\", \"status\", \"log_start\", \"log_end\") VALUES (" + config + ", '" + guid
                            + "', '" + pick(random, IFLOWS) + "', 'COMPLETED', '" + timestamptz(at - 60_000) + "'::timestamptz, '"
                            + timestamptz(at - 59_000) + "'::timestamptz) RETURNING \"cpimessagelog\".\"id\"");
                }
                case 2 -> {
                    log(at, pid, true, "ERROR", "canceling statement due to statement timeout");
                    StringBuilder sb = prefix(at, pid, true).append("STATEMENT:  ");
                    sql(sb, SLOW_SQL[random.nextInt(4)], at);
                    emit(at);
                }
                case 3 -> {
                    log(at, pid, true, "ERROR", "could not serialize access due to concurrent update");
                    log(at, pid, true, "STATEMENT", "UPDATE \"cconfig\" SET \"is_active\" = true WHERE \"cconfig\".\"id\" = "
                            + (1 + random.nextInt(TENANTS.length)));
                }
                default -> deadlock(at);
            }
        }

        private void deadlock(long at) {
            int a = newPid();
            int b = newPid();
            long ta = xid++;
            long tb = xid++;
            int row = 1 + random.nextInt(40);
            String statementA = "UPDATE \"cworkerjobrun\" SET \"status\" = 'running' WHERE \"cworkerjobrun\".\"id\" = " + row;
            String statementB = "UPDATE \"cworkerjobrun\" SET \"status\" = 'running' WHERE \"cworkerjobrun\".\"id\" = " + (row + 1);
            log(at, a, true, "ERROR", "deadlock detected");
            prefix(at, a, true).append("DETAIL:  Process ").append(a).append(" waits for ShareLock on transaction ")
                    .append(tb).append("; blocked by process ").append(b).append(".\n\tProcess ").append(b)
                    .append(" waits for ShareLock on transaction ").append(ta).append("; blocked by process ").append(a)
                    .append(".\n\tProcess ").append(a).append(": ").append(statementA).append("\n\tProcess ").append(b)
                    .append(": ").append(statementB);
            emit(at);
            log(at, a, true, "HINT", "See server log for query details.");
            log(at, a, true, "CONTEXT", "while updating tuple (0," + row + ") in relation \"cworkerjobrun\"");
            log(at, a, true, "STATEMENT", statementA);
        }

        private void lockWait(long at) {
            int waiting = newPid();
            int holder = pooled[random.nextInt(pooled.length)];
            long transaction = xid++;
            int row = 1 + random.nextInt(60);
            String statement = "UPDATE \"cconfig\" SET \"last_polled_at\" = now() WHERE \"cconfig\".\"id\" = "
                    + (1 + random.nextInt(TENANTS.length));
            String context = "while updating tuple (0," + row + ") in relation \"cconfig\"";
            StringBuilder sb = prefix(at, waiting, true).append("LOG:  process ").append(waiting)
                    .append(" still waiting for ShareLock on transaction ").append(transaction).append(" after ");
            decimal(sb, 1000 + random.nextDouble() * 0.3, 3).append(" ms");
            emit(at);
            log(at, waiting, true, "DETAIL", "Process holding the lock: " + holder + ". Wait queue: " + waiting + ".");
            log(at, waiting, true, "CONTEXT", context);
            log(at, waiting, true, "STATEMENT", statement);
            double waited = 1200 + random.nextExponential() * 3000;
            long acquired = at + (long) waited - 1000;
            sb = prefix(acquired, waiting, true).append("LOG:  process ").append(waiting)
                    .append(" acquired ShareLock on transaction ").append(transaction).append(" after ");
            decimal(sb, waited, 3).append(" ms");
            emit(acquired);
            log(acquired, waiting, true, "CONTEXT", context);
            log(acquired, waiting, true, "STATEMENT", statement);
        }

        private void temporaryFile(long at) {
            int pid = pooled[random.nextInt(pooled.length)];
            prefix(at, pid, true).append("LOG:  temporary file: path \"base/pgsql_tmp/pgsql_tmp").append(pid)
                    .append('.').append(random.nextInt(4)).append("\", size ").append(1_048_576L * between(2, 180));
            emit(at);
            StringBuilder sb = prefix(at, pid, true).append("STATEMENT:  ");
            sql(sb, SLOW_SQL[3], at);
            emit(at);
        }

        private void clientReset(long at) {
            int pid = pooled[random.nextInt(pooled.length)];
            log(at, pid, true, "LOG", "could not receive data from client: Connection reset by peer");
            if (chance(0.4)) {
                log(at, pid, true, "LOG", "unexpected EOF on client connection with an open transaction");
            }
            pooled[random.nextInt(pooled.length)] = newPid();
        }

        private void failedLogin(long at) {
            int pid = newPid();
            String user = pick(random, "grafana", "integramon", "postgres", "metabase");
            prefix(at, pid, false).append("[unknown]@[unknown] LOG:  connection received: host=10.20.0.")
                    .append(5 + random.nextInt(36)).append(" port=").append(32768 + random.nextInt(28000));
            emit(at);
            long t = at + 3;
            prefix(t, pid, false).append(user).append("@integramon FATAL:  password authentication failed for user \"")
                    .append(user).append('"');
            emit(t);
            StringBuilder sb = prefix(t, pid, false).append(user).append("@integramon DETAIL:  ");
            if (user.equals("grafana") || user.equals("metabase")) {
                sb.append("Role \"").append(user).append("\" does not exist.\n\t");
            }
            sb.append("Connection matched pg_hba.conf line 99: \"host    all             all             "
                    + "0.0.0.0/0               scram-sha-256\"");
            emit(t);
        }

        private void autovacuum(long at) {
            int pid = newPid();
            String table = pick(random, TABLES);
            StringBuilder sb = prefix(at, pid, false);
            if (chance(0.4)) {
                sb.append("LOG:  automatic analyze of table \"integramon.public.").append(table).append("\"\n\t");
                usage(sb, false);
                emit(at);
                return;
            }
            int pages = between(50, 400_000);
            int removed = between(100, 900_000);
            sb.append("LOG:  automatic vacuum of table \"integramon.public.").append(table).append("\": index scans: 1\n")
                    .append("\tpages: 0 removed, ").append(pages).append(" remain, ").append(pages / between(1, 3))
                    .append(" scanned (");
            decimal(sb, 100.0 / between(1, 3), 2).append("% of total)\n")
                    .append("\ttuples: ").append(removed).append(" removed, ").append(removed * between(2, 30))
                    .append(" remain, 0 are dead but not yet removable\n")
                    .append("\tremovable cutoff: ").append(xid).append(", which was ").append(random.nextInt(40))
                    .append(" XIDs old when operation ended\n")
                    .append("\tindex scan needed: ").append(pages / 3).append(" pages from table (");
            decimal(sb, 30 + random.nextDouble() * 60, 2).append("% of total) had ").append(removed)
                    .append(" dead item identifiers removed\n")
                    .append("\tindex \"").append(table).append("_pkey\": pages: ").append(pages / 8)
                    .append(" in total, 0 newly deleted, 0 currently deleted, 0 reusable\n\t");
            usage(sb, true);
            emit(at);
        }

        private void usage(StringBuilder sb, boolean wal) {
            sb.append("avg read rate: ");
            decimal(sb, random.nextDouble() * 40, 3).append(" MB/s, avg write rate: ");
            decimal(sb, random.nextDouble() * 30, 3).append(" MB/s\n\tbuffer usage: ").append(between(100, 90_000))
                    .append(" hits, ").append(random.nextInt(5000)).append(" misses, ").append(random.nextInt(3000))
                    .append(" dirtied\n\t");
            if (wal) {
                sb.append("WAL usage: ").append(between(100, 60_000)).append(" records, ").append(random.nextInt(3000))
                        .append(" full page images, ").append(between(10_000, 90_000_000)).append(" bytes\n\t");
            }
            sb.append("system usage: CPU: user: ");
            decimal(sb, random.nextDouble() * 2, 2).append(" s, system: ");
            decimal(sb, random.nextDouble() * 0.5, 2).append(" s, elapsed: ");
            decimal(sb, random.nextDouble() * 9, 2).append(" s");
        }

        private void checkpoint(long at, String reason) {
            log(at, checkpointer, false, "LOG", "checkpoint starting: " + reason);
            boolean spread = reason.equals("time");
            long done = at + (spread ? between(20, 270) * SECOND : between(2, 40));
            int buffers = between(spread ? 40 : 2, 9000);
            StringBuilder sb = prefix(done, checkpointer, false).append("LOG:  checkpoint complete: wrote ")
                    .append(buffers).append(" buffers (");
            decimal(sb, buffers / 163.84, 1).append("%); 0 WAL file(s) added, 0 removed, ").append(random.nextInt(3))
                    .append(" recycled; write=");
            double total = (done - at) / 1000.0;
            double sync = Math.min(total / 2, between(1, 20) / 1000.0);
            decimal(sb, total - sync - 0.001, 3).append(" s, sync=");
            decimal(sb, sync, 3).append(" s, total=");
            decimal(sb, total, 3).append(" s; sync files=").append(between(2, 40))
                    .append(", longest=0.00").append(random.nextInt(9)).append(" s, average=0.001 s; distance=")
                    .append(between(40, 90_000)).append(" kB, estimate=").append(between(9_000, 90_000)).append(" kB");
            emit(done);
        }

        private void overloaded(long at) {
            int pid = newPid();
            prefix(at, pid, false).append("[unknown]@[unknown] LOG:  connection received: host=127.0.0.1 port=")
                    .append(32768 + random.nextInt(28000));
            emit(at);
            if (at >= platform.crashAt && at < platform.recoveredAt) {
                log(at + 1, pid, true, "FATAL", "the database system is in recovery mode");
            } else if (chance(0.8)) {
                log(at + 1, pid, true, "FATAL", "sorry, too many clients already");
            } else {
                log(at + 1, pid, true, "FATAL", "remaining connection slots are reserved for non-replication "
                        + "superuser connections");
            }
            if (chance(0.2)) {
                slowStatement(at + 2, pooled[random.nextInt(pooled.length)]);
            }
        }

        @Override
        void databaseCrashes(long at, long recovered) {
            int victim = pooled[0];
            log(at, postmaster, false, "LOG", "server process (PID " + victim + ") was terminated by signal 9: Killed");
            StringBuilder sb = prefix(at, postmaster, false).append("DETAIL:  Failed process was running: ");
            sql(sb, SLOW_SQL[3], at);
            emit(at);
            log(at, postmaster, false, "LOG", "terminating any other active server processes");
            log(at + 40, postmaster, false, "LOG", "all server processes terminated; reinitializing");
            int startup = newPid();
            long t = at + 120;
            log(t, startup, false, "LOG", "database system was interrupted; last known up at "
                    + stamp.dateTime(new StringBuilder(), at - between(60, 290) * SECOND, ' ') + " UTC");
            log(t + 60, startup, false, "LOG", "database system was not properly shut down; automatic recovery in progress");
            long lsn = 0x5A000000L + random.nextInt(0x0FFFFFFF);
            log(t + 62, startup, false, "LOG", "redo starts at 0/" + Long.toHexString(lsn).toUpperCase(Locale.ROOT));
            long redoDone = Math.max(t + 200, recovered - 400);
            log(redoDone, startup, false, "LOG", "invalid record length at 0/"
                    + Long.toHexString(lsn + 0x2F1A0).toUpperCase(Locale.ROOT) + ": wanted 24, got 0");
            sb = prefix(redoDone, startup, false).append("LOG:  redo done at 0/")
                    .append(Long.toHexString(lsn + 0x2F168).toUpperCase(Locale.ROOT))
                    .append(" system usage: CPU: user: ");
            decimal(sb, random.nextDouble(), 2).append(" s, system: ");
            decimal(sb, random.nextDouble() * 0.3, 2).append(" s, elapsed: ");
            decimal(sb, (redoDone - t) / 1000.0, 2).append(" s");
            emit(redoDone);
            checkpointer = newPid();
            checkpoint(redoDone + 5, "end-of-recovery immediate wait");
            log(recovered, postmaster, false, "LOG", "database system is ready to accept connections");
            refillPool();
            quietUntil = recovered;
        }

        @Override
        void containerRestarts(long at, long back) {
            long t = at + between(1, 3) * SECOND;
            log(t, postmaster, false, "LOG", "received fast shutdown request");
            log(t, postmaster, false, "LOG", "aborting any active transactions");
            log(t + 6, postmaster, false, "LOG", "background worker \"logical replication launcher\" (PID "
                    + (postmaster + 5) + ") exited with exit code 1");
            log(t + 7, checkpointer, false, "LOG", "shutting down");
            checkpoint(t + 7, "shutdown immediate");
            long down = t + 80;
            log(down, postmaster, false, "LOG", "database system is shut down");

            postmaster = 14 + random.nextInt(12);
            checkpointer = postmaster + 2;
            nextPid = postmaster + 40;
            long up = back + between(1, 2) * SECOND;
            log(up, postmaster, false, "LOG", "starting " + PG_VERSION);
            log(up, postmaster, false, "LOG", "listening on IPv4 address \"127.0.0.1\", port 5432");
            log(up, postmaster, false, "LOG", "listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"");
            log(up + 4, postmaster + 4, false, "LOG", "database system was shut down at "
                    + stamp.dateTime(new StringBuilder(), down, ' ') + " UTC");
            log(up + 9, postmaster, false, "LOG", "database system is ready to accept connections");
            refillPool();
            quietUntil = up + 2 * SECOND;
        }
    }

    // ===================================================================================== pg-init and migrate

    /** Shell wrapper output: its own lines stamped with date -u +%FT%TZ, and the raw output of the tools it runs. */
    private abstract static class ShellLog extends ServiceLog {
        ShellLog(String name, Platform platform) {
            super(name, platform);
        }

        /** Starts a wrapper line; append the message, then any tool output lines, then emitSeconds. */
        final StringBuilder say(long at, String message) {
            StringBuilder sb = line();
            stamp.iso(sb, at).append(' ').append(name).append(": ").append(message);
            return sb;
        }

        final void sayAlone(long at, String message) {
            say(at, message);
            emitSeconds(at);
        }
    }

    /** The pg-init program: makes sure the role, database and extensions exist, then keeps checking. */
    private static final class PgInitLog extends ShellLog {
        PgInitLog(Platform platform) {
            super("pg-init", platform);
        }

        @Override
        void everyday(long at) {
            if (platform.incident(at)) {
                notReady(at, between(1, 30));
                return;
            }
            int roll = random.nextInt(10);
            long t = at;
            say(t, "checking PostgreSQL at 127.0.0.1:5432").append("\n127.0.0.1:5432 - accepting connections");
            emitSeconds(t);
            if (roll < 6) {
                t += between(0, 1) * SECOND;
                sayAlone(t, "role \"integramon\" present, database \"integramon\" present (owner=integramon, encoding=UTF8)");
                say(t, "ensuring extensions").append("\nNOTICE:  extension \"pg_trgm\" already exists, skipping\n"
                        + "CREATE EXTENSION\nNOTICE:  extension \"pg_stat_statements\" already exists, skipping\n"
                        + "CREATE EXTENSION");
                emitSeconds(t);
            } else if (roll < 8) {
                t += SECOND;
                String table = pick(random, PostgresLog.TABLES);
                say(t, "analyzing " + table).append("\nvacuumdb: vacuuming database \"integramon\"");
                emitSeconds(t);
                t += between(1, 40) * SECOND;
                sayAlone(t, "analyze of " + table + " done");
            } else {
                t += SECOND;
                StringBuilder sb = say(t, "connections in use");
                sb.append("\n count | state\n-------+---------------------\n");
                padded(sb, between(2, 30)).append(" | active\n");
                padded(sb, between(10, 60)).append(" | idle\n");
                padded(sb, random.nextInt(4)).append(" | idle in transaction\n(3 rows)");
                emitSeconds(t);
            }
            sayAlone(t, "ok, next check in 300s");
        }

        /** psql's right-aligned count column. */
        private static StringBuilder padded(StringBuilder sb, int count) {
            String digits = Integer.toString(count);
            for (int i = digits.length(); i < 6; i++) {
                sb.append(' ');
            }
            return sb.append(digits);
        }

        private void notReady(long at, int attempt) {
            String reason = at >= platform.crashAt && at < platform.recoveredAt
                    ? "127.0.0.1:5432 - no response"
                    : "127.0.0.1:5432 - rejecting connections";
            say(at, "checking PostgreSQL at 127.0.0.1:5432").append('\n').append(reason);
            emitSeconds(at);
            say(at, "psql failed").append("\npsql: error: connection to server at \"127.0.0.1\", port 5432 failed: "
                    + "FATAL:  sorry, too many clients already");
            emitSeconds(at);
            sayAlone(at, "PostgreSQL not ready (attempt " + attempt + "/30), retrying in 5s");
        }

        @Override
        void containerRestarts(long at, long back) {
            long t = back + SECOND;
            sayAlone(t, "starting (PGDATA=/app/data/postgres)");
            sayAlone(t, "data directory exists, skipping initdb");
            say(t, "waiting for PostgreSQL at 127.0.0.1:5432").append("\n127.0.0.1:5432 - no response");
            emitSeconds(t);
            t += 2 * SECOND;
            say(t, "waiting for PostgreSQL at 127.0.0.1:5432").append("\n127.0.0.1:5432 - accepting connections");
            emitSeconds(t);
            say(t, "applying roles and grants").append("\nALTER ROLE\nGRANT\nGRANT\nALTER DEFAULT PRIVILEGES");
            emitSeconds(t);
            sayAlone(t + SECOND, "done in 3.1s");
            quietUntil = t + 2 * SECOND;
        }
    }

    /** The migrate program: Django migrate and collectstatic at start, then a schema check loop. */
    private static final class MigrateLog extends ShellLog {
        private static final String APPS = "admin, ai, alerts, auth, contenttypes, core, django_celery_beat, "
                + "django_celery_results, reports, sessions";
        private static final String[] MIGRATIONS = {"core.0187_cpimessagelog_log_start_idx",
            "core.0188_cpiarchive_sha256", "core.0189_cworkerjobrun_status_idx", "alerts.0031_alertrule_cooldown",
            "alerts.0032_alert_details_json", "ai.0007_summary_model_name", "reports.0012_sla_target_by_iflow"};
        private int applied;

        MigrateLog(Platform platform) {
            super("migrate", platform);
        }

        @Override
        void everyday(long at) {
            String error = platform.databaseError(at, random);
            if (error != null) {
                failed(at, error);
                return;
            }
            int roll = random.nextInt(10);
            if (roll < 5) {
                sayAlone(at, "checking for unapplied migrations");
                sayAlone(at + between(1, 3) * SECOND, "schema up to date ("
                        + (412 + applied) + " migrations applied)");
            } else if (roll < 8) {
                migrate(at, false);
            } else if (roll < 9) {
                sayAlone(at, "python manage.py clearsessions");
                sayAlone(at + between(1, 4) * SECOND, "removed " + random.nextInt(300) + " expired sessions");
            } else {
                long t = at;
                say(t, "python manage.py check --deploy").append("\nSystem check identified some issues:\n\nWARNINGS:\n"
                        + "?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting. If your "
                        + "entire site is served only over SSL, you may want to consider setting a value and enabling "
                        + "HTTP Strict Transport Security. Be sure to read the documentation first; enabling HSTS "
                        + "carelessly can cause serious, irreversible problems.\n"
                        + "?: (security.W008) Your SECURE_SSL_REDIRECT setting is not set to True. Unless your site "
                        + "should be available over both SSL and non-SSL connections, you may want to either set this "
                        + "setting True or configure a load balancer or reverse-proxy server to redirect all "
                        + "connections to HTTPS.\n\nSystem check identified 2 issues (0 silenced).");
                emitSeconds(t);
            }
        }

        private void migrate(long at, boolean starting) {
            long t = at;
            StringBuilder sb = say(t, "python manage.py migrate --noinput")
                    .append("\nOperations to perform:\n  Apply all migrations: ").append(APPS)
                    .append("\nRunning migrations:\n");
            if (starting && applied < MIGRATIONS.length) {
                int count = Math.min(MIGRATIONS.length - applied, between(1, 3));
                for (int i = 0; i < count; i++) {
                    sb.append("  Applying ").append(MIGRATIONS[applied++]).append("... OK\n");
                }
            } else {
                sb.append("  No migrations to apply.\n");
                if (chance(0.15)) {
                    sb.append("  Your models in app(s): 'core' have changes that are not yet reflected in a "
                            + "migration, and so won't be applied.\n  Run 'manage.py makemigrations' to make new "
                            + "migrations, and then re-run 'manage.py migrate' to apply them.\n");
                }
            }
            emitSeconds(t);
            t += between(2, 6) * SECOND;
            say(t, "python manage.py collectstatic --noinput").append('\n').append(starting ? between(0, 40) : 0)
                    .append(" static files copied to '/app/staticfiles', ").append(1342 + applied)
                    .append(" unmodified.");
            emitSeconds(t);
            t += between(1, 3) * SECOND;
            sayAlone(t, "done in " + (t - at) / 1000 + "." + random.nextInt(10) + "s");
        }

        private void failed(long at, String error) {
            StringBuilder sb = say(at, "python manage.py migrate --noinput").append('\n');
            sb.append(Tracebacks.MIGRATE_HEAD).append(Tracebacks.CONNECT_CHAIN)
                    .append("django.db.utils.OperationalError: ").append(error).append('\n');
            emitSeconds(at);
            sayAlone(at + SECOND, "migrate failed (exit 1), retrying in 10s");
        }

        @Override
        void containerRestarts(long at, long back) {
            long t = back + 3 * SECOND;
            sayAlone(t, "waiting for pg-init");
            migrate(t + 2 * SECOND, true);
            quietUntil = t + 20 * SECOND;
        }
    }

    // ===================================================================================== Redis

    /** redis-server 7.0 at loglevel verbose: pid:role DD Mon YYYY HH:MM:SS.mmm level message. */
    private static final class RedisLog extends ServiceLog {
        private static final String[] COMMANDS = {"brpop", "set", "get", "llen", "ping", "publish", "hset", "setex"};
        private int pid;
        private int clientId;
        private final int[] keys = new int[3];
        private long lastSave;

        RedisLog(Platform platform) {
            super("redis", platform);
            pid = 10 + random.nextInt(30);
            clientId = 4000 + random.nextInt(90_000);
            keys[0] = 4 + random.nextInt(6);
            keys[1] = 200 + random.nextInt(300);
            keys[2] = 30 + random.nextInt(200);
            lastSave = platform.from;
        }

        private StringBuilder prefix(long at, int process, char role, char level) {
            StringBuilder sb = line().append(process).append(':').append(role).append(' ');
            return stamp.redis(sb, at).append(' ').append(level).append(' ');
        }

        private void log(long at, char role, char level, String message) {
            prefix(at, pid, role, level).append(message);
            emit(at);
        }

        @Override
        void everyday(long at) {
            int roll = random.nextInt(100);
            if (roll < 45) {
                client(at);
            } else if (roll < 80) {
                keySpace(at);
            } else if (roll < 88 && at - lastSave > 5 * MINUTE) {
                backgroundSave(at);
            } else if (roll < 93) {
                log(at, 'M', '-', "Reading from client: Connection reset by peer");
            } else {
                client(at);
            }
        }

        private void client(long at) {
            int port = 32768 + random.nextInt(28000);
            log(at, 'M', '-', "Accepted 127.0.0.1:" + port);
            long closed = at + (chance(0.6) ? random.nextInt(5) : (long) (random.nextExponential() * 20 * MINUTE));
            int id = ++clientId;
            int db = random.nextInt(3);
            prefix(closed, pid, 'M', '-').append("Client closed connection id=").append(id)
                    .append(" addr=127.0.0.1:").append(port).append(" laddr=127.0.0.1:6379 fd=")
                    .append(between(8, 120)).append(" name= age=").append((closed - at) / SECOND)
                    .append(" idle=0 flags=N db=").append(db).append(" sub=0 psub=0 ssub=0 multi=-1 qbuf=0 "
                    + "qbuf-free=20474 argv-mem=0 multi-mem=0 rbs=16384 rbp=16384 obl=0 oll=0 omem=0 tot-mem=37632 "
                    + "events=r cmd=").append(pick(random, COMMANDS)).append(" user=default redir=-1 resp=2");
            emit(closed);
        }

        private void keySpace(long at) {
            for (int db = 0; db < keys.length; db++) {
                keys[db] = Math.max(1, keys[db] + random.nextInt(7) - 3);
                int slots = 4;
                while (slots < keys[db]) {
                    slots *= 2;
                }
                int volatileKeys = db == 1 ? keys[db] : db == 2 ? keys[db] / 3 : 0;
                prefix(at, pid, 'M', '-').append("DB ").append(db).append(": ").append(keys[db]).append(" keys (")
                        .append(volatileKeys).append(" volatile) in ").append(slots).append(" slots HT.");
                emit(at);
            }
        }

        private void backgroundSave(long at) {
            lastSave = at;
            int child = pid + 100 + random.nextInt(60_000);
            log(at, 'M', '*', "100 changes in 300 seconds. Saving...");
            log(at, 'M', '*', "Background saving started by pid " + child);
            long t = at + 1 + random.nextInt(3);
            prefix(t, child, 'C', '-').append("Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB");
            emit(t);
            t += 2 + random.nextInt(30);
            prefix(t, child, 'C', '*').append("DB saved on disk");
            emit(t);
            prefix(t, child, 'C', '*').append("Fork CoW for RDB: current ").append(random.nextInt(3))
                    .append(" MB, peak ").append(random.nextInt(3)).append(" MB, average 0 MB");
            emit(t);
            log(t + 90 + random.nextInt(20), 'M', '*', "Background saving terminated with success");
        }

        @Override
        void containerRestarts(long at, long back) {
            long t = at + between(1, 3) * SECOND;
            log(t, 'M', '#', "User requested shutdown...");
            log(t, 'M', '*', "Saving the final RDB snapshot before exiting.");
            log(t + 3, 'M', '*', "DB saved on disk");
            log(t + 3, 'M', '*', "Removing the pid file.");
            log(t + 3, 'M', '#', "Redis is now ready to exit, bye bye...");
            pid = 10 + random.nextInt(30);
            long up = back + SECOND;
            log(up, 'C', '#', "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
            log(up, 'C', '#', "Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=" + pid + ", just started");
            log(up, 'C', '#', "Configuration loaded");
            log(up, 'M', '*', "monotonic clock: POSIX clock_gettime");
            log(up + 1, 'M', '*', "Running mode=standalone, port=6379.");
            log(up + 1, 'M', '#', "Server initialized");
            log(up + 1, 'M', '#', "WARNING Memory overcommit must be enabled! Without it, a background save or "
                    + "replication may fail under low memory condition. Being disabled, it can can also cause failures "
                    + "without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this "
                    + "issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command "
                    + "'sysctl vm.overcommit_memory=1' for this to take effect.");
            log(up + 2, 'M', '*', "Loading RDB produced by version 7.0.15");
            log(up + 2, 'M', '*', "RDB age " + (up - t) / SECOND + " seconds");
            StringBuilder sb = new StringBuilder("RDB memory usage when created ");
            decimal(sb, 1.2 + random.nextDouble() * 3, 2).append(" Mb");
            log(up + 2, 'M', '*', sb.toString());
            log(up + 3, 'M', '*', "Done loading RDB, keys loaded: " + (keys[0] + keys[1] + keys[2]) + ", keys expired: "
                    + random.nextInt(40) + ".");
            log(up + 3, 'M', '*', "DB loaded from disk: 0.00" + random.nextInt(9) + " seconds");
            log(up + 3, 'M', '*', "Ready to accept connections");
            quietUntil = up + SECOND;
        }
    }

    // ===================================================================================== Django, gunicorn, login activity

    /** Logs that carry Django's verbose lines: '{levelname} {asctime} {module} {process:d} {thread:d} {message}'. */
    private abstract static class DjangoStyleLog extends ServiceLog {
        DjangoStyleLog(String name, Platform platform) {
            super(name, platform);
        }

        final StringBuilder verbose(long at, String level, String module, int pid, long thread) {
            StringBuilder sb = line().append(level).append(' ');
            return stamp.python(sb, at).append(' ').append(module).append(' ').append(pid).append(' ').append(thread)
                    .append(' ');
        }

        /** The lines Django writes for one request; debug says whether DEBUG records reach this log. */
        final void django(Request r, boolean debug) {
            WebServer web = platform.web(r.at());
            int pid = web.worker(random);
            long thread = web.thread(pid, random);
            long end = r.at();
            long inside = end - Math.max(1, (long) (r.millis() * 0.2));
            if (r.task() != null) {
                verbose(inside, "INFO", "views", pid, thread).append("request_id=").append(r.id()).append(" enqueued ")
                        .append(shortName(r.task().name())).append(" task_id=").append(r.task().id())
                        .append(" tenant=").append(r.tenant());
                emit(inside);
            }
            switch (r.outcome()) {
                case UNAUTHORIZED -> {
                    verbose(inside, "WARNING", "views", pid, thread).append("request_id=").append(r.id())
                            .append(" authentication failed username=").append(r.username());
                    emit(inside);
                }
                case CSRF -> {
                    verbose(end, "WARNING", "log", pid, thread).append("Forbidden (CSRF cookie not set.): ")
                            .append(r.pathOnly());
                    emit(end);
                }
                case CONFLICT -> {
                    verbose(inside, "WARNING", "views", pid, thread).append("request_id=").append(r.id())
                            .append(" duplicate tenant name='").append(r.tenant()).append("': duplicate key value "
                            + "violates unique constraint \"cconfig_name_key\"");
                    emit(inside);
                }
                case BAD_HOST -> {
                    verbose(end, "ERROR", "exception", pid, thread).append("Invalid HTTP_HOST header: '")
                            .append(r.detail()).append("'. You may need to add '").append(r.detail())
                            .append("' to ALLOWED_HOSTS.");
                    emit(end);
                }
                case REPORT_BUG -> {
                    verbose(end, "ERROR", "log", pid, thread).append("Internal Server Error: ").append(r.pathOnly())
                            .append('\n').append(Tracebacks.reportBug(r.detail()));
                    emit(end);
                }
                case DB_DOWN -> {
                    verbose(end, "ERROR", "log", pid, thread).append("Internal Server Error: ").append(r.pathOnly())
                            .append('\n').append(Tracebacks.djangoDatabase(viewOf(r), r.detail()));
                    emit(end);
                }
                default -> viewDetail(r, inside, pid, thread, debug);
            }
            String level = r.status() >= 500 ? "ERROR" : r.status() >= 400 || r.millis() >= 1000 ? "WARNING" : "INFO";
            StringBuilder sb = verbose(end, level, "middleware", pid, thread).append("request_id=").append(r.id())
                    .append(" method=").append(r.method()).append(" path=").append(r.path()).append(" status=")
                    .append(r.status()).append(" duration_ms=");
            decimal(sb, r.millis(), 1).append(" remote=127.0.0.1 ua=\"").append(r.userAgent()).append('"');
            if (r.millis() >= 1000 && r.status() < 400) {
                sb.append(" slow_request=true");
            }
            emit(end);
            String after = switch (r.status()) {
                case 404 -> "Not Found: ";
                case 401 -> "Unauthorized: ";
                case 409 -> "Conflict: ";
                case 400 -> "Bad Request: ";
                default -> null;
            };
            if (after != null) {
                verbose(end + 1, "WARNING", "log", pid, thread).append(after).append(r.pathOnly());
                emit(end + 1);
            }
        }

        private void viewDetail(Request r, long at, int pid, long thread, boolean debug) {
            switch (r.endpoint()) {
                case LOGIN -> verbose(at, "INFO", "views", pid, thread).append("request_id=").append(r.id())
                        .append(" authentication succeeded username=").append(r.username());
                case CREATE_TENANT -> verbose(at, "INFO", "views", pid, thread).append("request_id=").append(r.id())
                        .append(" created tenant id=").append(TENANTS.length + between(1, 40)).append(" name=")
                        .append(r.tenant()).append('-').append(between(2, 9));
                case SLA_REPORT -> verbose(at, "INFO", "views", pid, thread).append("request_id=").append(r.id())
                        .append(" sla report tenant=").append(r.tenant()).append(" rows=").append(between(12, 400));
                case PUBLISH -> verbose(at, "INFO", "views", pid, thread).append("request_id=").append(r.id())
                        .append(" publish sync requested tenants=").append(between(1, TENANTS.length))
                        .append(" batch_size=16");
                case EXPORT -> {
                    if (!debug) {
                        return;
                    }
                    verbose(at, "DEBUG", "views", pid, thread).append("request_id=").append(r.id())
                            .append(" export rows=").append(between(1000, 90_000));
                }
                case MESSAGE_LOGS, STORAGE -> {
                    if (!debug || !chance(0.3)) {
                        return;
                    }
                    verbose(at, "DEBUG", "cache", pid, thread).append("request_id=").append(r.id())
                            .append(" cache miss key=tenant:").append(tenantId(r.tenant())).append(':')
                            .append(r.endpoint() == Endpoint.STORAGE ? "storage" : "messagelogs");
                }
                default -> {
                    return;
                }
            }
            emit(at);
        }

        private static String viewOf(Request r) {
            return switch (r.endpoint()) {
                case HEALTH -> "health";
                case TENANT_LIST, CREATE_TENANT -> "tenant_list";
                case MESSAGE_LOGS, MESSAGE_LOG, EXPORT -> "tenant_messagelogs";
                case DASHBOARD -> "dashboard_summary";
                case LOGIN -> "login";
                default -> "tenant_action";
            };
        }
    }

    private static String shortName(String task) {
        return task.substring(task.lastIndexOf('.') + 1);
    }

    /** Django's own file: django/django.log with Python's RotatingFileHandler. */
    private static final class DjangoLog extends DjangoStyleLog {
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

    /** supervisor's capture of gunicorn: gunicorn's error and access lines interleaved with Django's console lines. */
    private static final class GunicornLog extends DjangoStyleLog {
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

    /** login_activity.log: the platform's authentication audit, in Django's verbose format. */
    private static final class LoginActivityLog extends DjangoStyleLog {
        LoginActivityLog(Platform platform) {
            super("login_activity", platform);
        }

        @Override
        void everyday(long at) {
            int roll = random.nextInt(100);
            String user = pick(random, USERS);
            String ip = "10.40." + (1 + random.nextInt(3)) + "." + (2 + random.nextInt(250));
            if (roll < 50) {
                succeeded(at, uuid(random), user, ip, pick(random, BROWSERS));
            } else if (roll < 65) {
                loggedOut(at, uuid(random), user);
            } else if (roll < 80) {
                failed(at, uuid(random), user, ip, pick(random, BROWSERS), "invalid_credentials");
            } else if (roll < 88) {
                bruteForce(at);
            } else {
                String tenant = pick(random, TENANTS);
                WebServer web = platform.web(at);
                int pid = web.worker(random);
                verbose(at, "INFO", "sso", pid, web.thread(pid, random)).append("request_id=").append(uuid(random))
                        .append(" login succeeded username=").append(user).append('@')
                        .append(asciiName(tenant)).append(".example tenant=")
                        .append(tenant).append(" method=oidc provider=azuread ip=").append(ip);
                emit(at);
            }
        }

        private void succeeded(long at, String requestId, String user, String ip, String ua) {
            WebServer web = platform.web(at);
            int pid = web.worker(random);
            verbose(at, "INFO", "signals", pid, web.thread(pid, random)).append("request_id=").append(requestId)
                    .append(" login succeeded username=").append(user).append(" tenant=").append(pick(random, TENANTS))
                    .append(" ip=").append(ip).append(" method=password ua=\"").append(ua).append('"');
            emit(at);
        }

        private void failed(long at, String requestId, String user, String ip, String ua, String reason) {
            WebServer web = platform.web(at);
            int pid = web.worker(random);
            verbose(at, reason.equals("database_unavailable") ? "ERROR" : "WARNING", "signals", pid,
                    web.thread(pid, random)).append("request_id=").append(requestId).append(" login failed username=")
                    .append(user).append(" ip=").append(ip).append(" reason=").append(reason).append(" ua=\"")
                    .append(ua).append('"');
            emit(at);
        }

        private void loggedOut(long at, String requestId, String user) {
            WebServer web = platform.web(at);
            int pid = web.worker(random);
            verbose(at, "INFO", "signals", pid, web.thread(pid, random)).append("request_id=").append(requestId)
                    .append(" logout username=").append(user).append(" session_age_s=").append(between(30, 36_000));
            emit(at);
        }

        private void bruteForce(long at) {
            String ip = pick(random, "203.0.113.", "198.51.100.", "45.148.10.") + (2 + random.nextInt(250));
            String user = pick(random, "admin", "root", "ops", "administrator");
            long t = at;
            int attempts = between(3, 7);
            for (int i = 1; i <= attempts; i++) {
                failed(t, uuid(random), user, ip, "python-requests/2.28.1", "invalid_credentials");
                t += between(400, 3000);
            }
            if (attempts >= 5) {
                WebServer web = platform.web(t);
                int pid = web.worker(random);
                verbose(t, "WARNING", "signals", pid, web.thread(pid, random)).append("account locked username=")
                        .append(user).append(" ip=").append(ip).append(" failures=").append(attempts)
                        .append(" window_s=900");
                emit(t);
            }
        }

        @Override
        void followed(Request r) {
            if (r.endpoint() == Endpoint.LOGIN) {
                switch (r.outcome()) {
                    case OK -> succeeded(r.at(), r.id(), r.username(), r.client(), r.userAgent());
                    case UNAUTHORIZED -> failed(r.at(), r.id(), r.username(), r.client(), r.userAgent(),
                            "invalid_credentials");
                    case DB_DOWN -> failed(r.at(), r.id(), r.username(), r.client(), r.userAgent(), "database_unavailable");
                    default -> {
                        // A CSRF failure never reaches the login view.
                    }
                }
            } else if (r.endpoint() == Endpoint.LOGOUT) {
                loggedOut(r.at(), r.id(), r.username());
            }
        }

        @Override
        void containerRestarts(long at, long back) {
            quietUntil = back + GUNICORN_START + SECOND;
        }
    }

    // ===================================================================================== publish_sync

    /** django/publish_sync.log: '[{asctime}] [{levelname}] {message}', one request_id per batch. */
    private static final class PublishSyncLog extends ServiceLog {
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

    // ===================================================================================== Celery

    private enum Trouble { NONE, HTTP_TIMEOUT, RATE_LIMIT, SMTP, DUPLICATE, WEBHOOK }

    /** One kind of task a queue runs: how often, how long, what it logs and returns, and how it tends to fail. */
    private record TaskKind(String name, int weight, int minMillis, int maxMillis, String[] steps, String result,
                            Trouble trouble, boolean scheduled) {
    }

    /** A Celery worker program under supervisor: its queue, node name, pool size and tasks. */
    private record Queue(String family, String node, String queue, int concurrency, boolean beat, boolean cold,
                         TaskKind... kinds) {
        static final List<Queue> ALL = List.of(
            new Queue("celery-light", "light", "light", 8, false, false,
                new TaskKind("core.tasks.refresh_tenant_status", 40, 20, 400, new String[] {
                    "request_id=$rid refreshing status tenant=$tenant",
                    "request_id=$rid tenant=$tenant status=OK iflows=$small failed_last_hour=$tiny"},
                    "{'tenant': '$tenant', 'ok': True}", Trouble.NONE, false),
                new TaskKind("core.tasks.update_cache", 25, 5, 120, new String[] {
                    "request_id=$rid cache warmed key=dashboard:$cfg entries=$small"}, "None", Trouble.NONE, false),
                new TaskKind("core.tasks.record_heartbeat", 20, 1, 6, new String[] {
                    "heartbeat ok redis_keys=$small queue_len=$tiny"}, "$small", Trouble.NONE, true),
                new TaskKind("core.tasks.send_webhook", 15, 40, 900, new String[] {
                    "request_id=$rid posting status change tenant=$tenant iflow=$iflow"},
                    "{'delivered': True, 'status': 200}", Trouble.WEBHOOK, false)),
            new Queue("celery-light-cold", "light-cold", "light_cold", 2, false, true,
                new TaskKind("core.tasks.refresh_tenant_status", 60, 40, 900, new String[] {
                    "request_id=$rid refreshing status tenant=$tenant",
                    "request_id=$rid tenant=$tenant status=OK iflows=$small failed_last_hour=$tiny"},
                    "{'tenant': '$tenant', 'ok': True}", Trouble.NONE, false),
                new TaskKind("core.tasks.update_cache", 40, 5, 200, new String[] {
                    "request_id=$rid cache warmed key=dashboard:$cfg entries=$small"}, "None", Trouble.NONE, false)),
            new Queue("celery-api-details", "api-details", "api_details", 6, false, false,
                new TaskKind("core.tasks.fetch_api_details", 100, 150, 4000, new String[] {
                    "request_id=$rid fetching details tenant=$tenant guid=$guid iflow=$iflow",
                    "request_id=$rid GET https://$cpihost/api/v1/MessageProcessingLogs('$guid')/ErrorInformation/$value "
                        + "status=200 elapsed_ms=$ms",
                    "request_id=$rid stored error details guid=$guid bytes=$big"},
                    "{'guid': '$guid', 'stored': True}", Trouble.HTTP_TIMEOUT, false)),
            new Queue("celery-api-details-cold", "api-details-cold", "api_details_cold", 2, false, true,
                new TaskKind("core.tasks.fetch_api_details", 100, 300, 9000, new String[] {
                    "request_id=$rid fetching details tenant=$tenant guid=$guid iflow=$iflow",
                    "request_id=$rid GET https://$cpihost/api/v1/MessageProcessingLogs('$guid')/ErrorInformation/$value "
                        + "status=200 elapsed_ms=$ms",
                    "request_id=$rid stored error details guid=$guid bytes=$big"},
                    "{'guid': '$guid', 'stored': True}", Trouble.HTTP_TIMEOUT, false)),
            new Queue("celery-alert-details", "alert-details", "alert_details", 4, false, false,
                new TaskKind("alerts.tasks.build_alert_details", 100, 60, 2500, new String[] {
                    "request_id=$rid building details alert_id=$alert tenant=$tenant iflow=$iflow",
                    "request_id=$rid attached $tiny failed messages to alert_id=$alert"},
                    "{'alert_id': $alert, 'messages': $tiny}", Trouble.NONE, false)),
            new Queue("celery-alerts", "alerts", "alerts", 4, false, false,
                new TaskKind("alerts.tasks.evaluate_alert_rules", 60, 30, 1500, new String[] {
                    "request_id=$rid evaluating $small rules tenant=$tenant",
                    "request_id=$rid rule_id=$rule fired iflow=$iflow failed=$tiny threshold=5"},
                    "{'evaluated': $small, 'fired': $tiny}", Trouble.NONE, false),
                new TaskKind("alerts.tasks.send_alert_notification", 40, 200, 3000, new String[] {
                    "request_id=$rid sending alert_id=$alert channel=email to=ops@$tenant.example",
                    "request_id=$rid alert_id=$alert delivered channel=teams status=200"},
                    "True", Trouble.SMTP, false)),
            new Queue("celery-periodic", "periodic", "periodic", 2, true, false,
                new TaskKind("core.tasks.collect_metric_snapshot", 40, 200, 6000, new String[] {
                    "request_id=$rid snapshot taken tenant=$tenant metrics=14 rows=$small"},
                    "$small", Trouble.NONE, true),
                new TaskKind("core.tasks.dispatch_fetches", 30, 20, 400, new String[] {
                    "request_id=$rid dispatched $tiny fetch tasks to queue medium"}, "$tiny", Trouble.NONE, true),
                new TaskKind("core.tasks.archive_cpi_day", 10, 5000, 240_000, new String[] {
                    "request_id=$rid archiving tenant=$tenant day=$day days_ago=10",
                    "request_id=$rid wrote /app/data/$tenant/archive/$tenant_$dayunder.archive.sqlite rows=$big",
                    "request_id=$rid deleted $tiny archives older than 30 days tenant=$tenant"},
                    "{'tenant': '$tenant', 'rows': $big}", Trouble.NONE, true),
                new TaskKind("core.tasks.cleanup_logs", 20, 100, 9000, new String[] {
                    "request_id=$rid removed $small job logs older than 3 days tenant=$tenant"},
                    "$small", Trouble.NONE, true)),
            new Queue("celery-ai", "ai", "ai", 2, false, false,
                new TaskKind("ai.tasks.summarize_failures", 60, 2000, 40_000, new String[] {
                    "request_id=$rid summarizing $small failed messages tenant=$tenant iflow=$iflow model=gpt-4o-mini",
                    "request_id=$rid summary stored tokens_in=$big tokens_out=$small"},
                    "{'tenant': '$tenant', 'summary_id': $alert}", Trouble.RATE_LIMIT, false),
                new TaskKind("ai.tasks.classify_error", 40, 500, 6000, new String[] {
                    "request_id=$rid classified guid=$guid category=mapping_error confidence=0.9$tiny"},
                    "'mapping_error'", Trouble.RATE_LIMIT, false)),
            new Queue("celery-messagelog-process-batch", "messagelog-batch", "messagelog_batch", 8, false, false,
                new TaskKind("core.tasks.process_messagelog_batch", 100, 80, 6000, new String[] {
                    "request_id=$rid processing batch tenant=$tenant batch_id=$alert rows=$small",
                    "request_id=$rid batch_id=$alert inserted=$small updated=$tiny payloads=$small attachments=$tiny"},
                    "{'inserted': $small, 'updated': $tiny}", Trouble.DUPLICATE, false)),
            new Queue("celery-messagelog-process-batch-cold", "messagelog-batch-cold", "messagelog_batch_cold", 2,
                false, true,
                new TaskKind("core.tasks.process_messagelog_batch", 100, 150, 12_000, new String[] {
                    "request_id=$rid processing batch tenant=$tenant batch_id=$alert rows=$small",
                    "request_id=$rid batch_id=$alert inserted=$small updated=$tiny payloads=$small attachments=$tiny"},
                    "{'inserted': $small, 'updated': $tiny}", Trouble.DUPLICATE, false)),
            new Queue("celery-medium", "medium", "medium", 4, false, false,
                new TaskKind("core.tasks.fetch_message_logs", 60, 800, 60_000, new String[] {
                    "request_id=$rid fetching message logs tenant=$tenant since=$since page_size=500",
                    "request_id=$rid page 1 fetched rows=500 elapsed_ms=$ms",
                    "request_id=$rid page 2 fetched rows=$small elapsed_ms=$ms",
                    "request_id=$rid queued $tiny batches to messagelog_batch tenant=$tenant"},
                    "{'tenant': '$tenant', 'fetched': $big}", Trouble.HTTP_TIMEOUT, false),
                new TaskKind("core.tasks.sync_iflows", 40, 400, 20_000, new String[] {
                    "request_id=$rid listing integration packages tenant=$tenant",
                    "request_id=$rid synced iflows tenant=$tenant added=$tiny updated=$tiny removed=0"},
                    "{'tenant': '$tenant', 'iflows': $small}", Trouble.HTTP_TIMEOUT, false)),
            new Queue("worker", "worker", "celery", 4, false, false,
                new TaskKind("core.tasks.run_job", 70, 1000, 120_000, new String[] {
                    "request_id=$rid job started tenant=$tenant job=$job run_id=$run",
                    "request_id=$rid job finished tenant=$tenant job=$job run_id=$run status=success rows=$big"},
                    "{'run_id': '$run', 'status': 'success'}", Trouble.NONE, false),
                new TaskKind("core.tasks.cleanup_config", 30, 2000, 60_000, new String[] {
                    "request_id=$rid cleanup tenant=$tenant deleted $big rows from cpimessagelog (batch $tiny/12)",
                    "request_id=$rid cleanup tenant=$tenant deleted $big rows from cpipayload (batch $tiny/12)"},
                    "{'tenant': '$tenant', 'deleted': $big}", Trouble.NONE, false)));

        TaskKind kind(String name) {
            for (TaskKind kind : kinds) {
                if (kind.name().equals(name)) {
                    return kind;
                }
            }
            return kinds[0];
        }

        TaskKind pick(SplittableRandom random) {
            int total = 0;
            for (TaskKind kind : kinds) {
                total += kind.weight();
            }
            int roll = random.nextInt(total);
            for (TaskKind kind : kinds) {
                roll -= kind.weight();
                if (roll < 0) {
                    return kind;
                }
            }
            return kinds[0];
        }
    }

    /** A Celery 5 worker under supervisor: '[%(asctime)s: %(levelname)s/%(processName)s] %(message)s'. */
    private static final class CeleryLog extends ServiceLog {
        private final Queue queue;
        private int[] pool;
        private int nextPoolWorker;

        CeleryLog(Platform platform, Queue queue) {
            super(queue.family(), platform);
            this.queue = queue;
            startPool(1 + random.nextInt(40));
        }

        private void startPool(int firstWorker) {
            pool = new int[queue.concurrency()];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = firstWorker + i;
            }
            nextPoolWorker = firstWorker + pool.length;
        }

        private StringBuilder log(long at, String level, String process) {
            StringBuilder sb = line().append('[');
            return stamp.python(sb, at).append(": ").append(level).append('/').append(process).append("] ");
        }

        @Override
        void everyday(long at) {
            TaskKind kind = queue.pick(random);
            String tenant = pick(random, queue.cold() ? COLD_TENANTS : queue.family().equals("worker") ? TENANTS : HOT_TENANTS);
            if (queue.beat() && kind.scheduled()) {
                log(at, "INFO", "Beat").append("Scheduler: Sending due task ").append(shortName(kind.name()).replace('_', '-'))
                        .append(" (").append(kind.name()).append(')');
                emit(at);
                at += between(2, 15);
            }
            run(kind, uuid(random), uuid(random), tenant, at);
        }

        @Override
        void followed(Request r) {
            if (r.task() != null && r.task().family().equals(queue.family())) {
                run(queue.kind(r.task().name()), r.task().id(), r.id(), r.tenant(), r.at() + between(2, 40));
            }
        }

        private void run(TaskKind kind, String taskId, String requestId, String tenant, long received) {
            Context context = new Context(kind, taskId, requestId, tenant, received);
            log(received, "INFO", "MainProcess").append("Task ").append(kind.name()).append('[').append(taskId)
                    .append("] received");
            emit(received);
            String worker = "ForkPoolWorker-" + pool[random.nextInt(pool.length)];
            long runtime = kind.minMillis() + (long) (random.nextDouble() * random.nextDouble()
                    * (kind.maxMillis() - kind.minMillis()));
            long t = received + 1 + random.nextInt(15);
            long end = t + runtime;
            String[] steps = kind.steps();
            String error = platform.databaseError(t, random);
            int shown = error != null ? 1 : steps.length;
            for (int i = 0; i < shown; i++) {
                long at = t + runtime * i / Math.max(1, steps.length);
                taskLine(at, "INFO", worker, kind, taskId).append(context.expand(steps[i]));
                emit(at);
            }
            if (error != null) {
                end = t + 3 + random.nextInt(40);
                failed(end, worker, kind, taskId, "OperationalError('" + error.trim().replace("\n", "\\n")
                        .replace("\t", "\\t") + "')", Tracebacks.celeryDatabase(kind.name(), error));
                return;
            }
            int roll = random.nextInt(1000);
            Trouble trouble = kind.trouble();
            if (trouble != Trouble.NONE && roll < 50) {
                troubled(kind, context, worker, end);
            } else if (roll < 54 && kind.maxMillis() > 30_000) {
                hardLimit(kind, taskId, received + 900 * SECOND);
            } else if (roll < 60 && kind.maxMillis() > 5_000) {
                log(end - runtime / 3, "WARNING", "MainProcess").append("Soft time limit (")
                        .append(kind.maxMillis() / 1000).append("s) exceeded for ").append(kind.name()).append('[')
                        .append(taskId).append(']');
                emit(end - runtime / 3);
                succeeded(end, worker, kind, taskId, context);
            } else {
                succeeded(end, worker, kind, taskId, context);
            }
        }

        private StringBuilder taskLine(long at, String level, String worker, TaskKind kind, String taskId) {
            return log(at, level, worker).append(kind.name()).append('[').append(taskId).append("]: ");
        }

        private void succeeded(long at, String worker, TaskKind kind, String taskId, Context context) {
            StringBuilder sb = log(at, "INFO", worker).append("Task ").append(kind.name()).append('[').append(taskId)
                    .append("] succeeded in ");
            pythonSeconds(sb, Math.max(0.001, (at - context.received) / 1000.0 - 0.002 * random.nextDouble()), random)
                    .append("s: ").append(context.expand(kind.result()));
            emit(at);
        }

        private void failed(long at, String worker, TaskKind kind, String taskId, String exception, String traceback) {
            log(at, "ERROR", worker).append("Task ").append(kind.name()).append('[').append(taskId)
                    .append("] raised unexpected: ").append(exception).append('\n').append(traceback);
            emit(at);
        }

        private void troubled(TaskKind kind, Context context, String worker, long at) {
            String taskId = context.taskId;
            switch (kind.trouble()) {
                case HTTP_TIMEOUT -> {
                    String host = cpiHost(context.tenant);
                    if (chance(0.7)) {
                        retry(at, worker, kind, taskId, 60, "ReadTimeout(ReadTimeoutError(\"HTTPSConnectionPool(host='"
                                + host + "', port=443): Read timed out. (read timeout=30)\"))");
                        rerun(kind, context, at + 60 * SECOND);
                    } else {
                        failed(at, worker, kind, taskId, "ReadTimeout(ReadTimeoutError(\"HTTPSConnectionPool(host='"
                                + host + "', port=443): Read timed out. (read timeout=30)\"))",
                                Tracebacks.readTimeout(kind.name(), host));
                    }
                }
                case RATE_LIMIT -> {
                    taskLine(at - 1, "WARNING", worker, kind, taskId).append("request_id=").append(context.requestId)
                            .append(" OpenAI rate limited, retrying in 20s");
                    emit(at - 1);
                    retry(at, worker, kind, taskId, 20, "RateLimitError(\"Error code: 429 - {'error': {'message': "
                            + "'Rate limit reached for gpt-4o-mini in organization org-integramon on tokens per min "
                            + "(TPM): Limit 200000, Used 198421, Requested 4210. Please try again in 787ms.', 'type': "
                            + "'tokens', 'param': None, 'code': 'rate_limit_exceeded'}}\")");
                    rerun(kind, context, at + 20 * SECOND);
                }
                case SMTP -> {
                    retry(at, worker, kind, taskId, 30, "SMTPServerDisconnected('Connection unexpectedly closed')");
                    rerun(kind, context, at + 30 * SECOND);
                }
                case DUPLICATE -> {
                    int config = tenantId(context.tenant);
                    String guid = messageGuid(random);
                    failed(at, worker, kind, taskId, "IntegrityError('duplicate key value violates unique constraint "
                            + "\"cpimessagelog_config_id_message_guid_uniq\"\\nDETAIL:  Key (config_id, message_guid)=("
                            + config + ", " + guid + ") already exists.\\n')", Tracebacks.duplicate(config, guid));
                }
                case WEBHOOK -> {
                    long t = at;
                    for (int attempt = 1; attempt <= 3; attempt++) {
                        taskLine(t, "WARNING", worker, kind, taskId).append("request_id=").append(context.requestId)
                                .append(" webhook unreachable tenant=").append(context.tenant)
                                .append(": <urlopen error [Errno 111] Connection refused>");
                        emit(t);
                        retry(t + 3, worker, kind, taskId, 2,
                                "URLError(ConnectionRefusedError(111, 'Connection refused'))");
                        t += 2 * SECOND + 10;
                        log(t, "INFO", "MainProcess").append("Task ").append(kind.name()).append('[').append(taskId)
                                .append("] received");
                        emit(t);
                        t += 5;
                    }
                    failed(t, worker, kind, taskId, "ExceptionWithTraceback()", Tracebacks.WEBHOOK_GAVE_UP);
                }
                default -> succeeded(at, worker, kind, taskId, context);
            }
        }

        private void retry(long at, String worker, TaskKind kind, String taskId, int seconds, String exception) {
            log(at, "INFO", worker).append("Task ").append(kind.name()).append('[').append(taskId).append("] retry: Retry in ")
                    .append(seconds).append("s: ").append(exception);
            emit(at);
        }

        private void rerun(TaskKind kind, Context context, long at) {
            log(at, "INFO", "MainProcess").append("Task ").append(kind.name()).append('[').append(context.taskId)
                    .append("] received");
            emit(at);
            String worker = "ForkPoolWorker-" + pool[random.nextInt(pool.length)];
            long end = at + kind.minMillis() + random.nextInt(Math.max(1, kind.minMillis()));
            String[] steps = kind.steps();
            taskLine(at + 2, "INFO", worker, kind, context.taskId).append(context.expand(steps[steps.length - 1]));
            emit(at + 2);
            succeeded(end, worker, kind, context.taskId, context);
        }

        private void hardLimit(TaskKind kind, String taskId, long at) {
            int slot = random.nextInt(pool.length);
            log(at, "ERROR", "MainProcess").append("Hard time limit (900s) exceeded for ").append(kind.name()).append('[')
                    .append(taskId).append(']');
            emit(at);
            log(at + 40, "ERROR", "MainProcess").append("Process 'ForkPoolWorker-").append(pool[slot]).append("' pid:")
                    .append(between(200, 90_000)).append(" exited with 'signal 9 (SIGKILL)'");
            emit(at + 40);
            pool[slot] = nextPoolWorker++;
        }

        @Override
        void containerRestarts(long at, long back) {
            long t = at + between(500, 2500);
            line().append("\nworker: Warm shutdown (MainProcess)");
            emitUnstamped(t);
            long up = back + between(9, 14) * SECOND;
            StringBuilder sb = line();
            banner(sb, up);
            emitUnstamped(up);
            startPool(1);
            long ready = up + between(300, 900);
            if (queue.beat()) {
                log(ready - 100, "INFO", "Beat").append("beat: Starting...");
                emit(ready - 100);
            }
            log(ready, "INFO", "MainProcess").append("Connected to redis://127.0.0.1:6379/0");
            emit(ready);
            log(ready + 2, "INFO", "MainProcess").append("mingle: searching for neighbors");
            emit(ready + 2);
            log(ready + 1008, "INFO", "MainProcess").append("mingle: all alone");
            emit(ready + 1008);
            log(ready + 1015, "INFO", "MainProcess").append(queue.node()).append('@').append(platform.host)
                    .append(" ready.");
            emit(ready + 1015);
            quietUntil = ready + 1100;
        }

        private void banner(StringBuilder sb, long at) {
            sb.append(" \n -------------- ").append(queue.node()).append('@').append(platform.host)
                    .append(" v5.2.6 (dawn-chorus)\n--- ***** ----- \n-- ******* ---- Linux-5.15.0-1057-azure-x86_64-with-glibc2.36 ");
            stamp.dateTime(sb, at, ' ').append("\n- *** --- * --- \n- ** ---------- [config]\n")
                    .append("- ** ---------- .> app:         integramon:0x7f");
            hex(sb, random.nextLong(), 10);
            sb.append("\n- ** ---------- .> transport:   redis://127.0.0.1:6379/0\n")
                    .append("- ** ---------- .> results:     redis://127.0.0.1:6379/1\n")
                    .append("- *** --- * --- .> concurrency: ").append(queue.concurrency()).append(" (prefork)\n")
                    .append("-- ******* ---- .> task events: OFF (enable -E to monitor tasks in this worker)\n")
                    .append("--- ***** ----- \n -------------- [queues]\n                .> ");
            sb.append(queue.queue());
            for (int i = queue.queue().length(); i < 16; i++) {
                sb.append(' ');
            }
            sb.append(" exchange=").append(queue.queue()).append("(direct) key=").append(queue.queue())
                    .append("\n                \n\n[tasks]\n");
            List<String> names = new ArrayList<>();
            for (TaskKind kind : queue.kinds()) {
                if (!names.contains(kind.name())) {
                    names.add(kind.name());
                }
            }
            Collections.sort(names);
            for (String taskName : names) {
                sb.append("  . ").append(taskName).append('\n');
            }
            sb.append('\n');
        }

        /** What one task run talks about, so that its lines agree with each other. */
        private final class Context {
            final TaskKind kind;
            final String taskId;
            final String requestId;
            final String tenant;
            final long received;
            final String iflow;
            final String guid;
            final String job;
            final String run;
            final int small;
            final int tiny;
            final int big;
            final int alert;

            Context(TaskKind kind, String taskId, String requestId, String tenant, long received) {
                this.kind = kind;
                this.taskId = taskId;
                this.requestId = requestId;
                this.tenant = tenant;
                this.received = received;
                iflow = DemoServiceLogs.pick(random, IFLOWS);
                guid = messageGuid(random);
                job = DemoServiceLogs.pick(random, JOBS);
                run = uuid(random);
                small = between(2, 480);
                tiny = between(1, 9);
                big = between(500, 90_000);
                alert = between(1000, 99_999);
            }

            String expand(String template) {
                StringBuilder out = new StringBuilder(template.length() + 64);
                DemoServiceLogs.expand(out, template, (token, sb) -> {
                    switch (token) {
                        case "rid" -> sb.append(requestId);
                        case "tenant" -> sb.append(tenant);
                        case "cfg" -> sb.append(tenantId(tenant));
                        case "iflow" -> sb.append(iflow);
                        case "guid" -> sb.append(guid);
                        case "job" -> sb.append(job);
                        case "run" -> sb.append(run);
                        case "small" -> sb.append(small);
                        case "tiny" -> sb.append(tiny);
                        case "big" -> sb.append(big);
                        case "alert" -> sb.append(alert);
                        case "rule" -> sb.append(1 + alert % 40);
                        case "ms" -> sb.append(between(40, 2900));
                        case "cpihost" -> sb.append(cpiHost(tenant));
                        case "value" -> sb.append("$value");
                        case "since" -> stamp.iso(sb, received - between(1, 15) * MINUTE);
                        case "day" -> stamp.dateTime(sb, received - 10 * DAY, ' ').setLength(sb.length() - 9);
                        case "dayunder" -> {
                            int startAt = sb.length();
                            stamp.dateTime(sb, received - 10 * DAY, ' ').setLength(startAt + 10);
                            for (int i = startAt; i < sb.length(); i++) {
                                if (sb.charAt(i) == '-') {
                                    sb.setCharAt(i, '_');
                                }
                            }
                        }
                        default -> throw new IllegalStateException("unknown placeholder $" + token);
                    }
                });
                return out.toString();
            }
        }
    }

    // ===================================================================================== nginx

    /** nginx under supervisor: access lines in the 'timed' format on stdout, error_log at info on stderr. */
    private static final class NginxLog extends ServiceLog {
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

    // ===================================================================================== Python tracebacks

    /** Tracebacks as Python 3.11 prints them, with the platform's paths. */
    private static final class Tracebacks {
        static final String CONNECT_CHAIN = """
                  File "%1$s/django/db/backends/base/base.py", line 219, in ensure_connection
                    self.connect()
                  File "%1$s/django/utils/asyncio.py", line 33, in inner
                    return func(*args, **kwargs)
                           ^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/django/db/backends/base/base.py", line 200, in connect
                    self.connection = self.get_new_connection(conn_params)
                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/django/utils/asyncio.py", line 33, in inner
                    return func(*args, **kwargs)
                           ^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/django/db/backends/postgresql/base.py", line 187, in get_new_connection
                    connection = Database.connect(**conn_params)
                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/psycopg2/__init__.py", line 122, in connect
                    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                """.formatted(SITE);

        static final String CURSOR_CHAIN = """
                  File "%1$s/django/utils/asyncio.py", line 33, in inner
                    return func(*args, **kwargs)
                           ^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/django/db/backends/base/base.py", line 259, in cursor
                    return self._cursor()
                           ^^^^^^^^^^^^^^
                  File "%1$s/django/db/backends/base/base.py", line 235, in _cursor
                    self.ensure_connection()
                  File "%1$s/django/utils/asyncio.py", line 33, in inner
                    return func(*args, **kwargs)
                           ^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/django/db/backends/base/base.py", line 218, in ensure_connection
                    with self.wrap_database_errors:
                  File "%1$s/django/db/utils.py", line 90, in __exit__
                    raise dj_exc_value.with_traceback(traceback) from exc_value
                """.formatted(SITE);

        static final String HANDLER_HEAD = """
                Traceback (most recent call last):
                  File "%1$s/django/core/handlers/exception.py", line 47, in inner
                    response = get_response(request)
                               ^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/django/core/handlers/base.py", line 181, in _get_response
                    response = wrapped_callback(request, *callback_args, **callback_kwargs)
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                """.formatted(SITE);

        static final String CELERY_HEAD = """
                Traceback (most recent call last):
                  File "%1$s/celery/app/trace.py", line 451, in trace_task
                    R = retval = fun(*args, **kwargs)
                                 ^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/celery/app/trace.py", line 734, in __protected_call__
                    return self.run(*args, **kwargs)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^
                """.formatted(SITE);

        static final String MIGRATE_HEAD = """
                Traceback (most recent call last):
                  File "/app/manage.py", line 22, in <module>
                    main()
                  File "/app/manage.py", line 18, in main
                    execute_from_command_line(sys.argv)
                  File "%1$s/django/core/management/commands/migrate.py", line 92, in handle
                    self.check(databases=[database])
                  File "%1$s/django/db/migrations/executor.py", line 18, in __init__
                    self.loader = MigrationLoader(self.connection)
                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                """.formatted(SITE);

        static final String REDIS_WRONGTYPE = """
                Traceback (most recent call last):
                  File "/app/core/management/commands/publish_sync.py", line 41, in handle
                    r.hset("status:monitor:%%d" %% m.pk, mapping={k: str(v) for k, v in snapshot.items()})
                  File "%1$s/redis/commands/core.py", line 4841, in hset
                    return self.execute_command("HSET", name, *items)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/redis/client.py", line 1238, in execute_command
                    return conn.retry.call_with_retry(
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/redis/retry.py", line 46, in call_with_retry
                    return do()
                           ^^^^
                  File "%1$s/redis/client.py", line 1239, in <lambda>
                    lambda: self._send_command_parse_response(
                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/redis/client.py", line 1215, in _send_command_parse_response
                    return self.parse_response(conn, command_name, **options)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/redis/client.py", line 1254, in parse_response
                    response = connection.read_response()
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "%1$s/redis/connection.py", line 839, in read_response
                    raise response
                redis.exceptions.ResponseError: WRONGTYPE Operation against a key holding the wrong kind of value""".formatted(SITE);

        static final String WEBHOOK_GAVE_UP = CELERY_HEAD + """
                  File "/app/core/tasks/webhooks.py", line 48, in send_webhook
                    raise self.retry(exc=exc)
                          ^^^^^^^^^^^^^^^^^^^
                  File "%1$s/celery/app/task.py", line 717, in retry
                    raise_with_context(exc)
                  File "/app/core/tasks/webhooks.py", line 45, in send_webhook
                    urllib.request.urlopen(req, timeout=5)
                  File "/usr/local/lib/python3.11/urllib/request.py", line 216, in urlopen
                    return opener.open(url, data, timeout)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "/usr/local/lib/python3.11/urllib/request.py", line 519, in open
                    response = self._open(req, data)
                               ^^^^^^^^^^^^^^^^^^^^^
                  File "/usr/local/lib/python3.11/urllib/request.py", line 1351, in do_open
                    raise URLError(err)
                billiard.einfo.ExceptionWithTraceback:\s
                \"""
                Traceback (most recent call last):
                  File "/usr/local/lib/python3.11/urllib/request.py", line 1348, in do_open
                    h.request(req.get_method(), req.selector, req.data, headers,
                  File "/usr/local/lib/python3.11/socket.py", line 836, in create_connection
                    sock.connect(sa)
                ConnectionRefusedError: [Errno 111] Connection refused

                During handling of the above exception, another exception occurred:

                urllib.error.URLError: <urlopen error [Errno 111] Connection refused>
                \"""
                """.formatted(SITE);

        static String djangoDatabase(String view, String error) {
            return "Traceback (most recent call last):\n" + CONNECT_CHAIN + "psycopg2.OperationalError: " + error
                    + "\n\nThe above exception was the direct cause of the following exception:\n\n" + HANDLER_HEAD
                    + "  File \"/app/core/views.py\", line " + (40 + Math.abs(view.hashCode()) % 300) + ", in " + view
                    + "\n    with connection.cursor() as cursor:\n         ^^^^^^^^^^^^^^^^^^^\n" + CURSOR_CHAIN
                    + CONNECT_CHAIN + "django.db.utils.OperationalError: " + error + "\n";
        }

        static String celeryDatabase(String task, String error) {
            String function = shortName(task);
            return CELERY_HEAD + "  File \"/app/" + task.substring(0, task.lastIndexOf('.')).replace('.', '/')
                    + ".py\", line " + (30 + Math.abs(task.hashCode()) % 200) + ", in " + function
                    + "\n    config = CConfig.objects.get(name=tenant)\n             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
                    + CURSOR_CHAIN + CONNECT_CHAIN + "django.db.utils.OperationalError: " + error + "\n";
        }

        static String reportBug(String iflow) {
            return HANDLER_HEAD + """
                      File "/app/reports/views.py", line 88, in sla_report
                        rows = build_sla_rows(tenant, month)
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                      File "/app/reports/sla.py", line 57, in build_sla_rows
                        target = targets[iflow.name]
                                 ~~~~~~~^^^^^^^^^^^^
                    KeyError: '""" + iflow + "'\n";
        }

        static String readTimeout(String task, String host) {
            return CELERY_HEAD + "  File \"/app/" + task.substring(0, task.lastIndexOf('.')).replace('.', '/')
                    + ".py\", line 64, in " + shortName(task) + "\n" + """
                        response = session.get(url, timeout=30)
                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                      File "%1$s/requests/sessions.py", line 602, in get
                        return self.request("GET", url, **kwargs)
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                      File "%1$s/requests/sessions.py", line 589, in request
                        resp = self.send(prep, **send_kwargs)
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                      File "%1$s/requests/sessions.py", line 703, in send
                        r = adapter.send(request, **kwargs)
                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                      File "%1$s/requests/adapters.py", line 532, in send
                        raise ReadTimeout(e, request=request)
                    """.formatted(SITE) + "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='" + host
                    + "', port=443): Read timed out. (read timeout=30)\n";
        }

        static String duplicate(int config, String guid) {
            String detail = "DETAIL:  Key (config_id, message_guid)=(" + config + ", " + guid + ") already exists.\n";
            return """
                    Traceback (most recent call last):
                      File "%1$s/django/db/backends/utils.py", line 84, in _execute
                        return self.cursor.execute(sql, params)
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                    psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "cpimessagelog_config_id_message_guid_uniq"
                    """.formatted(SITE) + detail + "\n\nThe above exception was the direct cause of the following "
                    + "exception:\n\n" + CELERY_HEAD + """
                      File "/app/core/tasks/messagelog.py", line 131, in process_messagelog_batch
                        CpiMessageLog.objects.bulk_create(new_rows, batch_size=500)
                      File "%1$s/django/db/models/query.py", line 514, in bulk_create
                        returned_columns = self._batched_insert(
                                           ^^^^^^^^^^^^^^^^^^^^^
                      File "%1$s/django/db/backends/utils.py", line 84, in _execute
                        return self.cursor.execute(sql, params)
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                    django.db.utils.IntegrityError: duplicate key value violates unique constraint "cpimessagelog_config_id_message_guid_uniq"
                    """.formatted(SITE) + detail + "\n";
        }
    }

    // ===================================================================================== formatting

    /** Formats one instant the ways the programs print time, all in UTC; caches the fields of the current second. */
    private static final class Stamp {
        private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
        private long second = Long.MIN_VALUE;
        private int year;
        private int month;
        private int day;
        private int hour;
        private int minute;
        private int sec;

        private void load(long millis) {
            long s = Math.floorDiv(millis, SECOND);
            if (s != second) {
                second = s;
                LocalDateTime t = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
                year = t.getYear();
                month = t.getMonthValue();
                day = t.getDayOfMonth();
                hour = t.getHour();
                minute = t.getMinute();
                sec = t.getSecond();
            }
        }

        private StringBuilder clock(StringBuilder sb) {
            two(sb, hour).append(':');
            two(sb, minute).append(':');
            return two(sb, sec);
        }

        /** 2026-11-21 11:03:56 (or with a T). */
        StringBuilder dateTime(StringBuilder sb, long millis, char between) {
            load(millis);
            sb.append(year).append('-');
            two(sb, month).append('-');
            two(sb, day).append(between);
            return clock(sb);
        }

        /** Python logging's asctime: 2026-11-21 11:03:56,136. */
        StringBuilder python(StringBuilder sb, long millis) {
            dateTime(sb, millis, ' ').append(',');
            return three(sb, (int) Math.floorMod(millis, SECOND));
        }

        /** PostgreSQL's %m: 2026-11-21 11:03:21.534 UTC. */
        StringBuilder postgres(StringBuilder sb, long millis) {
            dateTime(sb, millis, ' ').append('.');
            return three(sb, (int) Math.floorMod(millis, SECOND)).append(" UTC");
        }

        /** Redis: 21 Nov 2026 10:58:24.456. */
        StringBuilder redis(StringBuilder sb, long millis) {
            load(millis);
            two(sb, day).append(' ').append(MONTHS[month - 1]).append(' ').append(year).append(' ');
            clock(sb).append('.');
            return three(sb, (int) Math.floorMod(millis, SECOND));
        }

        /** Common log format: 21/Nov/2026:11:01:27 +0000. */
        StringBuilder nginxAccess(StringBuilder sb, long millis) {
            load(millis);
            two(sb, day).append('/').append(MONTHS[month - 1]).append('/').append(year).append(':');
            return clock(sb).append(" +0000");
        }

        /** nginx error_log: 2026/11/21 11:00:55. */
        StringBuilder nginxError(StringBuilder sb, long millis) {
            load(millis);
            sb.append(year).append('/');
            two(sb, month).append('/');
            two(sb, day).append(' ');
            return clock(sb);
        }

        /** gunicorn's error log: [2026-11-21 11:08:59 +0000]. */
        StringBuilder gunicorn(StringBuilder sb, long millis) {
            sb.append('[');
            return dateTime(sb, millis, ' ').append(" +0000]");
        }

        /** date -u +%FT%TZ: 2026-11-21T11:03:21Z. */
        StringBuilder iso(StringBuilder sb, long millis) {
            return dateTime(sb, millis, 'T').append('Z');
        }
    }


    private static StringBuilder two(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        return sb.append(value);
    }

    private static StringBuilder three(StringBuilder sb, int value) {
        if (value < 100) {
            sb.append('0');
        }
        return two(sb, value);
    }

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /** A fixed-point decimal with this many places, the same in every locale. */
    private static StringBuilder decimal(StringBuilder sb, double value, int places) {
        long scale = POWERS[places];
        long scaled = Math.round(value * scale);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / scale);
        if (places > 0) {
            sb.append('.');
            long fraction = scaled % scale;
            for (long p = scale / 10; p > 0; p /= 10) {
                sb.append((char) ('0' + fraction / p % 10));
            }
        }
        return sb;
    }

    /** Seconds as Python's repr prints a float from time.monotonic() differences: many digits, no trailing zeros. */
    private static StringBuilder pythonSeconds(StringBuilder sb, double seconds, SplittableRandom random) {
        int start = sb.length();
        decimal(sb, seconds, 6);
        // At most 17 significant digits, like a double's repr.
        int tailDigits = seconds >= 10 ? 9 : 10;
        long tail = random.nextLong(POWERS[6] * 10_000);
        for (long p = POWERS[6] * 1_000; p > 0 && tailDigits-- > 0; p /= 10) {
            sb.append((char) ('0' + tail / p % 10));
        }
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == '0' && sb.charAt(end - 2) != '.') {
            end--;
        }
        sb.setLength(end);
        return sb;
    }

    private static void hex(StringBuilder sb, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit((int) (value >>> shift) & 0xF, 16));
        }
    }

    private static String uuid(SplittableRandom random) {
        long most = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... items) {
        return items[random.nextInt(items.length)];
    }

    private static int pick(SplittableRandom random, int[] items) {
        return items[random.nextInt(items.length)];
    }

    /** Receives the value for one $placeholder. */
    private interface Placeholders {
        void fill(String token, StringBuilder out);
    }

    /** Copies template into out, replacing each $name (a lowercase word) with what the placeholders give. */
    private static void expand(StringBuilder out, String template, Placeholders placeholders) {
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < n && Character.isLowerCase(template.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLowerCase(template.charAt(j)) || Character.isDigit(template.charAt(j)))) {
                    j++;
                }
                placeholders.fill(template.substring(i + 1, j), out);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
    }
}
