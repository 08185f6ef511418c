package io.tidemark.demo.servicelogs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** One HTTP request as Django saw it; at is when the response left. */
record Request(String id, long at, Endpoint endpoint, String method, String path, int status,
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

    /** What the request asked for, with how often users and followed requests ask for it. */
    enum Endpoint {
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

    /** How the request went, beyond its status. */
    enum Outcome { OK, SLOW, NOT_FOUND, UNAUTHORIZED, CSRF, BAD_HOST, CONFLICT, REPORT_BUG, DB_DOWN }

    /** A Celery task a request enqueued: the family whose worker runs it, the task name and its id. */
    record Task(String family, String name, String id) {
    }
}
