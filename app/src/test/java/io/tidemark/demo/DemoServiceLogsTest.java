package io.tidemark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's service logs: deterministic, rotated like the real writers, stamped with their last line, following
 * requests across services, and written in formats whose patterns also match logs the real programs wrote.
 */
class DemoServiceLogsTest {

    private static final long SEED = 20_261_121L;
    private static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-16T00:00:00Z");
    private static final long FAMILY_BYTES = 300_000;
    private static final long ROTATE_BYTES = 40_000;
    private static final List<String> REQUEST_IDS = List.of(
            "0b7c3c5e-6a1f-4d8e-9b2a-1f3e5d7c9a01", "1c8d4d6f-7b2a-4e9f-8c3b-2a4f6e8d0b12",
            "2d9e5e7a-8c3b-4fa0-9d4c-3b5a7f9e1c23", "3eaf6f8b-9d4c-4ab1-8e5d-4c6b8a0f2d34",
            "4fb07a9c-ae5d-4bc2-9f6e-5d7c9b1a3e45", "50c18bad-bf6e-4cd3-8a7f-6e8dac2b4f56",
            "61d29cbe-c07f-4de4-9b80-7f9ebd3c5a67", "72e3adcf-d180-4ef5-8c91-80afce4d6b78",
            "83f4bed0-e291-4f06-9da2-91b0df5e7c89", "9405cfe1-f3a2-4017-8eb3-a2c1e06f8d9a",
            "a516d0f2-04b3-4128-9fc4-b3d2f1709eab", "b627e103-15c4-4239-80d5-c4e30281afbc");

    private static final List<String> SUPERVISOR_FAMILIES = List.of("postgres", "pg-init", "redis", "migrate",
            "gunicorn", "celery-light", "celery-light-cold", "celery-api-details", "celery-api-details-cold",
            "celery-alert-details", "celery-alerts", "celery-periodic", "celery-ai", "celery-messagelog-process-batch",
            "celery-messagelog-process-batch-cold", "celery-medium", "worker", "nginx", "login_activity");
    private static final List<String> DJANGO_FAMILIES = List.of("django/django", "django/publish_sync");

    // ----------------------------------------------------------------------------------------- line formats

    /** One kind of record start: a loose pattern for "this line begins a record", the exact pattern, and its clock. */
    private record LineFormat(Pattern lead, Pattern entry, DateTimeFormatter clock) {
        static LineFormat of(String lead, String entry, String clock) {
            return new LineFormat(Pattern.compile(lead), Pattern.compile(entry),
                    DateTimeFormatter.ofPattern(clock, Locale.ENGLISH).withZone(ZoneOffset.UTC));
        }
    }

    /**
     * The format of one log: the kinds of record it interleaves, what a continuation line (traceback, tool output)
     * may look like, and the least share of lines that start a record in what the demo writes.
     */
    private record LogFormat(String name, List<LineFormat> kinds, Pattern continuation, double entryShare) {
        boolean looksLikeRecordStart(String line) {
            return kinds.stream().anyMatch(kind -> kind.lead().matcher(line).find());
        }

        Instant timeOf(String line) {
            for (LineFormat kind : kinds) {
                Matcher m = kind.entry().matcher(line);
                if (m.matches()) {
                    return Instant.from(kind.clock().parse(m.group("ts")));
                }
            }
            return null;
        }
    }

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String PYTHON_LEVEL = "(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)";
    private static final String ANYTHING = ".*";

