package io.tidemark.files.logs;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import io.tidemark.core.logs.TailPoll;
import io.tidemark.core.logs.TailPoll.Event;

/**
 * Tails a growing log by polling (file events are unreliable on network shares): each {@link #poll()} returns the lines
 * written since the last one. It survives rotation (the file renamed and a new one created: the rest of the old file is
 * read, then the new one from its start; seen as a change of file key/inode) and truncation (copytruncate: the size drops
 * below what was read, so reading starts again at 0).
 */
public final class LogFollower implements Closeable {

    private static final int READ = 1 << 16;

    private final Path path;
    private final Charset charset;
    private FileChannel channel;
    private Object key;
    private long position;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    /** Starts following {@code path}; from its end when {@code fromEnd}, else from its first line. */
    public LogFollower(Path path, boolean fromEnd) throws IOException {
        this(path, fromEnd, StandardCharsets.UTF_8);
    }

    public LogFollower(Path path, boolean fromEnd, Charset charset) throws IOException {
        this.path = path;
        this.charset = charset;
        open();
        if (fromEnd) {
            position = channel.size();
            // Start at a line boundary: the bytes after the last newline belong to a line still being written.
            long back = Math.max(0, position - READ);
            ByteBuffer tail = ByteBuffer.allocate((int) (position - back));
            channel.read(tail, back);
            for (int i = tail.position() - 1; i >= 0; i--) {
                if (tail.get(i) == '\n') {
                    position = back + i + 1;
                    break;
                }
                if (i == 0) {
                    position = back;
                }
            }
        }
    }

    private void open() throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ);
        key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        position = 0;
        partial.reset();
    }

    /** Reads what was written since the last poll. Never blocks for new data. */
    public synchronized TailPoll poll() throws IOException {
        List<String> lines = new ArrayList<>();
        Event event = Event.NONE;
        Object now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            now = null; // renamed away and not yet recreated: read what the old file still gets
        }
        if (now != null && key != null && !now.equals(key)) {
            readTo(channel.size(), lines);
            if (partial.size() > 0) {
                flushPartial(lines);
            }
            channel.close();
            open();
            event = Event.ROTATED;
        } else if (channel.size() < position) {
            position = 0;
            partial.reset();
            event = Event.TRUNCATED;
        }
        readTo(channel.size(), lines);
        return new TailPoll(lines, event);
    }

    /** The byte offset read so far in the current file. */
    public synchronized long position() {
        return position;
    }

    private void readTo(long end, List<String> lines) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(READ);
        while (position < end) {
            buf.clear();
            buf.limit((int) Math.min(READ, end - position));
            int n = channel.read(buf, position);
            if (n <= 0) {
                break;
            }
            position += n;
            byte[] a = buf.array();
            int lineStart = 0;
            for (int i = 0; i < n; i++) {
                if (a[i] == '\n') {
                    keep(a, lineStart, i - lineStart);
                    flushPartial(lines);
                    lineStart = i + 1;
                }
            }
            keep(a, lineStart, n - lineStart);
        }
    }

    /** Keeps at most {@link LogFile#LINE_LIMIT} bytes of a line: a huge line is shown cut, as in the viewer. */
    private void keep(byte[] a, int from, int len) {
        partial.write(a, from, Math.max(0, Math.min(len, LogFile.LINE_LIMIT - partial.size())));
    }

    private void flushPartial(List<String> lines) {
        byte[] bytes = partial.toByteArray();
        lines.add(LogText.decode(bytes, bytes.length, charset));
        partial.reset();
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
