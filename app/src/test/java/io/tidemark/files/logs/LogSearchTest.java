package io.tidemark.files.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.logs.FileHits;
import io.tidemark.core.logs.LogLevel;
import io.tidemark.core.logs.LogLine;
import io.tidemark.core.logs.LogQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSearchTest {

    @TempDir
    Path dir;

    private static final String[] WORDS = {"timeout", "Timeout", "TIMEOUT", "after", "ms", "error", "ERROR", "request_id=",
        "x", "12", "345ms", "retry", "time", "out", "\u00e9t\u00e9", "\t"};

    private Path randomLog(long seed, int lines) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int words = random.nextInt(12);
            for (int w = 0; w < words; w++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextBoolean() ? " " : "");
            }
            if (random.nextInt(50) == 0) {
                text.append((char) 0);
            }
            if (random.nextInt(30) == 0) {
                text.append('\r'); // CRLF: grep keeps the CR in the line, so must the regex
            }
            text.append('\n');
        }
        text.append("timeout after 99ms without newline");
        Path file = dir.resolve("random-" + seed + ".log");
        Files.writeString(file, text);
        return file;
    }

    private static long grepCount(Path file, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("grep", "-c", "-a"));
        command.addAll(List.of(options));
        command.add(file.toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        p.waitFor();
        return Long.parseLong(out);
    }

    @Test
    void countsAgreeWithGrep() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            Path file = randomLog(seed, 20_000);
            // 4 KiB segments and a literal crossing them; two threads over line-aligned chunks.
            try (LogFile log = LogFile.open(file, 12)) {
                check(log, file, LogQuery.text("timeout after"), "-F", "timeout after");
                check(log, file, LogQuery.text("ms"), "-F", "ms");
                check(log, file, new LogQuery("timeout", false, true, null, null, null), "-F", "-i", "timeout");
                check(log, file, new LogQuery("timeout ?after [0-9]+ms", true, false, null, null, null), "-E",
                        "timeout ?after [0-9]+ms");
                check(log, file, new LogQuery("^(error|retry)", true, false, null, null, null), "-E", "^(error|retry)");
                check(log, file, new LogQuery("[[:digit:]]{3}ms$", true, false, null, null, null), "-E", "[[:digit:]]{3}ms$");
                check(log, file, new LogQuery("time.?out", true, true, null, null, null), "-E", "-i", "time.?out");
            }
        }
    }

    private static void check(LogFile log, Path file, LogQuery query, String... grep) throws Exception {
        long expected = grepCount(file, grep);
        assertThat(LogSearch.count(log, query, 2, new Cancellation())).as("%s", query).isEqualTo(expected);
        assertThat(LogSearch.count(log, query, 1, new Cancellation())).as("%s", query).isEqualTo(expected);
        FileHits hits = LogSearch.find(log, "x", query, 10, p -> { }, new Cancellation());
        assertThat(hits.count()).isEqualTo(expected);
    }

    @Test
    void hitsCarryTheirLineNumbersAndLevelAndTimeFiltersApply() throws IOException {
        Path file = dir.resolve("job.log");
        Files.writeString(file, String.join("\n",
                "2026-11-20 03:00:01,000 INFO [acme.fetch] run started run_id=r1",
                "2026-11-20 03:00:02,000 ERROR [acme.fetch] run failed: timeout",
                "Traceback (most recent call last):",
                "  TimeoutError: timeout after 30 s",
                "2026-11-20 04:00:00,000 WARNING [acme.fetch] slow page, timeout close",
                "2026-11-20 05:00:00,000 INFO [acme.fetch] done timeout=0") + "\n");
        try (LogFile log = LogFile.open(file)) {
            FileHits all = LogSearch.find(log, "job", LogQuery.text("timeout"), 100, p -> { }, new Cancellation());
            assertThat(all.hits()).extracting(LogLine::number).containsExactly(1L, 3L, 4L, 5L);
            assertThat(all.hits().get(1).meta().level()).isEqualTo(LogLevel.ERROR); // the traceback belongs to the ERROR record
            LogQuery errors = new LogQuery("timeout", false, false, LogLevel.WARNING, null, null);
            assertThat(LogSearch.count(log, errors, 2, new Cancellation())).isEqualTo(3);
            long four = Instant.parse("2026-11-20T04:00:00Z").toEpochMilli();
            LogQuery early = new LogQuery("timeout", false, false, null, null, four);
            assertThat(LogSearch.find(log, "job", early, 100, p -> { }, new Cancellation()).hits())
                    .extracting(LogLine::number).containsExactly(1L, 3L);
            LogQuery levelOnly = new LogQuery(null, false, false, LogLevel.ERROR, null, null);
            assertThat(LogSearch.lineNumbers(log, levelOnly, 100, new Cancellation())).containsExactly(1, 2, 3);
        }
    }

    @Test
    void cancelStopsASearch() throws IOException {
        Path file = randomLog(9, 50_000);
        try (LogFile log = LogFile.open(file)) {
            Cancellation cancel = new Cancellation();
            cancel.cancel();
            assertThatThrownBy(() -> LogSearch.find(log, "x", new LogQuery(".", true, false, null, null, null), 10,
                    p -> { }, cancel)).isInstanceOf(Cancellation.CancelledException.class);
        }
    }

    @Test
    void aBadRegexIsTheUsersMistakeInOneSentence() {
        assertThatThrownBy(() -> new LogQuery("timeout(", true, false, null, null, null))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("is not valid");
    }

    @Test
    void indexBuildAndSearchNeverReadPastTheEnd() throws IOException {
        Path file = dir.resolve("short.log");
        Files.writeString(file, "abc");
        try (LogFile log = LogFile.open(file)) {
            log.buildIndex(2, Progress.NONE, new Cancellation());
            assertThat(log.lineCount()).isEqualTo(1);
            assertThat(LogSearch.count(log, LogQuery.text("abc"), 2, new Cancellation())).isEqualTo(1);
            assertThat(LogSearch.count(log, LogQuery.text("abcd"), 2, new Cancellation())).isZero();
        }
    }
}