    private static final LineFormat POSTGRES_LINE = LineFormat.of("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d",
            "^(?<ts>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) UTC \\[\\d+\\] (?:\\S+@\\S+ )?"
                    + "(?:LOG|ERROR|FATAL|PANIC|WARNING|NOTICE|INFO|DETAIL|HINT|STATEMENT|CONTEXT|DEBUG[1-5]?):  .*$",
            "yyyy-MM-dd HH:mm:ss.SSS");
    private static final LineFormat REDIS_LINE = LineFormat.of("^\\d+:[A-Z] ",
            "^\\d+:[CMSX] (?<ts>\\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) [.\\-*#] .*$",
            "dd MMM yyyy HH:mm:ss.SSS");
    private static final LineFormat CELERY_LINE = LineFormat.of("^\\[\\d{4}-\\d\\d-\\d\\d",
            "^\\[(?<ts>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}): " + PYTHON_LEVEL
                    + "/[A-Za-z]+(?:-\\d+)?\\] .*$",
            "yyyy-MM-dd HH:mm:ss,SSS");
    private static final LineFormat DJANGO_VERBOSE_LINE = LineFormat.of("^" + PYTHON_LEVEL + " \\d",
            "^" + PYTHON_LEVEL + " (?<ts>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) \\w+ \\d+ \\d+ .*$",
            "yyyy-MM-dd HH:mm:ss,SSS");
    private static final LineFormat PUBLISH_SYNC_LINE = LineFormat.of("^\\[\\d{4}-",
            "^\\[(?<ts>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3})\\] \\[" + PYTHON_LEVEL + "\\] .*$",
            "yyyy-MM-dd HH:mm:ss,SSS");
    private static final LineFormat GUNICORN_ERROR_LINE = LineFormat.of("^\\[\\d{4}-",
            "^\\[(?<ts>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) \\+0000\\] \\[\\d+\\] \\[" + PYTHON_LEVEL + "\\] .*$",
            "yyyy-MM-dd HH:mm:ss");
    private static final LineFormat GUNICORN_ACCESS_LINE = LineFormat.of("^\\d{1,3}(?:\\.\\d{1,3}){3} - ",
            "^\\S+ - \\S+ \\[(?<ts>\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d) \\+0000\\] \"[^\"]*\" \\d{3} (?:\\d+|-)"
                    + " \"[^\"]*\" \"[^\"]*\"$",
            "dd/MMM/yyyy:HH:mm:ss");
    /** nginx combined, optionally followed by the platform's 'timed' fields (request_time, upstream, request ids). */
    private static final LineFormat NGINX_ACCESS_LINE = LineFormat.of("^\\d{1,3}(?:\\.\\d{1,3}){3} - ",
            "^\\S+ - \\S+ \\[(?<ts>\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d) \\+0000\\] \"[^\"]*\" \\d{3} \\d+"
                    + " \"[^\"]*\" \"[^\"]*\"(?: rt=\\d+\\.\\d{3} uct=\"[^\"]*\" urt=\"[^\"]*\" upstream=\\S+"
                    + " request_id=[0-9a-f]{32} x_request_id=(?:" + UUID + "|-))?$",
            "dd/MMM/yyyy:HH:mm:ss");
    private static final LineFormat NGINX_ERROR_LINE = LineFormat.of("^\\d{4}/",
            "^(?<ts>\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d) \\[(?:debug|info|notice|warn|error|crit|alert|emerg)\\]"
                    + " \\d+#\\d+: (?:\\*\\d+ )?.*$",
            "yyyy/MM/dd HH:mm:ss");
    private static final LineFormat SHELL_LINE = LineFormat.of("^\\d{4}-\\d\\d-\\d\\dT",
            "^(?<ts>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ) (?:pg-init|migrate): .*$",
            "yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static final Pattern NOTHING = Pattern.compile("(?!)");
    private static final LogFormat POSTGRES = new LogFormat("postgres stderr", List.of(POSTGRES_LINE),
            Pattern.compile("^\t.*"), 0.5);
    private static final LogFormat REDIS = new LogFormat("redis", List.of(REDIS_LINE), NOTHING, 1.0);
    private static final LogFormat CELERY = new LogFormat("celery", List.of(CELERY_LINE), Pattern.compile(ANYTHING),
            0.5);
    private static final LogFormat DJANGO_VERBOSE = new LogFormat("django verbose", List.of(DJANGO_VERBOSE_LINE),
            Pattern.compile(ANYTHING), 0.5);
    private static final LogFormat PUBLISH_SYNC = new LogFormat("publish_sync", List.of(PUBLISH_SYNC_LINE),
            Pattern.compile(ANYTHING), 0.5);
    private static final LogFormat GUNICORN = new LogFormat("gunicorn under supervisor",
            List.of(GUNICORN_ERROR_LINE, GUNICORN_ACCESS_LINE, DJANGO_VERBOSE_LINE), Pattern.compile(ANYTHING), 0.5);
    private static final LogFormat NGINX = new LogFormat("nginx", List.of(NGINX_ACCESS_LINE, NGINX_ERROR_LINE),
            NOTHING, 1.0);
    /** A wrapper script's own stamped lines between the raw output of the tools it runs. */
    private static final LogFormat SHELL = new LogFormat("shell wrapper", List.of(SHELL_LINE), Pattern.compile(ANYTHING),
            0.3);

    private static Map<String, LogFormat> familyFormats() {
        Map<String, LogFormat> formats = new LinkedHashMap<>();
        for (String family : SUPERVISOR_FAMILIES) {
            formats.put(family, family.startsWith("celery-") || family.equals("worker") ? CELERY : switch (family) {
                case "postgres" -> POSTGRES;
                case "redis" -> REDIS;
                case "pg-init", "migrate" -> SHELL;
                case "gunicorn" -> GUNICORN;
                case "nginx" -> NGINX;
                default -> DJANGO_VERBOSE;
            });
        }
        formats.put("django/django", DJANGO_VERBOSE);
        formats.put("django/publish_sync", PUBLISH_SYNC);
        return formats;
    }

    // ----------------------------------------------------------------------------------------- service logs

    @Test
    void sameSeedAndArgumentsWriteByteIdenticalFiles(@TempDir Path temp) throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");

        List<Path> firstFiles = write(first, ROTATE_BYTES);
        List<Path> secondFiles = write(second, ROTATE_BYTES);

        assertThat(relative(first, firstFiles)).isNotEmpty().isEqualTo(relative(second, secondFiles));
        for (Path file : firstFiles) {
            Path twin = second.resolve(first.relativize(file));
            assertThat(Files.mismatch(file, twin)).as("first difference between %s and %s", file, twin).isEqualTo(-1L);
            assertThat(Files.getLastModifiedTime(twin)).isEqualTo(Files.getLastModifiedTime(file));
        }
    }

