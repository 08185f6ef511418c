package io.tidemark.files.logs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A log file mapped into memory in segments of at most 1 GiB (a mapping cannot exceed 2 GiB), with word-at-a-time scans
 * for a byte. The mapping holds no heap: the pages belong to the OS page cache.
 */
final class MappedLog implements Closeable {

    /** Segments of 1 GiB; tests map with tiny segments to exercise lines that cross them. */
    static final int SEGMENT_BITS = 30;
    static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    static final long ONES = 0x0101010101010101L;
    static final long HIGH = 0x8080808080808080L;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer[] segments;
    final int bits;
    private final long segment;

    private MappedLog(FileChannel channel, long size, int bits) throws IOException {
        this.channel = channel;
        this.size = size;
        this.bits = bits;
        this.segment = 1L << bits;
        int count = (int) ((size + segment - 1) >>> bits);
        segments = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long base = (long) i << bits;
            segments[i] = channel.map(FileChannel.MapMode.READ_ONLY, base, Math.min(segment, size - base))
                    .order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Maps the file as it is now. */
    static MappedLog open(Path file) throws IOException {
        return open(file, SEGMENT_BITS);
    }

    /** Maps the file in segments of 2^bits bytes. */
    static MappedLog open(Path file, int bits) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new MappedLog(channel, channel.size(), bits);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The same open file mapped again up to its current size (a growing log); this mapping stays valid. */
    MappedLog remapped() throws IOException {
        return new MappedLog(channel, channel.size(), bits);
    }

    /** The file's size now, which may be beyond what is mapped. */
    long currentSize() throws IOException {
        return channel.size();
    }

    long size() {
        return size;
    }

    int segmentCount() {
        return segments.length;
    }

    /** Segment {@code i}; a duplicate, so callers may not disturb each other's positions. */
    ByteBuffer segment(int i) {
        return segments[i];
    }

    byte get(long pos) {
        return segments[(int) (pos >>> bits)].get((int) (pos & (segment - 1)));
    }

    /** Copies {@code len} bytes at {@code pos} into {@code dst}, across segments. */
    void read(long pos, byte[] dst, int off, int len) {
        while (len > 0) {
            int seg = (int) (pos >>> bits);
            int at = (int) (pos & (segment - 1));
            int n = Math.min(len, segments[seg].limit() - at);
            segments[seg].get(at, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** The position of the first {@code b} in [from, to), or -1. */
    long indexOf(byte b, long from, long to) {
        long pattern = repeated(b);
        while (from < to) {
            int seg = (int) (from >>> bits);
            long base = (long) seg << bits;
            int end = (int) Math.min(to - base, segments[seg].limit());
            int found = indexOf(segments[seg], (int) (from - base), end, pattern);
            if (found >= 0) {
                return base + found;
            }
            from = base + end;
        }
        return -1;
    }

    /** The number of newlines in [from, to). */
    long countNewlines(long from, long to) {
        long count = 0;
        while (from < to) {
            int seg = (int) (from >>> bits);
            long base = (long) seg << bits;
            int end = (int) Math.min(to - base, segments[seg].limit());
            count += count(segments[seg], (int) (from - base), end, NEWLINES);
            from = base + end;
        }
        return count;
    }

    /** The position just after the {@code n}-th newline (n ≥ 1) at or after {@code from}, or -1 when [from, to) has fewer. */
    long afterNewlines(long from, long n, long to) {
        long left = n;
        while (from < to) {
            int seg = (int) (from >>> bits);
            long base = (long) seg << bits;
            int end = (int) Math.min(to - base, segments[seg].limit());
            ByteBuffer buf = segments[seg];
            int i = (int) (from - base);
            for (; i + 8 <= end; i += 8) {
                long hits = zeroBytes(buf.getLong(i) ^ NEWLINES);
                int c = Long.bitCount(hits);
                if (c >= left) {
                    while (--left > 0) {
                        hits &= hits - 1;
                    }
                    return base + i + (Long.numberOfTrailingZeros(hits) >>> 3) + 1;
                }
                left -= c;
            }
            for (; i < end; i++) {
                if (buf.get(i) == '\n' && --left == 0) {
                    return base + i + 1;
                }
            }
            from = base + end;
        }
        return -1;
    }

    /** A word with the high bit set in exactly the bytes of {@code x} that are zero. */
    static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    static long repeated(byte b) {
        return (b & 0xFFL) * 0x0101010101010101L;
    }

    /** Whether any of four words (already xor-ed with the pattern) has a zero byte; exact, and cheaper than {@link #zeroBytes}. */
    static boolean anyZero(long a, long b, long c, long d) {
        return ((((a - ONES) & ~a) | ((b - ONES) & ~b) | ((c - ONES) & ~c) | ((d - ONES) & ~d)) & HIGH) != 0;
    }

    static int indexOf(ByteBuffer buf, int from, int to, long pattern) {
        int i = from;
        for (; i + 32 <= to; i += 32) {
            if (anyZero(buf.getLong(i) ^ pattern, buf.getLong(i + 8) ^ pattern, buf.getLong(i + 16) ^ pattern,
                    buf.getLong(i + 24) ^ pattern)) {
                break;
            }
        }
        for (; i + 8 <= to; i += 8) {
            long hits = zeroBytes(buf.getLong(i) ^ pattern);
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        byte b = (byte) pattern;
        for (; i < to; i++) {
            if (buf.get(i) == b) {
                return i;
            }
        }
        return -1;
    }

    static long count(ByteBuffer buf, int from, int to, long pattern) {
        long count = 0;
        int i = from;
        for (; i + 32 <= to; i += 32) {
            long a = buf.getLong(i) ^ pattern;
            long b = buf.getLong(i + 8) ^ pattern;
            long c = buf.getLong(i + 16) ^ pattern;
            long d = buf.getLong(i + 24) ^ pattern;
            if (anyZero(a, b, c, d)) {
                count += Long.bitCount(zeroBytes(a)) + Long.bitCount(zeroBytes(b)) + Long.bitCount(zeroBytes(c))
                        + Long.bitCount(zeroBytes(d));
            }
        }
        for (; i + 8 <= to; i += 8) {
            count += Long.bitCount(zeroBytes(buf.getLong(i) ^ pattern));
        }
        byte b = (byte) pattern;
        for (; i < to; i++) {
            if (buf.get(i) == b) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
