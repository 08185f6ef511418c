package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Digits.hex;
import static io.tidemark.demo.servicelogs.Digits.pythonSeconds;
import static io.tidemark.demo.servicelogs.Durations.DAY;
import static io.tidemark.demo.servicelogs.Durations.MINUTE;
import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Vocabulary.COLD_TENANTS;
import static io.tidemark.demo.servicelogs.Vocabulary.HOT_TENANTS;
import static io.tidemark.demo.servicelogs.Vocabulary.IFLOWS;
import static io.tidemark.demo.servicelogs.Vocabulary.JOBS;
import static io.tidemark.demo.servicelogs.Vocabulary.TENANTS;
import static io.tidemark.demo.servicelogs.Vocabulary.cpiHost;
import static io.tidemark.demo.servicelogs.Vocabulary.messageGuid;
import static io.tidemark.demo.servicelogs.Vocabulary.pick;
import static io.tidemark.demo.servicelogs.Vocabulary.shortName;
import static io.tidemark.demo.servicelogs.Vocabulary.tenantId;
import static io.tidemark.demo.servicelogs.Vocabulary.uuid;

import io.tidemark.demo.servicelogs.TaskKind.Trouble;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A Celery 5 worker under supervisor: '[%(asctime)s: %(levelname)s/%(processName)s] %(message)s'. */
final class CeleryLog extends ServiceLog {
    private final CeleryQueue queue;
    private int[] pool;
    private int nextPoolWorker;

    CeleryLog(Platform platform, CeleryQueue queue) {
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
            iflow = Vocabulary.pick(random, IFLOWS);
            guid = messageGuid(random);
            job = Vocabulary.pick(random, JOBS);
            run = uuid(random);
            small = between(2, 480);
            tiny = between(1, 9);
            big = between(500, 90_000);
            alert = between(1000, 99_999);
        }

        String expand(String template) {
            StringBuilder out = new StringBuilder(template.length() + 64);
            Placeholders.expand(out, template, (token, sb) -> {
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
