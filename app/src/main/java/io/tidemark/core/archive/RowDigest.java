package io.tidemark.core.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a SQLite archive's table: SHA-256 over a canonical encoding of its rows in key order. Each value is a
 * type tag and its bytes (integers as 8-byte big-endian, reals as IEEE bits, text as UTF-8 and blobs with a 4-byte
 * length), so the same rows give the same sum whichever driver read them.
 */
public final class RowDigest {

    private static final int BUFFER = 1 << 16;

    private final MessageDigest digest;
    /** The encoding is gathered here and handed to the digest in large blocks (one call per value cost more than the sum). */
    private final byte[] buffer = new byte[BUFFER];
    private int used;
    private long rows;

    public RowDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Adds one row's values (Long, Integer, Short, Double, Float, Boolean, String, byte[] or null; others by their text). */
    public void row(Object[] values) {
        put((byte) 'R');
        for (Object v : values) {
            value(v);
        }
        rows++;
    }

    /** Starts a row whose values follow one call each, in column order (for readers that have no value objects). */
    public void beginRow() {
        put((byte) 'R');
        rows++;
    }

    /** A null value of the current row. */
    public void nullValue() {
        put((byte) 0);
    }

    /** An integer value of the current row. */
    public void integerValue(long value) {
        put((byte) 1);
        putLong(value);
    }

    /** A real value of the current row. */
    public void realValue(double value) {
        put((byte) 2);
        putLong(Double.doubleToLongBits(value));
    }

    /** A text value of the current row, as its UTF-8 bytes {@code utf8[offset..offset+length)}. */
    public void textValue(byte[] utf8, int offset, int length) {
        put((byte) 3);
        putInt(length);
        put(utf8, offset, length);
    }

    /** A blob value of the current row, {@code bytes[offset..offset+length)}. */
    public void blobValue(byte[] bytes, int offset, int length) {
        put((byte) 4);
        putInt(length);
        put(bytes, offset, length);
    }

    private void value(Object v) {
        if (v == null) {
            put((byte) 0);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            put((byte) 1);
            putLong(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            put((byte) 1);
            putLong(b ? 1 : 0);
        } else if (v instanceof Double || v instanceof Float) {
            put((byte) 2);
            putLong(Double.doubleToLongBits(((Number) v).doubleValue()));
        } else if (v instanceof byte[] bytes) {
            put((byte) 4);
            putInt(bytes.length);
            put(bytes, bytes.length);
        } else {
            // For the compact (Latin-1) strings most values are, this is one vectorized check and copy: cheaper than
            // a loop over the characters.
            byte[] utf8 = v.toString().getBytes(StandardCharsets.UTF_8);
            put((byte) 3);
            putInt(utf8.length);
            put(utf8, utf8.length);
        }
    }

    private void put(byte b) {
        room(1);
        buffer[used++] = b;
    }

    private void put(byte[] bytes, int length) {
        put(bytes, 0, length);
    }

    private void put(byte[] bytes, int offset, int length) {
        if (length > BUFFER / 2) {
            flush();
            digest.update(bytes, offset, length);
            return;
        }
        room(length);
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    private void putLong(long value) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[used++] = (byte) (value >>> shift);
        }
    }

    private void putInt(int value) {
        room(4);
        writeInt(value);
    }

    private void writeInt(int value) {
        buffer[used++] = (byte) (value >>> 24);
        buffer[used++] = (byte) (value >>> 16);
        buffer[used++] = (byte) (value >>> 8);
        buffer[used++] = (byte) value;
    }

    private void room(int bytes) {
        if (used + bytes > BUFFER) {
            flush();
        }
    }

    private void flush() {
        digest.update(buffer, 0, used);
        used = 0;
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    /** The hex SHA-256 of everything added (ends the digest). */
    public String hex() {
        flush();
        return HexFormat.of().formatHex(digest.digest());
    }
}
