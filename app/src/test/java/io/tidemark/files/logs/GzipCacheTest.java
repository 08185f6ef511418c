package io.tidemark.files.logs;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The folder of decompressed .gz copies stays within its limit, least recently used first out. */
class GzipCacheTest {

    @TempDir
    Path dir;

    private Path gz(String name, int lines) throws Exception {
        Path file = dir.resolve(name + ".log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < lines; i++) {
                out.write((name + " line " + i + " of a rotated log that was compressed by logrotate\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    private Path open(Path gz, Path cache, long limit) throws Exception {
        return GzipCache.decompressed(gz, cache, limit, Progress.NONE, new Cancellation());
    }

    @Test
    void theLeastRecentlyUsedCopiesGoWhenTheFolderPassesItsLimit() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path theirs = Files.writeString(cache.resolve("notes.log"), "x".repeat(4_000_000)); // not a copy: never deleted
        Files.setLastModifiedTime(theirs, FileTime.fromMillis(0));
        Path a = gz("a", 20_000);
        Path b = gz("b", 20_000);
        Path c = gz("c", 20_000);
        Path copyA = open(a, cache, 3_000_000);
        long one = Files.size(copyA);
        assertThat(one).isBetween(1_000_000L, 1_500_000L);
        assertThat(GzipCache.recordedSize(a, Files.size(a))).isEqualTo(one);
        Files.setLastModifiedTime(copyA, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path copyB = open(b, cache, 3_000_000);
        Files.setLastModifiedTime(copyB, FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        assertThat(open(a, cache, 3_000_000)).isEqualTo(copyA); // used again: now the most recent
        Path copyC = open(c, cache, 3_000_000);

        assertThat(theirs).exists().hasSize(4_000_000);
        assertThat(copyB).doesNotExist(); // the least recently used
        assertThat(copyA).exists();
        assertThat(copyC).exists();
        assertThat(Files.readAllLines(copyC)).hasSize(20_000).first().isEqualTo("c line 0 of a rotated log that was compressed by logrotate");
        Path again = open(b, cache, 3_000_000); // decompressed again when asked again
        assertThat(Files.readAllLines(again)).hasSize(20_000);
    }

    @Test
    void aHalfMadeCopyLeftByACrashGoesAfterADay() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path old = Files.writeString(cache.resolve("inflating-1.part"), "half");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 2 * 86_400_000L));
        Path recent = Files.writeString(cache.resolve("inflating-2.part"), "being written now");
        open(gz("a", 10), cache, GzipCache.LIMIT_BYTES);
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
    }
}
