package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Digits.decimal;
import static io.tidemark.demo.servicelogs.Vocabulary.TENANTS;
import static io.tidemark.demo.servicelogs.Vocabulary.shortName;
import static io.tidemark.demo.servicelogs.Vocabulary.tenantId;

import io.tidemark.demo.servicelogs.Request.Endpoint;

/** Logs that carry Django's verbose lines: '{levelname} {asctime} {module} {process:d} {thread:d} {message}'. */
abstract class DjangoStyleLog extends ServiceLog {
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
