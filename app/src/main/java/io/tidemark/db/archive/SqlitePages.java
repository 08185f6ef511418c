package io.tidemark.db.archive;

import io.tidemark.core.Cancellation;
import io.tidemark.core.archive.RowDigest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a rowid table of a SQLite file straight from its pages (the documented file format, sqlite.org/fileformat2.html)
 * and feeds every row to a {@link RowDigest}, in rowid order: how an archive's checksums are recomputed at a fraction of
 * the cost of asking the driver for each value. It is a second, independent reader of what SQLite wrote; anything it
 * does not expect (another text encoding, a page that is not a table page, a record that does not fit) makes it refuse,
 * and the caller then reads through SQLite instead.
 */
final class SqlitePages implements AutoCloseable {

    /** The file cannot be read this way; the caller falls back to SQL. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final FileChannel channel;
    private final ByteBuffer file;
    private final int pageSize;
    private final int usable;
    private final long pages;

    private SqlitePages(FileChannel channel, ByteBuffer file, int pageSize, int usable) {
        this.channel = channel;
        this.file = file;
        this.pageSize = pageSize;
        this.usable = usable;
        this.pages = file.capacity() / pageSize;
    }

    /** Maps the file and checks its header (UTF-8 text, a page size SQLite writes). */
    static SqlitePages open(Path path) throws IOException, Unreadable {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 100 || size > Integer.MAX_VALUE) {
                throw new Unreadable("size " + size);
            }
            ByteBuffer file = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            for (int i = 0; i < MAGIC.length; i++) {
                if (file.get(i) != MAGIC[i]) {
                    throw new Unreadable("not a SQLite 3 file");
                }
            }
            int pageSize = Short.toUnsignedInt(file.getShort(16));
            pageSize = pageSize == 1 ? 65_536 : pageSize;
            if (pageSize < 512 || Integer.bitCount(pageSize) != 1 || size % pageSize != 0) {
                throw new Unreadable("page size " + pageSize);
            }
            if (file.getInt(56) != 1) {
                throw new Unreadable("text encoding " + file.getInt(56) + " (not UTF-8)");
            }
            int usable = pageSize - Byte.toUnsignedInt(file.get(20));
            return new SqlitePages(channel, file, pageSize, usable);
        } catch (IOException | Unreadable | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Digests the rows of the table whose root page is {@code root}, in rowid order.
     *
     * @param columns     the table's column count
     * @param rowidColumn the column that is the rowid (INTEGER PRIMARY KEY, stored as null in the record), or -1
     * @param real        which columns have REAL affinity (SQLite may store their integral values as integers)
     */
    void digest(int root, int columns, int rowidColumn, boolean[] real, RowDigest digest, Cancellation cancellation)
            throws Unreadable {
        try {
            walk(root, columns, rowidColumn, real, digest, cancellation, 0);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Unreadable("a page or record out of bounds: " + e.getMessage());
        }
    }

    private void walk(long page, int columns, int rowidColumn, boolean[] real, RowDigest digest, Cancellation cancellation,
                      int depth) throws Unreadable {
        if (page < 1 || page > pages || depth > 40) {
            throw new Unreadable("page " + page);
        }
        int base = (int) ((page - 1) * pageSize);
        int header = base + (page == 1 ? 100 : 0);
        int type = Byte.toUnsignedInt(file.get(header));
        int cells = Short.toUnsignedInt(file.getShort(header + 3));
        if (type == 0x05) { // interior table page: children in key order, then the right-most one
            for (int i = 0; i < cells; i++) {
                int cell = base + Short.toUnsignedInt(file.getShort(header + 12 + 2 * i));
                walk(Integer.toUnsignedLong(file.getInt(cell)), columns, rowidColumn, real, digest, cancellation, depth + 1);
            }
            walk(Integer.toUnsignedLong(file.getInt(header + 8)), columns, rowidColumn, real, digest, cancellation, depth + 1);
            return;
        }
        if (type != 0x0D) {
            throw new Unreadable("page " + page + " is of type " + type + ", not a table page");
        }
        cancellation.checkpoint();
        for (int i = 0; i < cells; i++) {
            int cell = base + Short.toUnsignedInt(file.getShort(header + 8 + 2 * i));
            long[] varint = new long[1];
            int at = readVarint(cell, varint);
            long payload = varint[0];
            at = readVarint(at, varint);
            long rowid = varint[0];
            record(payload(at, payload), columns, rowidColumn, rowid, real, digest);
        }
    }

    /** A cell's whole payload, following its overflow pages when it does not fit on the leaf. */
    private byte[] payload(int at, long size) throws Unreadable {
        if (size > Integer.MAX_VALUE - 8) {
            throw new Unreadable("payload of " + size + " bytes");
        }
        int total = (int) size;
        byte[] out = new byte[total];
        int max = usable - 35;
        int local = total;
        if (total > max) {
            int min = (usable - 12) * 32 / 255 - 23;
            int k = min + (total - min) % (usable - 4);
            local = k <= max ? k : min;
        }
        file.get(at, out, 0, local);
        int done = local;
        if (done < total) {
            long next = Integer.toUnsignedLong(file.getInt(at + local));
            int hops = 0;
            while (done < total) {
                if (next < 1 || next > pages || ++hops > pages) {
                    throw new Unreadable("overflow page " + next);
                }
                int base = (int) ((next - 1) * pageSize);
                int n = Math.min(usable - 4, total - done);
                file.get(base + 4, out, done, n);
                done += n;
                next = Integer.toUnsignedLong(file.getInt(base));
            }
        }
        return out;
    }

    /** Decodes one record (header of serial types, then the values) into the digest. */
    private static void record(byte[] r, int columns, int rowidColumn, long rowid, boolean[] real, RowDigest digest) throws Unreadable {
        long[] varint = new long[1];
        int at = readVarint(r, 0, varint);
        int headerEnd = (int) varint[0];
        if (headerEnd < 1 || headerEnd > r.length) {
            throw new Unreadable("record header of " + headerEnd + " bytes");
        }
        int body = headerEnd;
        digest.beginRow();
        int column = 0;
        while (at < headerEnd) {
            at = readVarint(r, at, varint);
            long serial = varint[0];
            if (column >= columns) {
                throw new Unreadable("a record with more than " + columns + " values");
            }
            int length = serial >= 12 ? (int) ((serial - 12) / 2) : serial >= 1 && serial <= 4 ? (int) serial
                    : serial == 5 ? 6 : serial == 6 || serial == 7 ? 8 : 0;
            if (body + length > r.length) {
                throw new Unreadable("a value beyond its record");
            }
            if (column == rowidColumn && serial == 0) {
                digest.integerValue(rowid);
            } else if (serial == 0) {
                digest.nullValue();
            } else if (serial <= 6 || serial == 8 || serial == 9) {
                long v = serial == 8 ? 0 : serial == 9 ? 1 : signed(r, body, length);
                if (real[column]) {
                    digest.realValue(v);
                } else {
                    digest.integerValue(v);
                }
            } else if (serial == 7) {
                digest.realValue(Double.longBitsToDouble(signed(r, body, 8)));
            } else if (serial >= 12 && serial % 2 == 0) {
                digest.blobValue(r, body, length);
            } else if (serial >= 13) {
                digest.textValue(r, body, length);
            } else {
                throw new Unreadable("serial type " + serial);
            }
            body += length;
            column++;
        }
        for (; column < columns; column++) { // columns added after the row was written read as null
            if (column == rowidColumn) {
                digest.integerValue(rowid);
            } else {
                digest.nullValue();
            }
        }
    }

    private static long signed(byte[] r, int at, int length) {
        long v = r[at]; // sign-extended
        for (int i = 1; i < length; i++) {
            v = (v << 8) | (r[at + i] & 0xFF);
        }
        return v;
    }

    private int readVarint(int at, long[] out) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int b = Byte.toUnsignedInt(file.get(at + i));
            v = (v << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                out[0] = v;
                return at + i + 1;
            }
        }
        out[0] = (v << 8) | Byte.toUnsignedInt(file.get(at + 8));
        return at + 9;
    }

    private static int readVarint(byte[] r, int at, long[] out) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int b = r[at + i] & 0xFF;
            v = (v << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                out[0] = v;
                return at + i + 1;
            }
        }
        out[0] = (v << 8) | (r[at + 8] & 0xFF);
        return at + 9;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