    @Test
    void returnsEveryFileItWroteSortedAndLeavesNoTemporaryFile(@TempDir Path temp) throws IOException {
        List<Path> written = write(temp, ROTATE_BYTES);

        List<Path> onDisk;
        try (Stream<Path> files = Files.walk(temp)) {
            onDisk = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(written).isSorted().containsExactlyElementsOf(onDisk);
        assertThat(onDisk).noneMatch(file -> file.getFileName().toString().startsWith("."));
    }

    @Test
    void rotatesLikeSupervisorAndLikePythonsRotatingFileHandler(@TempDir Path temp) throws IOException {
        write(temp, ROTATE_BYTES);

        for (String family : SUPERVISOR_FAMILIES) {
            List<Path> files = familyFiles(temp, family);
            // 300 kB in 40 kB files needs more than three backups, so the oldest content was dropped.
            assertThat(files).as(family).hasSize(4);
            assertThat(temp.resolve(family + ".log.4")).doesNotExist();
            for (Path backup : files.subList(0, 3)) {
                // supervisor rotates once a write has taken the file to its limit.
                assertThat(Files.size(backup)).as(backup.toString()).isBetween(ROTATE_BYTES, ROTATE_BYTES + 20_000);
            }
            assertThat(Files.size(files.get(3))).as(family + ".log").isLessThan(ROTATE_BYTES);
        }
        for (String family : DJANGO_FAMILIES) {
            List<Path> files = familyFiles(temp, family);
            assertThat(files).as(family).hasSizeBetween(2, 11);
            assertThat(temp.resolve(family + ".log.11")).doesNotExist();
            for (Path file : files) {
                // Python rotates before a record would take the file to its limit (it counts characters, not bytes).
                assertThat(Files.size(file)).as(file.toString()).isLessThan(ROTATE_BYTES + 64);
            }
        }
    }

    @Test
    void keepsEachFamilyNearItsTargetSize(@TempDir Path temp) throws IOException {
        long target = 200_000;
        new DemoServiceLogs(SEED, 0).write(temp, FROM, TO, REQUEST_IDS, target);

        for (String family : familyFormats().keySet()) {
            assertThat(familyFiles(temp, family)).as(family).hasSize(1);
            assertThat(Files.size(temp.resolve(family + ".log"))).as(family)
                    .isBetween(target * 8 / 10, target * 12 / 10);
        }
    }

    @Test
    void stampsEveryFileWithTheTimeOfItsLastLine(@TempDir Path temp) throws IOException {
        write(temp, ROTATE_BYTES);

        for (Map.Entry<String, LogFormat> family : familyFormats().entrySet()) {
            for (Path file : familyFiles(temp, family.getKey())) {
                Instant last = null;
                for (String line : lines(file)) {
                    Instant time = family.getValue().timeOf(line);
                    last = time == null ? last : time;
                }
                if (last != null) {
                    assertThat(Files.getLastModifiedTime(file).toInstant()).as(file.toString()).isEqualTo(last);
                }
            }
        }
    }

    @Test
    void writesEveryLineInTheFormatOfTheProgramBehindIt(@TempDir Path temp) throws IOException {
        write(temp, ROTATE_BYTES);

        for (Map.Entry<String, LogFormat> family : familyFormats().entrySet()) {
            LogFormat format = family.getValue();
            List<String> lines = new ArrayList<>();
            for (Path file : familyFiles(temp, family.getKey())) {
                lines.addAll(lines(file));
            }
            List<String> wrong = new ArrayList<>();
            int entries = 0;
            Instant previous = FROM;
            for (String line : lines) {
                Instant time = format.timeOf(line);
                if (time == null) {
                    if (format.looksLikeRecordStart(line) || !format.continuation().matcher(line).matches()) {
                        wrong.add(line);
                    }
                    continue;
                }
                entries++;
                assertThat(time).as(line).isAfterOrEqualTo(FROM).isBefore(TO);
                // Formats print whole seconds or milliseconds; across the family, time never goes back a second.
                Instant second = time.truncatedTo(ChronoUnit.SECONDS);
                assertThat(second).as("%s: %s", family.getKey(), line).isAfterOrEqualTo(previous);
                previous = second;
            }
            assertThat(wrong).as("%s lines not in the %s format", family.getKey(), format.name()).isEmpty();
            assertThat(entries).as(family.getKey()).isGreaterThanOrEqualTo((int) (lines.size() * format.entryShare()));
        }
    }

    @Test
    void theSameFormatsMatchWhatTheRealProgramsWrote() throws IOException, URISyntaxException {
        Path samples = samples();
        Map<LogFormat, List<String>> sampleFiles = new LinkedHashMap<>();
        sampleFiles.put(POSTGRES, List.of("postgres.log", "postgres-default-prefix.log"));
        sampleFiles.put(REDIS, List.of("redis.log"));
        sampleFiles.put(CELERY, List.of("celery/worker.log", "supervisor/celery-worker.log",
                "supervisor/celery-worker.log.1", "supervisor/celery-worker.log.2", "supervisor/celery-worker.log.3",
                "supervisor/celery-beat.log"));
        sampleFiles.put(GUNICORN, List.of("supervisor/gunicorn.log", "supervisor/gunicorn.log.1",
                "supervisor/gunicorn.log.2", "supervisor/gunicorn.log.3", "gunicorn/access.log", "gunicorn/error.log"));
        sampleFiles.put(NGINX, List.of("nginx/access.log", "nginx/error.log"));
        sampleFiles.put(DJANGO_VERBOSE, numbered("django/django.log", 10));
        sampleFiles.put(PUBLISH_SYNC, numbered("django/publish_sync.log", 10));

        for (Map.Entry<LogFormat, List<String>> format : sampleFiles.entrySet()) {
            for (String name : format.getValue()) {
                Path file = samples.resolve(name);
                assertThat(file).exists();
                List<String> wrong = new ArrayList<>();
                int entries = 0;
                for (String line : lines(file)) {
                    if (format.getKey().timeOf(line) != null) {
                        entries++;
                    } else if (format.getKey().looksLikeRecordStart(line)) {
                        wrong.add(line);
                    }
                }
                assertThat(wrong).as("%s lines not matching %s", name, format.getKey().name()).isEmpty();
                assertThat(entries).as(name).isPositive();
            }
        }
        // The 'timed' access format is only quoted in the README; its verbatim lines must match too.
        List<String> timed = lines(samples.resolve("README.md")).stream()
                .filter(line -> NGINX_ACCESS_LINE.lead().matcher(line).find() && line.contains(" x_request_id="))
                .toList();
        assertThat(timed).isNotEmpty().allSatisfy(line -> assertThat(NGINX.timeOf(line)).as(line).isNotNull());
    }

    @Test
    void oneRequestCanBeFollowedAcrossAtLeastThreeFamilies(@TempDir Path temp) throws IOException {
        write(temp, ROTATE_BYTES);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String family : familyFormats().keySet()) {
            StringBuilder text = new StringBuilder();
            for (Path file : familyFiles(temp, family)) {
                text.append(String.join("\n", lines(file)));
            }
            texts.put(family, text.toString());
        }

        String chosen = REQUEST_IDS.get(7);
        Set<String> families = familiesMentioning(texts, chosen);
        assertThat(families).hasSizeGreaterThanOrEqualTo(3).contains("nginx", "gunicorn", "django/django");
        assertThat(texts.get("nginx")).contains("x_request_id=" + chosen);
        for (String id : REQUEST_IDS) {
            assertThat(familiesMentioning(texts, id)).as(id).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void writesValidUtf8WithSomeAccentedNames(@TempDir Path temp) throws IOException {
        List<Path> written = write(temp, ROTATE_BYTES);

        boolean accented = false;
        for (Path file : written) {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            accented |= text.contains("é") || text.contains("ü");
        }
        assertThat(accented).isTrue();
    }

    @Test
    void trafficIsLighterAtWeekendsAndBurstsInOneIncident(@TempDir Path temp) throws IOException {
        new DemoServiceLogs(SEED, 0).write(temp, FROM, TO, REQUEST_IDS, FAMILY_BYTES);

        Map<LocalDate, Integer> requestsPerDay = new TreeMap<>();
        Map<Instant, Integer> errorsPerHour = new TreeMap<>();
        for (String line : lines(temp.resolve("nginx.log"))) {
            Instant time = NGINX.timeOf(line);
            if (time != null && NGINX_ACCESS_LINE.entry().matcher(line).matches()) {
                requestsPerDay.merge(LocalDate.ofInstant(time, ZoneOffset.UTC), 1, Integer::sum);
                if (line.matches("^[^\"]*\"[^\"]*\" 5\\d\\d .*")) {
                    errorsPerHour.merge(time.truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
                }
            }
        }
        double weekday = averageOver(requestsPerDay, false);
        double weekend = averageOver(requestsPerDay, true);
        assertThat(weekday).isGreaterThan(1.5 * weekend);

        int totalErrors = errorsPerHour.values().stream().mapToInt(Integer::intValue).sum();
        int worstHour = errorsPerHour.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertThat(worstHour).as("server errors in the worst hour of %d", totalErrors).isGreaterThan(totalErrors / 3);
    }

    // ----------------------------------------------------------------------------------------- job logs

    private static final Pattern JOB_LINE = Pattern.compile(
            "^(?<ts>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) " + PYTHON_LEVEL + " \\[jobs\\.[^\\]]+\\] .+$");
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void dayLogSummarisesEveryRunWithinItsDay() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        Instant start = Instant.parse("2026-11-20T03:00:01.234Z");
        List<DemoJobLogs.RunSummary> runs = List.of(
                new DemoJobLogs.RunSummary("3f1c0a8e-5b2d-4c1e-9f7a-2d4b6c8e0a11", start, start.plusSeconds(44),
                        "success", 1200),
                new DemoJobLogs.RunSummary("8a7b6c5d-4e3f-4a2b-8c1d-0e9f8a7b6c5d", start.plusSeconds(3600),
                        start.plusSeconds(3700), "failed", 300),
                new DemoJobLogs.RunSummary("0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
                        Instant.parse("2026-11-20T23:59:30Z"), Instant.parse("2026-11-21T00:02:00Z"), "success", 10));

        String text = DemoJobLogs.dayLog("société-lumière", "fetch_message_logs", day, runs, new Random(7));

        assertThat(text).isEqualTo(DemoJobLogs.dayLog("société-lumière", "fetch_message_logs", day, runs, new Random(7)));
        List<String> lines = Arrays.asList(text.split("\n"));
        Instant previous = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (String line : lines) {
            Matcher m = JOB_LINE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            Instant time = Instant.from(ASCTIME.parse(m.group("ts")));
            assertThat(time).as(line).isAfterOrEqualTo(previous);
            assertThat(LocalDate.ofInstant(time, ZoneOffset.UTC)).as(line).isEqualTo(day);
            previous = time;
        }
        for (DemoJobLogs.RunSummary run : runs) {
            assertThat(text).contains("run started run_id=" + run.runId(), "run finished run_id=" + run.runId());
        }
        assertThat(lines).anyMatch(line -> line.contains(" ERROR ") && line.contains(runs.get(1).runId()));
    }

    @Test
    void runLogGoesStepByStepFromStartToEnd() {
        Instant start = Instant.parse("2026-11-20T03:00:01.234Z");
        Instant end = start.plusSeconds(95);
        String runId = "8a7b6c5d-4e3f-4a2b-8c1d-0e9f8a7b6c5d";

        String ok = DemoJobLogs.runLog("acme-prod", "fetch_message_logs", runId, start, end, "success", 2400,
                new Random(3));
        String failed = DemoJobLogs.runLog("acme-prod", "archive_cpi_day", runId, start, end, "failed", 30_000,
                new Random(3));

        assertThat(ok).isEqualTo(DemoJobLogs.runLog("acme-prod", "fetch_message_logs", runId, start, end, "success",
                2400, new Random(3)));
        List<String> lines = Arrays.asList(ok.split("\n"));
        assertThat(lines.get(0)).startsWith(ASCTIME.format(start)).contains("run started run_id=" + runId);
        assertThat(lines.get(lines.size() - 1)).startsWith(ASCTIME.format(end)).contains("status=success", "rows=2400");
        assertThat(ok).contains("page 5 fetched rows=");
        String previous = "";
        for (String line : lines) {
            assertThat(JOB_LINE.matcher(line).matches()).as(line).isTrue();
            assertThat(line.substring(0, 23)).isGreaterThanOrEqualTo(previous);
            previous = line.substring(0, 23);
        }
        assertThat(failed).contains(" ERROR ", "Traceback (most recent call last):", "status=failed");
        assertThat(failed.split("\n")[0]).startsWith(ASCTIME.format(start));
    }

    // ----------------------------------------------------------------------------------------- helpers

    private static List<Path> write(Path dir, long rotateBytes) throws IOException {
        return new DemoServiceLogs(SEED, rotateBytes).write(dir, FROM, TO, REQUEST_IDS, FAMILY_BYTES);
    }

    private static List<String> relative(Path root, List<Path> files) {
        return files.stream().map(file -> root.relativize(file).toString()).toList();
    }

    /** The files of one rotation family, oldest first: name.log.N … name.log.1, name.log. */
    private static List<Path> familyFiles(Path dir, String family) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; Files.exists(dir.resolve(family + ".log." + i)); i++) {
            files.add(0, dir.resolve(family + ".log." + i));
        }
        Path newest = dir.resolve(family + ".log");
        if (Files.exists(newest)) {
            files.add(newest);
        }
        return files;
    }

