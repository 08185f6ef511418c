package io.tidemark.demo.servicelogs;

import io.tidemark.demo.servicelogs.Line.Precision;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A rotation family on disk, rotated the way its writer does it: supervisor checks the size after each write and
 * rotates once it reaches the limit; Python's RotatingFileHandler rotates before a record that would reach it.
 */
final class RotatingFile {
    private final Path dir;
    private final String name;
    private final int backups;
    private final long maxBytes;
    private final boolean rotateBeforeWrite;
    private final long windowStart;
    private final Deque<Segment> segments = new ArrayDeque<>();
    private int created;

    RotatingFile(Path dir, String name, int backups, long maxBytes, boolean rotateBeforeWrite, long windowStart)
            throws IOException {
        this.dir = dir;
        this.name = name;
        this.backups = backups;
        this.maxBytes = maxBytes;
        this.rotateBeforeWrite = rotateBeforeWrite;
        this.windowStart = windowStart;
        open();
    }

    void write(Line line) throws IOException {
        Segment current = segments.getLast();
        // Python compares the file's size in bytes plus the record's length in characters.
        if (rotateBeforeWrite && maxBytes > 0 && current.bytes > 0
                && current.bytes + line.text().length() >= maxBytes) {
            rotate();
            current = segments.getLast();
        }
        byte[] bytes = line.text().getBytes(StandardCharsets.UTF_8);
        current.out.write(bytes);
        current.bytes += bytes.length;
        if (line.precision() != Precision.NONE) {
            current.lastStamp = line.printedTime();
        }
        if (!rotateBeforeWrite && maxBytes > 0 && current.bytes >= maxBytes) {
            rotate();
        }
    }

    private void rotate() throws IOException {
        Segment full = segments.getLast();
        full.out.close();
        full.out = null;
        open();
        segments.getLast().lastStamp = full.lastStamp;
        if (segments.size() > backups + 1) {
            Files.deleteIfExists(segments.removeFirst().temp);
        }
    }

    private void open() throws IOException {
        Path temp = dir.resolve("." + name + ".part" + created++);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20);
        Segment segment = new Segment(temp, out);
        segment.lastStamp = windowStart;
        segments.addLast(segment);
    }

    /** Renames the kept segments into place, newest as name, then name.1 and up, and stamps each with its last line. */
    List<Path> finish() throws IOException {
        Segment newest = segments.getLast();
        newest.out.close();
        newest.out = null;
        List<Path> finals = new ArrayList<>();
        int index = 0;
        for (var it = segments.descendingIterator(); it.hasNext(); index++) {
            Segment segment = it.next();
            Path target = dir.resolve(index == 0 ? name : name + "." + index);
            move(segment.temp, target);
            Files.setLastModifiedTime(target, FileTime.fromMillis(segment.lastStamp));
            finals.add(target);
        }
        // Backups left by an earlier, longer run would break the family's order.
        for (int stale = index; stale <= backups; stale++) {
            Files.deleteIfExists(dir.resolve(name + "." + stale));
        }
        segments.clear();
        return finals;
    }

    void discard() {
        for (Segment segment : segments) {
            try {
                if (segment.out != null) {
                    segment.out.close();
                }
                Files.deleteIfExists(segment.temp);
            } catch (IOException ignored) {
                // Best effort: the original failure is what the caller needs to see.
            }
        }
        segments.clear();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static final class Segment {
        final Path temp;
        OutputStream out;
        long bytes;
        long lastStamp;

        Segment(Path temp, OutputStream out) {
            this.temp = temp;
            this.out = out;
        }
    }
}
