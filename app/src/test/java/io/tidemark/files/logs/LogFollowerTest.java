package io.tidemark.files.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.logs.TailPoll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follower's poll step is driven by the test: no sleeping, no timing. */
class LogFollowerTest {

    @TempDir
    Path dir;

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void newLinesAppearOnceCompleteAndOnlyOnce() throws IOException {
        Path file = dir.resolve("worker.log");
        append(file, "old 1\nold 2\n");
        try (LogFollower follower = new LogFollower(file, true)) {
            assertThat(follower.poll().lines()).isEmpty();
            append(file, "new 1\nnew 2 part");
            assertThat(follower.poll().lines()).containsExactly("new 1");
            append(file, "ial\r\n");
            assertThat(follower.poll().lines()).containsExactly("new 2 partial");
            assertThat(follower.poll().lines()).isEmpty();
        }
    }

    @Test
    void rotationByRenameReadsTheOldFilesLastLinesThenTheNewFile() throws IOException {
        Path file = dir.resolve("gunicorn.log");
        append(file, "a\n");
        try (LogFollower follower = new LogFollower(file, false)) {
            assertThat(follower.poll().lines()).containsExactly("a");
            append(file, "b\n");                            // written just before the rotation
            Files.move(file, dir.resolve("gunicorn.log.1")); // supervisor renames…
            append(dir.resolve("gunicorn.log.1"), "c\n");     // …a writer still has the old file open…
            assertThat(follower.poll().lines()).containsExactly("b", "c"); // not recreated yet: keep reading the old one
            append(file, "d\ne\n");                          // …and a new file is created
            TailPoll poll = follower.poll();
            assertThat(poll.event()).isEqualTo(TailPoll.Event.ROTATED);
            assertThat(poll.lines()).containsExactly("d", "e");
            append(file, "f\n");
            assertThat(follower.poll().lines()).containsExactly("f");
        }
    }

    @Test
    void copyTruncateStartsAgainAtTheTop() throws IOException {
        Path file = dir.resolve("celery.log");
        append(file, "one\ntwo\nthree\n");
        try (LogFollower follower = new LogFollower(file, false)) {
            assertThat(follower.poll().lines()).containsExactly("one", "two", "three");
            Files.copy(file, dir.resolve("celery.log.1"));
            Files.write(file, new byte[0], StandardOpenOption.TRUNCATE_EXISTING); // logrotate copytruncate
            append(file, "four\n");
            TailPoll poll = follower.poll();
            assertThat(poll.event()).isEqualTo(TailPoll.Event.TRUNCATED);
            assertThat(poll.lines()).containsExactly("four");
        }
    }
}