    private static List<String> lines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static List<String> numbered(String name, int backups) {
        List<String> names = new ArrayList<>(List.of(name));
        for (int i = 1; i <= backups; i++) {
            names.add(name + "." + i);
        }
        return names;
    }

    private static Set<String> familiesMentioning(Map<String, String> texts, String id) {
        Set<String> families = new TreeSet<>();
        texts.forEach((family, text) -> {
            if (text.contains(id)) {
                families.add(family);
            }
        });
        return families;
    }

    private static double averageOver(Map<LocalDate, Integer> perDay, boolean weekend) {
        return perDay.entrySet().stream()
                .filter(day -> (day.getKey().getDayOfWeek() == DayOfWeek.SATURDAY
                        || day.getKey().getDayOfWeek() == DayOfWeek.SUNDAY) == weekend)
                .mapToInt(Map.Entry::getValue).average().orElse(0);
    }

    /** The copied real samples: from the test classpath, or from the source folder when run without a build. */
    private static Path samples() throws URISyntaxException {
        URL readme = DemoServiceLogsTest.class.getResource("/samples/logs/README.md");
        if (readme != null && "file".equals(readme.getProtocol())) {
            return Path.of(readme.toURI()).getParent();
        }
        return Path.of("src/test/resources/samples/logs");
    }
}
