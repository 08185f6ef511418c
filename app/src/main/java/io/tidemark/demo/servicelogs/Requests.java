package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Digits.two;
import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Vocabulary.BROWSERS;
import static io.tidemark.demo.servicelogs.Vocabulary.IFLOWS;
import static io.tidemark.demo.servicelogs.Vocabulary.JOBS;
import static io.tidemark.demo.servicelogs.Vocabulary.PROBES;
import static io.tidemark.demo.servicelogs.Vocabulary.SCANNERS;
import static io.tidemark.demo.servicelogs.Vocabulary.SCANNER_PATHS;
import static io.tidemark.demo.servicelogs.Vocabulary.TENANTS;
import static io.tidemark.demo.servicelogs.Vocabulary.TOOLS;
import static io.tidemark.demo.servicelogs.Vocabulary.USERS;
import static io.tidemark.demo.servicelogs.Vocabulary.isCold;
import static io.tidemark.demo.servicelogs.Vocabulary.messageGuid;
import static io.tidemark.demo.servicelogs.Vocabulary.pick;
import static io.tidemark.demo.servicelogs.Vocabulary.uuid;

import io.tidemark.demo.servicelogs.Request.Endpoint;
import io.tidemark.demo.servicelogs.Request.Outcome;
import io.tidemark.demo.servicelogs.Request.Task;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/** Makes requests the way the platform's users, tools and probes send them. */
final class Requests {
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
