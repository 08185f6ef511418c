package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Platform.GUNICORN_START;
import static io.tidemark.demo.servicelogs.Vocabulary.BROWSERS;
import static io.tidemark.demo.servicelogs.Vocabulary.TENANTS;
import static io.tidemark.demo.servicelogs.Vocabulary.USERS;
import static io.tidemark.demo.servicelogs.Vocabulary.asciiName;
import static io.tidemark.demo.servicelogs.Vocabulary.pick;
import static io.tidemark.demo.servicelogs.Vocabulary.uuid;

import io.tidemark.demo.servicelogs.Request.Endpoint;

/** login_activity.log: the platform's authentication audit, in Django's verbose format. */
final class LoginActivityLog extends DjangoStyleLog {
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
