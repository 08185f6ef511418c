package io.tidemark.core.archive;

import java.nio.ByteBuffer;
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

    private final MessageDigest digest;
    private final ByteBuffer eight = ByteBuffer.allocate(8);
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
        digest.update((byte) 'R');
        for (Object v : values) {
            value(v);
        }
        rows++;
    }

    private void value(Object v) {
        if (v == null) {
            digest.update((byte) 0);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            digest.update((byte) 1);
            putLong(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            digest.update((byte) 1);
            putLong(b ? 1 : 0);
        } else if (v instanceof Double || v instanceof Float) {
            digest.update((byte) 2);
            putLong(Double.doubleToLongBits(((Number) v).doubleValue()));
        } else if (v instanceof byte[] bytes) {
            digest.update((byte) 4);
            putInt(bytes.length);
            digest.update(bytes);
        } else {
            byte[] text = v.toString().getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 3);
            putInt(text.length);
            digest.update(text);
        }
    }

    private void putLong(long value) {
        eight.clear();
        eight.putLong(value);
        digest.update(eight.array(), 0, 8);
    }

    private void putInt(int value) {
        eight.clear();
        eight.putInt(value);
        digest.update(eight.array(), 0, 4);
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    /** The hex SHA-256 of everything added (ends the digest). */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
