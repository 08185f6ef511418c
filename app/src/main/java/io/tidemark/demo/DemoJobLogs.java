package io.tidemark.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/** Per-tenant job logs of the demo platform: a job's aggregated day file and one run's log, as worker_logging.py writes them. */
public final class DemoJobLogs {

    // core/worker_logging.py uses Python logging with '%(asctime)s %(levelname)s [%(name)s] %(message)s', UTC.

    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ARCHIVE_DAY =
            DateTimeFormatter.ofPattern("yyyy_MM_dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int PAGE_SIZE = 500;
    /** Beyond this many pages a run logs its progress instead of every page. */
    private static final int PAGES_LOGGED = 60;
    private static final String SITE = "/usr/local/lib/python3.11/site-packages";

    private DemoJobLogs() {
    }

    /** One run of a job as the day file summarises it. */
    public record RunSummary(String runId, Instant start, Instant end, String status, long rowsProcessed) {
        /** Checks that the run has an id, a start, an end not before it, and a status. */
        public RunSummary {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(status, "status");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("run " + runId + " ends before it starts");
            }
        }
    }

    /** Lines of one aggregated day file for a job, all within that day (UTC). */
    public static String dayLog(String tenant, String job, LocalDate day, List<RunSummary> runs, Random random) {
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = dayStart.plus(Duration.ofDays(1)).minusMillis(1);
        Journal journal = new Journal(logger(tenant, job), dayStart, dayEnd);
        List<RunSummary> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing(RunSummary::start));
        for (RunSummary run : ordered) {
            summarise(journal, tenant, job, run, random);
        }
        return journal.text();
    }

    /** Lines of one run's log, starting at start and ending at end. */
    public static String runLog(String tenant, String job, String runId, Instant start, Instant end, String status,
                                long rowsProcessed, Random random) {
        RunSummary run = new RunSummary(runId, start, end, status, rowsProcessed);
        Journal journal = new Journal(logger(tenant, job), start, end);
        journal.log(start, "INFO", "run started run_id=" + runId + " job=" + job + " tenant=" + tenant);
        List<String[]> steps = switch (job) {
            case "fetch_message_logs" -> fetchSteps(tenant, run, random);
            case "archive_cpi_day" -> archiveSteps(tenant, run, random);
            case "sync_iflows" -> syncSteps(run, random);
            case "cleanup_logs" -> cleanupSteps(tenant, job, run, random);
            default -> genericSteps(run, random);
        };
        if (isFailure(status)) {
            steps.add(new String[] {"ERROR", "run failed: " + failureOf(job), traceback(job)});
        }
        List<Instant> times = spread(start, end, steps.size(), random);
        for (int i = 0; i < steps.size(); i++) {
            String[] step = steps.get(i);
            journal.log(times.get(i), step[0], step.length > 2 ? step[1] + "\n" + step[2] : step[1]);
        }
        if (!isRunning(status)) {
            journal.log(end, levelOf(status), finished(run));
        }
        return journal.text();
    }

    // ----------------------------------------------------------------------------------------- day file

    private static void summarise(Journal journal, String tenant, String job, RunSummary run, Random random) {
        String id = "run_id=" + run.runId();
        journal.log(run.start(), "INFO", "run started " + id + " job=" + job + " tenant=" + tenant + " trigger="
                + (random.nextInt(6) == 0 ? "manual" : "schedule"));
        Instant middle = between(run.start(), run.end(), 0.5 + random.nextDouble() * 0.4, random);
        String detail = switch (job) {
            case "fetch_message_logs" -> id + " fetched pages=" + pages(run.rowsProcessed()) + " rows="
                    + run.rowsProcessed();
            case "archive_cpi_day" -> id + " archived day=" + run.start().atZone(ZoneOffset.UTC).toLocalDate()
                    .minusDays(10) + " rows=" + run.rowsProcessed() + " format=sqlite compressed=true";
            case "sync_iflows" -> id + " iflows added=" + random.nextInt(4) + " updated=" + random.nextInt(12)
                    + " removed=" + (random.nextInt(8) == 0 ? 1 : 0);
            case "cleanup_logs" -> id + " removed " + run.rowsProcessed() + " files older than 3 days";
            default -> id + " processed rows=" + run.rowsProcessed();
        };
        journal.log(middle, "INFO", detail);
        if (random.nextInt(5) == 0) {
            journal.log(between(run.start(), run.end(), 0.3, random), "WARNING", id + " " + warningOf(job, random));
        }
        if (isFailure(run.status())) {
            journal.log(between(run.start(), run.end(), 0.95, random), "ERROR", id + " run failed: " + failureOf(job));
        }
        if (!isRunning(run.status())) {
            journal.log(run.end(), levelOf(run.status()), finished(run));
        }
    }

    // ----------------------------------------------------------------------------------------- run steps

    private static List<String[]> fetchSteps(String tenant, RunSummary run, Random random) {
        List<String[]> steps = new ArrayList<>();
        String host = asciiName(tenant) + ".it-cpi018-rt.cfapps.eu10.hana.ondemand.com";
        steps.add(info("connecting to https://" + host + "/api/v1 (client_id=sb-" + hex(random, 8) + "!b"
                + (1000 + random.nextInt(9000)) + "|it-rt-" + asciiName(tenant) + "!b196)"));
        steps.add(info("oauth token acquired expires_in=" + (3000 + random.nextInt(1200))));
        steps.add(info("fetching MessageProcessingLogs since=" + ASCTIME.format(run.start().minusSeconds(900))
                .substring(0, 19).replace(' ', 'T') + "Z page_size=" + PAGE_SIZE));
        long pages = pages(run.rowsProcessed());
        long every = Math.max(1, (pages + PAGES_LOGGED - 1) / PAGES_LOGGED);
        for (long page = 1; page <= pages; page++) {
            if (page % every != 0 && page != pages) {
                continue;
            }
            long rows = page < pages ? PAGE_SIZE : run.rowsProcessed() - (pages - 1) * PAGE_SIZE;
            int elapsed = 150 + random.nextInt(1500);
            if (random.nextInt(25) == 0) {
                steps.add(new String[] {"WARNING", "page " + page + " slow elapsed_ms=" + (9000 + random.nextInt(20_000))
                        + " (CPI API latency), continuing"});
            } else {
                steps.add(info("page " + page + " fetched rows=" + rows + " elapsed_ms=" + elapsed));
            }
        }
        long updated = run.rowsProcessed() / (5 + random.nextInt(20));
        steps.add(info("inserted rows=" + (run.rowsProcessed() - updated) + " updated=" + updated + " into cpimessagelog"));
        steps.add(info("downloaded payloads=" + run.rowsProcessed() / 3 + " bytes=" + run.rowsProcessed() * (800
                + random.nextInt(4000))));
        return steps;
    }

    private static List<String[]> archiveSteps(String tenant, RunSummary run, Random random) {
        List<String[]> steps = new ArrayList<>();
        Instant archived = run.start().minus(Duration.ofDays(10));
        String file = "/app/data/" + tenant + "/archive/" + tenant + "_" + ARCHIVE_DAY.format(archived) + ".archive.sqlite";
        steps.add(info("archiving day=" + archived.atZone(ZoneOffset.UTC).toLocalDate() + " days_ago=10 format=sqlite"));
        steps.add(info("exporting cpimessagelog rows=" + run.rowsProcessed()));
        steps.add(info("exporting cpipayload rows=" + run.rowsProcessed() / 3));
        steps.add(info("exporting cpicustomheaderproperties rows=" + run.rowsProcessed() * 2));
        steps.add(info("writing " + file));
        double megabytes = Math.max(0.1, run.rowsProcessed() * (2.0 + random.nextDouble() * 6) / 1024);
        steps.add(info("compressed to " + file + ".gz size_mb=" + String.format(Locale.ROOT, "%.1f", megabytes)
                + " sha256=" + hex(random, 64)));
        steps.add(info("recorded cpiarchive id=" + (1000 + random.nextInt(90_000))));
        int old = random.nextInt(3);
        steps.add(info("deleting archives older than 30 days: " + old + " file(s)"));
        for (int i = 0; i < old; i++) {
            Instant expired = run.start().minus(Duration.ofDays(31 + i));
            steps.add(info("removed /app/data/" + tenant + "/archive/" + tenant + "_" + ARCHIVE_DAY.format(expired)
                    + ".archive.sqlite.gz"));
        }
        if (random.nextInt(6) == 0) {
            steps.add(new String[] {"WARNING", random.nextInt(40) + 1 + " messages without payload, archived metadata only"});
        }
        steps.add(info("log cleanup: removed " + random.nextInt(5) + " job logs and " + random.nextInt(40)
                + " run logs older than 3 days"));
        return steps;
    }

    private static List<String[]> syncSteps(RunSummary run, Random random) {
        String[] packages = {"SAP S/4HANA Integration with Salesforce", "SuccessFactors Employee Central",
            "Ariba Procurement", "EDI Logistics", "Concur Expense", "Warehouse Management"};
        List<String[]> steps = new ArrayList<>();
        steps.add(info("listing integration packages"));
        int count = 2 + random.nextInt(packages.length - 1);
        for (int i = 0; i < count; i++) {
            steps.add(info("package " + (i + 1) + "/" + count + " \"" + packages[i] + "\" iflows="
                    + (1 + random.nextInt(20))));
        }
        steps.add(info("iflows synced added=" + random.nextInt(4) + " updated=" + Math.max(0, run.rowsProcessed() - 3)
                + " removed=0"));
        return steps;
    }

    private static List<String[]> cleanupSteps(String tenant, String job, RunSummary run, Random random) {
        List<String[]> steps = new ArrayList<>();
        steps.add(info("removing job logs older than 3 days (LOG_RETENTION_DAYS=3)"));
        LocalDate today = run.start().atZone(ZoneOffset.UTC).toLocalDate();
        String[] jobs = {"fetch_message_logs", "archive_cpi_day", "sync_iflows", job};
        long shown = Math.min(run.rowsProcessed(), 12);
        for (int i = 0; i < shown; i++) {
            steps.add(info("removed /app/data/" + tenant + "/logs/jobs/" + jobs[i % jobs.length] + "/"
                    + today.minusDays(4 + i / jobs.length) + ".log"));
        }
        steps.add(info("removed " + random.nextInt(200) + " run logs by modification time"));
        return steps;
    }

    private static List<String[]> genericSteps(RunSummary run, Random random) {
        List<String[]> steps = new ArrayList<>();
        int batches = 1 + random.nextInt(5);
        for (int i = 1; i <= batches; i++) {
            steps.add(info("step " + i + "/" + batches + " processed rows=" + run.rowsProcessed() * i / batches));
        }
        return steps;
    }

    // ----------------------------------------------------------------------------------------- wording

    private static String finished(RunSummary run) {
        double seconds = Duration.between(run.start(), run.end()).toMillis() / 1000.0;
        return "run finished run_id=" + run.runId() + " status=" + run.status() + " rows=" + run.rowsProcessed()
                + " duration=" + String.format(Locale.ROOT, "%.1f", seconds) + "s";
    }

    private static String warningOf(String job, Random random) {
        return switch (job) {
            case "fetch_message_logs" -> "rate limited by CPI API (HTTP 429), backing off " + (10 + random.nextInt(50)) + "s";
            case "archive_cpi_day" -> (1 + random.nextInt(30)) + " messages without payload, archived metadata only";
            case "sync_iflows" -> "package \"Deprecated Interfaces\" skipped: no read permission";
            case "cleanup_logs" -> "could not remove a log still open by another process, will retry next run";
            default -> "run took longer than its schedule interval";
        };
    }

    private static String failureOf(String job) {
        return switch (job) {
            case "fetch_message_logs", "sync_iflows" -> "ReadTimeout: HTTPSConnectionPool(port=443): Read timed out. "
                    + "(read timeout=30)";
            case "archive_cpi_day" -> "OSError: [Errno 28] No space left on device";
            default -> "OperationalError: server closed the connection unexpectedly";
        };
    }

    private static String traceback(String job) {
        String head = "Traceback (most recent call last):\n"
                + "  File \"/app/core/worker_logging.py\", line 88, in run_job\n"
                + "    result = job.run(context)\n"
                + "             ^^^^^^^^^^^^^^^^\n";
        return switch (job) {
            case "fetch_message_logs", "sync_iflows" -> head
                    + "  File \"/app/core/jobs/" + job + ".py\", line 57, in run\n"
                    + "    response = session.get(url, params=params, timeout=30)\n"
                    + "               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
                    + "  File \"" + SITE + "/requests/adapters.py\", line 532, in send\n"
                    + "    raise ReadTimeout(e, request=request)\n"
                    + "requests.exceptions.ReadTimeout: HTTPSConnectionPool(port=443): Read timed out. (read timeout=30)";
            case "archive_cpi_day" -> head
                    + "  File \"/app/core/jobs/archive_cpi_day.py\", line 131, in run\n"
                    + "    shutil.copyfileobj(source, target, length=1024 * 1024)\n"
                    + "  File \"/usr/local/lib/python3.11/shutil.py\", line 200, in copyfileobj\n"
                    + "    fdst_write(buf)\n"
                    + "OSError: [Errno 28] No space left on device";
            default -> head
                    + "  File \"" + SITE + "/django/db/backends/utils.py\", line 84, in _execute\n"
                    + "    return self.cursor.execute(sql, params)\n"
                    + "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
                    + "django.db.utils.OperationalError: server closed the connection unexpectedly\n"
                    + "\tThis probably means the server terminated abnormally\n"
                    + "\tbefore or while processing the request.";
        };
    }

    private static boolean isFailure(String status) {
        return status.equalsIgnoreCase("failed") || status.equalsIgnoreCase("error");
    }

    private static boolean isRunning(String status) {
        return status.equalsIgnoreCase("running");
    }

    private static String levelOf(String status) {
        if (isFailure(status)) {
            return "ERROR";
        }
        return status.equalsIgnoreCase("success") || status.equalsIgnoreCase("ok") ? "INFO" : "WARNING";
    }

    // ----------------------------------------------------------------------------------------- helpers

    private static String[] info(String message) {
        return new String[] {"INFO", message};
    }

    private static String logger(String tenant, String job) {
        return "jobs." + tenant + "." + job;
    }

    private static long pages(long rows) {
        return Math.max(1, (rows + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static String asciiName(String tenant) {
        return java.text.Normalizer.normalize(tenant, java.text.Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
    }

    private static String hex(Random random, int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    /** A moment the given share of the way from start to end, give or take a little. */
    private static Instant between(Instant start, Instant end, double share, Random random) {
        long span = Duration.between(start, end).toMillis();
        long offset = (long) (span * Math.min(1.0, Math.max(0.0, share + (random.nextDouble() - 0.5) * 0.05)));
        return start.plusMillis(offset);
    }

    /** Count moments strictly inside (start, end) when there is room, in order. */
    private static List<Instant> spread(Instant start, Instant end, int count, Random random) {
        long span = Duration.between(start, end).toMillis();
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = span <= 2 ? span / 2 : 1 + (long) (random.nextDouble() * (span - 1));
        }
        java.util.Arrays.sort(offsets);
        List<Instant> times = new ArrayList<>(count);
        for (long offset : offsets) {
            times.add(start.plusMillis(offset));
        }
        return times;
    }

    /** Collects records, keeps them within [first, last] and writes them in time order. */
    private static final class Journal {
        private final String logger;
        private final Instant first;
        private final Instant last;
        private final List<Entry> entries = new ArrayList<>();

        Journal(String logger, Instant first, Instant last) {
            this.logger = logger;
            this.first = first;
            this.last = last;
        }

        void log(Instant at, String level, String message) {
            Instant clamped = at.isBefore(first) ? first : at.isAfter(last) ? last : at;
            entries.add(new Entry(clamped, entries.size(), level, message));
        }

        String text() {
            entries.sort(Comparator.comparing(Entry::at).thenComparingInt(Entry::order));
            StringBuilder sb = new StringBuilder(entries.size() * 120);
            for (Entry entry : entries) {
                sb.append(ASCTIME.format(entry.at())).append(' ').append(entry.level()).append(" [").append(logger)
                        .append("] ").append(entry.message()).append('\n');
            }
            return sb.toString();
        }

        private record Entry(Instant at, int order, String level, String message) {
        }
    }
}
