package io.tidemark.files.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.logs.LogLevel;
import io.tidemark.core.logs.LogLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    @TempDir
    Path dir;

    /** Random lines of random lengths (some empty, some long), with or without a last newline. */
    private static List<String> randomLines(Random random, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int len = random.nextInt(10) == 0 ? random.nextInt(3000) : random.nextInt(120);
            StringBuilder b = new StringBuilder("L" + i + " ");
            for (int k = 0; k < len; k++) {
                b.append((char) ('a' + random.nextInt(26)));
            }
            lines.add(b.toString());
        }
        return lines;
    }

    private Path write(String name, List<String> lines, boolean lastNewline) throws IOException {
        Path file = dir.resolve(name);
        String text = String.join("\n", lines) + (lastNewline ? "\n" : "");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void everyLineIsFoundByNumberAcrossSegmentsAndChunks() throws IOException {
        Random random = new Random(7);
        for (boolean lastNewline : new boolean[] {true, false}) {
            List<String> lines = randomLines(random, 5000);
            Path file = write("random-" + lastNewline + ".log", lines, lastNewline);
            // 4 KiB segments: many lines cross a mapping border; two threads: chunks merge out of order.
            try (LogFile log = LogFile.open(file, 12)) {
                log.buildIndex(2, Progress.NONE, new Cancellation());
                assertThat(log.indexed()).isTrue();
                assertThat(log.lineCount()).isEqualTo(lines.size());
                for (int n = 0; n < lines.size(); n += 1 + random.nextInt(7)) {
                    assertThat(log.line(n).text()).as("line %d", n).isEqualTo(lines.get(n));
                }
                assertThat(log.line(lines.size() - 1).text()).isEqualTo(lines.get(lines.size() - 1));
                assertThat(log.line(lines.size())).isNull();
                assertThat(log.lines(4990, 20)).extracting(LogLine::text).containsExactlyElementsOf(lines.subList(4990, 5000));
            }
        }
    }

    @Test
    void theFirstScreenIsReadableBeforeTheIndexExists() throws IOException {
        List<String> lines = randomLines(new Random(3), 2000);
        try (LogFile log = LogFile.open(write("first.log", lines, true))) {
            assertThat(log.indexed()).isFalse();
            assertThat(log.lines(0, 50)).extracting(LogLine::text).containsExactlyElementsOf(lines.subList(0, 50));
        }
    }

    @Test
    void anEmptyFileHasNoLines() throws IOException {
        Path file = dir.resolve("empty.log");
        Files.createFile(file);
        try (LogFile log = LogFile.open(file)) {
            log.buildIndex(Progress.NONE, new Cancellation());
            assertThat(log.lineCount()).isZero();
            assertThat(log.line(0)).isNull();
        }
    }

    @Test
    void crlfInvalidUtf8AndNulBytesAreShownNeverFatal() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("2026-11-21 11:05:50,687 INFO windows line\r\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'b', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '\n'});
        bytes.writeBytes(new byte[] {'n', 'u', 'l', 0, 'x', 7, '\n'});
        bytes.writeBytes("caf\u00e9 \u2713\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("binary.log");
        Files.write(file, bytes.toByteArray());
        try (LogFile log = LogFile.open(file)) {
            log.buildIndex(Progress.NONE, new Cancellation());
            assertThat(log.lineCount()).isEqualTo(4);
            assertThat(log.line(0).text()).isEqualTo("2026-11-21 11:05:50,687 INFO windows line");
            assertThat(log.line(0).meta().level()).isEqualTo(LogLevel.INFO);
            assertThat(log.line(1).text()).isEqualTo("bad \uFFFD( \uFFFD");
            assertThat(log.line(2).text()).isEqualTo("nul\u2400x\u2407");
            assertThat(log.line(3).text()).isEqualTo("caf\u00e9 \u2713");
            log.charset(StandardCharsets.ISO_8859_1);
            assertThat(log.line(3).text()).isEqualTo("caf\u00c3\u00a9 \u00e2\u009c\u0093");
        }
    }

    @Test
    void aHundredMegabyteLineIsReadPieceByPiece() throws IOException {
        Path file = dir.resolve("huge.log");
        int huge = 100 << 20;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("before\n".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < block.length; i++) {
                block[i] = (byte) ('a' + i % 26);
            }
            for (int i = 0; i < huge / block.length; i++) {
                out.write(block);
            }
            out.write("\nafter\n".getBytes(StandardCharsets.US_ASCII));
        }
        try (LogFile log = LogFile.open(file)) {
            log.buildIndex(Progress.NONE, new Cancellation());
            assertThat(log.lineCount()).isEqualTo(3);
            LogLine line = log.line(1);
            assertThat(line.cut()).isTrue();
            assertThat(line.byteLength()).isEqualTo(huge);
            assertThat(line.text()).hasSize(LogFile.LINE_LIMIT).startsWith("abcdefghijklmnopqrstuvwxyzabc");
            assertThat(log.slice(1, huge - 4, 100)).isEqualTo(tail(huge));
            assertThat(log.line(2).text()).isEqualTo("after");
        }
    }

    private static String tail(int huge) {
        StringBuilder b = new StringBuilder();
        for (int i = huge - 4; i < huge; i++) {
            b.append((char) ('a' + (i % (1 << 20)) % 26));
        }
        return b.toString();
    }

    @Test
    void aGzipLogIsReadWithRandomAccessAfterOnePass() throws IOException {
        List<String> lines = randomLines(new Random(11), 3000);
        Path gz = dir.resolve("gunicorn.log.2.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path cache = dir.resolve("cache");
        try (LogFile log = LogFile.open(gz, cache, Progress.NONE, new Cancellation())) {
            log.buildIndex(Progress.NONE, new Cancellation());
            assertThat(log.lineCount()).isEqualTo(3000);
            assertThat(log.line(2999).text()).isEqualTo(lines.get(2999));
            assertThat(log.line(1234).text()).isEqualTo(lines.get(1234));
            assertThat(log.line(7).text()).isEqualTo(lines.get(7));
            assertThat(log.path()).isEqualTo(gz);
        }
        try (var cached = Files.list(cache)) {
            assertThat(cached.filter(p -> p.toString().endsWith(".log")).count()).isEqualTo(1);
        }
        // Opened again: the copy is reused, not decompressed a second time.
        Path copy;
        try (LogFile again = LogFile.open(gz, cache, Progress.NONE, new Cancellation())) {
            copy = again.data();
        }
        assertThat(copy).startsWith(cache);
    }

    @Test
    void aGrowingFileIsIndexedFurtherOnRefresh() throws IOException {
        Path file = dir.resolve("growing.log");
        Files.writeString(file, "one\ntwo\n");
        try (LogFile log = LogFile.open(file)) {
            log.buildIndex(Progress.NONE, new Cancellation());
            assertThat(log.lineCount()).isEqualTo(2);
            Files.writeString(file, "three\nfour\n", java.nio.file.StandardOpenOption.APPEND);
            assertThat(log.refresh()).isEqualTo(io.tidemark.core.logs.FileChange.GREW);
            assertThat(log.lineCount()).isEqualTo(4);
            assertThat(log.line(3).text()).isEqualTo("four");
            Files.writeString(file, "x\n");
            assertThat(log.refresh()).isEqualTo(io.tidemark.core.logs.FileChange.REPLACED);
        }
    }

    @Test
    void jumpToTimeFindsTheFirstLineAtOrAfterIt() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            lines.add(String.format("2026-11-20 %02d:%02d:00,000 INFO [acme.fetch] step %d", i / 60, i % 60, i));
            if (i % 10 == 0) {
                lines.add("  continuation of " + i);
            }
        }
        try (LogFile log = LogFile.open(write("day.log", lines, true))) {
            log.buildIndex(Progress.NONE, new Cancellation());
            long at = log.firstLineAtOrAfter(java.time.Instant.parse("2026-11-20T05:00:00Z").toEpochMilli());
            assertThat(log.line(at).text()).startsWith("2026-11-20 05:00:00,000 INFO");
            assertThat(log.line(at + 1).meta().epochMillis())
                    .isEqualTo(java.time.Instant.parse("2026-11-20T05:00:00Z").toEpochMilli());
        }
    }
}
