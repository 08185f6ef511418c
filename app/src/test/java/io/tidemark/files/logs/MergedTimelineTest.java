package io.tidemark.files.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedTimelineTest {

    @TempDir
    Path dir;

    @Test
    void aFamilyReadsAsOneTimelineWithRecordsKeptWhole() throws IOException {
        Path old = dir.resolve("django.log.1");
        Files.writeString(old, String.join("\n",
                "INFO 2026-11-21 11:00:01,000 views 1 2 first",
                "ERROR 2026-11-21 11:00:03,000 log 1 2 failure",
                "Traceback (most recent call last):",
                "  ValueError: boom",
                "INFO 2026-11-21 11:00:05,000 views 1 2 fifth") + "\n");
        Path current = dir.resolve("django.log");
        Files.writeString(current, String.join("\n",
                "INFO 2026-11-21 11:00:02,000 views 1 2 second",
                "INFO 2026-11-21 11:00:04,000 views 1 2 fourth",
                "INFO 2026-11-21 11:00:06,000 views 1 2 sixth") + "\n");
        try (LogFile a = LogFile.open(current); LogFile b = LogFile.open(old)) {
            a.buildIndex(Progress.NONE, new Cancellation());
            b.buildIndex(Progress.NONE, new Cancellation());
            MergedTimeline merged = MergedTimeline.merge(List.of(a, b), 1000, new Cancellation());
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < merged.size(); i++) {
                texts.add(merged.line(i).text().replaceAll(".* 1 2 ", ""));
            }
            assertThat(texts).containsExactly("first", "second", "failure", "Traceback (most recent call last):",
                    "  ValueError: boom", "fourth", "fifth", "sixth");
            assertThat(merged.fileOf(0)).isEqualTo(1);
            assertThat(merged.lineOf(1)).isZero();
        }
    }
}
