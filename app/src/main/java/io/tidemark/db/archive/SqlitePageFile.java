package io.tidemark.db.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rowid tables whose rows arrive in key order straight into the pages of a new SQLite file (the documented file
 * format, sqlite.org/fileformat2.html): each row's record is encoded as SQLite would store it, leaves are filled in
 * order and the interior pages built over them when the table ends, the tree SQLite's own in-order inserts leave.
 * It skips what costs a SQLite archive most to write, a driver call per value and SQLite's per-row record work.
 * SQLite reads back the very values given: reals are always stored as 8-byte IEEE (SQLite's own writes store an
 * integral real as an integer, which reads back the same, except that -0.0 comes back as 0.0).
 *
 * <p>It only writes what it encodes exactly as SQLite stores it: a value it does not ({@link #add} returns false: a
 * key out of order, a value whose column would convert it, a NaN) leaves the rest to SQLite. {@link #seal} then writes
 * the schema of the tables so far and closes the file, a valid database that SQLite opens and goes on writing (the rest
 * of the table, the next tables, the manifest). The archive's verification re-reads every row either way.
 */
final class SqlitePageFile implements AutoCloseable {

    /** The page size of archives: 4 KiB (16 KiB pages left a third of the file empty). */
    static final int PAGE = 4096;
    private static final int LEAF_HEADER = 8;
    private static final int INTERIOR_HEADER = 12;
    /** The largest payload kept whole on a table leaf, and the least kept there when it spills (fileformat2, 1.6). */
    private static final int MAX_LOCAL = PAGE - 35;
    private static final int MIN_LOCAL = (PAGE - 12) * 32 / 255 - 23;
    private static final int WRITE_PAGES = 16;
    private static final int SQLITE_VERSION = 3_045_001;
    /** SQLite's default limit on a row's size (SQLITE_MAX_LENGTH): it would write, then refuse to read, a larger one. */
    static final long MAX_RECORD = 1_000_000_000L;

    /** How a column's declared type converts what is stored into it (sqlite.org/datatype3.html, 3). */
    enum Affinity { INTEGER, REAL, TEXT, BLOB }

    private final FileChannel channel;
    private final ByteBuffer out = ByteBuffer.allocate(WRITE_PAGES * PAGE);
    private final byte[] leaf = new byte[PAGE];
    private final List<String[]> schema = new ArrayList<>();
    private int schemaBytes;
    private int pages = 1; // page 1 (header and schema) is written last
    private long written = PAGE;

    // The table being written.
    private String name;
    private String ddl;
    private Affinity[] affinities;
    private int rowidColumn;
    private final List<long[]> children = new ArrayList<>(); // {page, largest rowid} of each finished leaf
    private int cells;
    private int contentStart;
    private long lastRowid;
    private boolean anyRow;

    // One record being encoded.
    private byte[] record = new byte[512];
    private final long[] serials = new long[64];
    private final byte[] cellHead = new byte[18];

    private final long maxRecord;

    private SqlitePageFile(FileChannel channel, long maxRecord) {
        this.channel = channel;
        this.maxRecord = maxRecord;
    }

    /** Creates the file (it must not exist) and keeps page 1 for the schema. */
    static SqlitePageFile create(Path file) throws IOException {
        return create(file, MAX_RECORD);
    }

    /** {@link #create}, refusing records larger than {@code maxRecord} bytes (tests use a small limit). */
    static SqlitePageFile create(Path file, long maxRecord) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new SqlitePageFile(channel, maxRecord);
    }

    /** The affinity SQLite gives a declared column type (sqlite.org/datatype3.html, 3.1). */
    static Affinity affinity(String declared) {
        String t = declared.toUpperCase(java.util.Locale.ROOT);
        if (t.contains("INT")) {
            return Affinity.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Affinity.TEXT;
        }
        if (t.isEmpty() || t.contains("BLOB")) {
            return Affinity.BLOB;
        }
        return t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") ? Affinity.REAL : null; // NUMERIC: not written here
    }

    /**
     * Starts a table: {@code ddl} is its CREATE TABLE statement, {@code rowidColumn} its INTEGER PRIMARY KEY column.
     * Returns false (and starts nothing) when a column's affinity is one this writer does not reproduce.
     */
    boolean beginTable(String name, String ddl, List<String> declaredTypes, int rowidColumn) {
        Affinity[] a = new Affinity[declaredTypes.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = affinity(declaredTypes.get(i));
            if (a[i] == null || a.length > serials.length) {
                return false;
            }
        }
        // Only a column declared exactly INTEGER PRIMARY KEY is the rowid (a BIGINT key is a column of its own).
        if (rowidColumn < 0 || rowidColumn >= a.length || !"INTEGER".equalsIgnoreCase(declaredTypes.get(rowidColumn))) {
            return false;
        }
        // Its schema row must fit on page 1 beside the others': its texts, and at most 40 bytes of record and cell.
        int schemaRow = ddl.getBytes(StandardCharsets.UTF_8).length + 2 * name.getBytes(StandardCharsets.UTF_8).length + 40;
        if (schemaBytes + schemaRow > PAGE - 100 - LEAF_HEADER) {
            return false;
        }
        schemaBytes += schemaRow;
        this.name = name;
        this.ddl = ddl;
        this.affinities = a;
        this.rowidColumn = rowidColumn;
        children.clear();
        cells = 0;
        contentStart = PAGE;
        anyRow = false;
        return true;
    }

    /**
     * Adds one row (values Long, Double, String, byte[] or null, in column order), or returns false, adding nothing,
     * when SQLite would store it otherwise than as given or its key does not follow the last one: the caller then
     * {@linkplain #seal seals} the file and lets SQLite write that row and the rest.
     */
    boolean add(Object[] values) throws IOException {
        if (values.length != affinities.length || !(values[rowidColumn] instanceof Long key) || anyRow && key <= lastRowid) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            serials[i] = serial(i, values[i]);
            if (serials[i] < 0) {
                return false;
            }
        }
        long recordSize = recordSize(serials, values.length);
        if (recordSize > maxRecord) {
            return false; // SQLite refuses it with a clear error, rather than a file it could not read back
        }
        int size = encode(values, serials, (int) recordSize);
        addCell(key, record, size);
        lastRowid = key;
        anyRow = true;
        return true;
    }

    /** Ends the table: its last leaf written, its interior pages built, its root recorded for the schema. */
    void endTable() throws IOException {
        if (cells > 0 || children.isEmpty()) {
            flushLeaf();
        }
        List<long[]> level = new ArrayList<>(children);
        while (level.size() > 1) {
            level = interiorLevel(level);
        }
        schema.add(new String[] {name, ddl, Long.toString(level.get(0)[0])});
        name = null;
    }

    /** Whether a table is being written (begun and not ended). */
    boolean inTable() {
        return name != null;
    }

    /**
     * Ends the table in progress if any, writes page 1 (the header and the schema of every table written) and closes
     * the file: a complete SQLite database. ({@link #beginTable} refuses a table whose schema row would not fit on
     * page 1, so the schema always does.)
     */
    void seal() throws IOException {
        if (inTable()) {
            endTable();
        }
        flushOut();
        byte[] first = new byte[PAGE];
        byte[] head = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, first, 0, head.length);
        putShort(first, 16, PAGE);
        first[18] = 1; // legacy (rollback journal) write and read versions
        first[19] = 1;
        first[21] = 64; // payload fractions, fixed by the format
        first[22] = 32;
        first[23] = 32;
        putInt(first, 24, 1); // file change counter
        putInt(first, 28, pages); // database size in pages, valid: 92 holds the same change counter
        putInt(first, 40, 1); // schema cookie
        putInt(first, 44, 4); // schema format 4 (serial types 8 and 9)
        putInt(first, 56, 1); // UTF-8
        putInt(first, 92, 1);
        putInt(first, 96, SQLITE_VERSION);
        // sqlite_schema: one row per table (type, name, tbl_name, rootpage, sql) on a leaf after the file header.
        int content = PAGE;
        int pointer = 100 + LEAF_HEADER;
        long rowid = 1;
        for (String[] t : schema) {
            long root = Long.parseLong(t[2]);
            Object[] row = {"table", t[0], t[0], root, t[1]};
            long[] types = {textSerial("table"), textSerial(t[0]), textSerial(t[0]), integerSerial(root), textSerial(t[1])};
            int size = encode(row, types, (int) recordSize(types, row.length));
            int cellSize = varintLength(size) + varintLength(rowid) + size;
            if (size > MAX_LOCAL || content - Math.max(cellSize, 4) < pointer + 2) {
                throw new IOException("the schema does not fit on the first page");
            }
            content -= Math.max(cellSize, 4);
            int c = putVarint(first, content, size);
            c = putVarint(first, c, rowid++);
            System.arraycopy(record, 0, first, c, size);
            putShort(first, pointer, content);
            pointer += 2;
        }
        first[100] = 0x0D;
        putShort(first, 103, schema.size());
        putShort(first, 105, content);
        channel.write(ByteBuffer.wrap(first), 0);
        channel.close();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The size of a record of {@code count} values of these serial types, its header included. */
    private static long recordSize(long[] serials, int count) {
        int headerBytes = 0;
        long body = 0;
        for (int i = 0; i < count; i++) {
            headerBytes += varintLength(serials[i]);
            body += bodyLength(serials[i]);
        }
        return headerSize(headerBytes) + body;
    }

    /** Encodes a record (its header of serial types, then the values) of {@code size} bytes into {@link #record}. */
    private int encode(Object[] values, long[] serials, int size) {
        if (record.length < size) {
            record = new byte[Math.max(size, record.length * 2)];
        }
        int headerBytes = 0;
        for (int i = 0; i < values.length; i++) {
            headerBytes += varintLength(serials[i]);
        }
        int at = putVarint(record, 0, headerSize(headerBytes));
        for (int i = 0; i < values.length; i++) {
            at = putVarint(record, at, serials[i]);
        }
        for (int i = 0; i < values.length; i++) {
            at = putValue(record, at, serials[i], values[i]);
        }
        return size;
    }

    /** The serial type SQLite would store {@code v} with in column {@code column}, or -1 when it would convert it. */
    private long serial(int column, Object v) {
        if (v == null || column == rowidColumn) {
            return 0; // an INTEGER PRIMARY KEY is the rowid: its record holds a null
        }
        return switch (affinities[column]) {
            case INTEGER -> v instanceof Long l ? integerSerial(l) : -1;
            case REAL -> v instanceof Double d && !d.isNaN() ? 7 : -1;
            case TEXT -> v instanceof String s ? textSerial(s) : -1;
            case BLOB -> v instanceof byte[] b ? 12 + 2L * b.length : v instanceof String s ? textSerial(s) : -1;
        };
    }

    private static long textSerial(String s) {
        return 13 + 2L * utf8Length(s);
    }

    /** sqlite3VdbeSerialType for an integer in a schema-format-4 file. */
    private static long integerSerial(long i) {
        long u = i < 0 ? ~i : i;
        if (u <= 127) {
            return (i & 1) == i ? 8 + i : 1;
        }
        return u <= 32_767 ? 2 : u <= 8_388_607 ? 3 : u <= 2_147_483_647L ? 4 : u <= 0x7FFF_FFFF_FFFFL ? 5 : 6;
    }

    private static int bodyLength(long serial) {
        if (serial >= 12) {
            return (int) ((serial - 12) / 2);
        }
        return switch ((int) serial) {
            case 1, 2, 3, 4 -> (int) serial;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> 0;
        };
    }

    private static int putValue(byte[] r, int at, long serial, Object v) {
        if (serial == 0 || serial == 8 || serial == 9) {
            return at;
        }
        if (serial == 7) {
            return putBigEndian(r, at, Double.doubleToRawLongBits((Double) v), 8);
        }
        if (serial <= 6) {
            return putBigEndian(r, at, (Long) v, bodyLength(serial));
        }
        if (v instanceof byte[] b) {
            return putBytes(r, at, b);
        }
        String s = (String) v;
        if (s.length() * 3L <= Integer.MAX_VALUE && isAscii(s)) {
            s.getBytes(0, s.length(), r, at); // deprecated for its lossy narrowing, exact for ASCII
            return at + s.length();
        }
        return putBytes(r, at, s.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The length of {@code s} in UTF-8, as {@code getBytes(UTF_8)} encodes it (a lone surrogate as one '?'). */
    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    n += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    n += 2; // four bytes for the pair's two chars
                    i++;
                } else if (Character.isSurrogate(c)) {
                    n += 0; // replaced by '?'
                } else {
                    n += 2;
                }
            }
        }
        return n;
    }

    /** Puts one cell on the current leaf, starting a new leaf when it is full; spills a large payload to overflow pages. */
    private void addCell(long rowid, byte[] payload, int size) throws IOException {
        int local = size;
        if (size > MAX_LOCAL) {
            int k = MIN_LOCAL + (size - MIN_LOCAL) % (PAGE - 4);
            local = k <= MAX_LOCAL ? k : MIN_LOCAL;
        }
        int head = putVarint(cellHead, 0, size);
        head = putVarint(cellHead, head, rowid);
        int cellSize = Math.max(4, head + local + (local < size ? 4 : 0)); // SQLite counts a cell as 4 bytes at least
        if (contentStart - cellSize < LEAF_HEADER + 2 * (cells + 1)) {
            flushLeaf();
        }
        contentStart -= cellSize;
        System.arraycopy(cellHead, 0, leaf, contentStart, head);
        System.arraycopy(payload, 0, leaf, contentStart + head, local);
        if (local < size) {
            putInt(leaf, contentStart + head + local, overflow(payload, local, size));
        }
        putShort(leaf, LEAF_HEADER + 2 * cells, contentStart);
        cells++;
        lastRowid = rowid;
    }

    /** Writes {@code payload[from..size)} to a chain of overflow pages and returns the first page's number. */
    private int overflow(byte[] payload, int from, int size) throws IOException {
        int first = pages + 1;
        byte[] page = new byte[PAGE];
        for (int at = from; at < size; at += PAGE - 4) {
            int n = Math.min(PAGE - 4, size - at);
            java.util.Arrays.fill(page, (byte) 0);
            putInt(page, 0, at + n < size ? pages + 2 : 0);
            System.arraycopy(payload, at, page, 4, n);
            append(page);
        }
        return first;
    }

    private void flushLeaf() throws IOException {
        leaf[0] = 0x0D;
        putShort(leaf, 1, 0);
        putShort(leaf, 3, cells);
        putShort(leaf, 5, contentStart);
        leaf[7] = 0;
        java.util.Arrays.fill(leaf, LEAF_HEADER + 2 * cells, contentStart, (byte) 0);
        append(leaf);
        children.add(new long[] {pages, lastRowid});
        cells = 0;
        contentStart = PAGE;
    }

    /**
     * One level of interior pages over {@code below} ({page, largest rowid} each), every page holding at least two
     * children: the last child of a page is its right-most pointer, the others are cells keyed by their largest rowid.
     */
    private List<long[]> interiorLevel(List<long[]> below) throws IOException {
        int perPage = (PAGE - INTERIOR_HEADER) / (2 + 4 + 9); // a cell pointer, a child page and the longest key
        int count = (below.size() + perPage - 1) / perPage;
        List<long[]> level = new ArrayList<>();
        byte[] page = new byte[PAGE];
        int from = 0;
        for (int p = 0; p < count; p++) {
            int n = below.size() / count + (p < below.size() % count ? 1 : 0);
            java.util.Arrays.fill(page, (byte) 0);
            int content = PAGE;
            for (int i = 0; i < n - 1; i++) {
                long[] child = below.get(from + i);
                int size = 4 + varintLength(child[1]);
                content -= size;
                putInt(page, content, (int) child[0]);
                putVarint(page, content + 4, child[1]);
                putShort(page, INTERIOR_HEADER + 2 * i, content);
            }
            long[] last = below.get(from + n - 1);
            page[0] = 0x05;
            putShort(page, 3, n - 1);
            putShort(page, 5, content);
            putInt(page, 8, (int) last[0]);
            append(page);
            level.add(new long[] {pages, last[1]});
            from += n;
        }
        return level;
    }

    /** Appends a page to the file as the next page number. */
    private void append(byte[] page) throws IOException {
        if (!out.hasRemaining()) {
            flushOut();
        }
        out.put(page, 0, PAGE);
        pages++;
    }

    private void flushOut() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            written += channel.write(out, written);
        }
        out.clear();
    }

    /** A record header's size: its serial types' bytes and the varint of the size itself. */
    private static int headerSize(int serialBytes) {
        int size = serialBytes + 1;
        while (serialBytes + varintLength(size) != size) {
            size = serialBytes + varintLength(size);
        }
        return size;
    }

    private static int varintLength(long v) {
        if (v < 0 || v > 0x00FF_FFFF_FFFF_FFFFL) {
            return 9;
        }
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** SQLite's big-endian varint: seven bits a byte, the high bit set on all but the last; a ninth byte carries eight. */
    private static int putVarint(byte[] b, int at, long v) {
        if (v < 0 || v > 0x00FF_FFFF_FFFF_FFFFL) {
            b[at + 8] = (byte) v;
            v >>>= 8;
            for (int i = 7; i >= 0; i--) {
                b[at + i] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            return at + 9;
        }
        int n = varintLength(v);
        for (int i = n - 1; i >= 0; i--) {
            b[at + i] = (byte) ((v & 0x7F) | (i == n - 1 ? 0 : 0x80));
            v >>>= 7;
        }
        return at + n;
    }

    private static int putBigEndian(byte[] b, int at, long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>= 8;
        }
        return at + bytes;
    }

    private static int putBytes(byte[] b, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, b, at, bytes.length);
        return at + bytes.length;
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
