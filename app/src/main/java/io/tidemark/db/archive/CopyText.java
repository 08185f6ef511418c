package io.tidemark.db.archive;

import io.tidemark.core.TidemarkException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * PostgreSQL's COPY text format, row by row, as {@code COPY ... TO STDOUT} writes it: fields separated by tabs, a row
 * ended by a newline, {@code \N} for null, and backslash escapes for backslash, tab, newline, carriage return,
 * backspace, form feed and vertical tab (COPY TO writes no other escape; every other byte is itself). A tab or newline
 * byte in a row is therefore always a separator.
 *
 * <p>Exports read PostgreSQL with COPY in a transaction set to {@code TimeZone = 'UTC'} and {@code bytea_output = 'hex'}
 * ({@link ExportSource}), so a value's text is the server's own output and does not depend on the machine.
 */
public final class CopyText {

    private static final HexFormat HEX = HexFormat.of();

    private CopyText() {
    }

    /** How one column's text becomes a SQLite archive value. */
    public enum Conversion {
        /** Integers (Long). */
        INTEGER,
        /** {@code float8} and other reals (Double, as the text says). */
        DOUBLE,
        /** {@code float4}: read as the float it is, then widened (the value a JDBC driver reading it binary gives). */
        FLOAT,
        /** Booleans as 1 or 0 (Long). */
        BOOLEAN,
        /** {@code bytea} in hex output ({@code \x0a1b}) as its bytes. */
        BYTES,
        /** Anything else: the server's text. */
        TEXT;

        /** The conversion of an archived column. */
        public static Conversion of(ArchivedTable.Column column) {
            return switch (column.kind()) {
                case INTEGER -> INTEGER;
                case REAL -> "float4".equalsIgnoreCase(column.type()) || "real".equalsIgnoreCase(column.type()) ? FLOAT : DOUBLE;
                case BOOLEAN -> BOOLEAN;
                case BLOB -> BYTES;
                case TEXT -> TEXT;
            };
        }

        /** The conversions of a table's columns, in order. */
        public static Conversion[] of(ArchivedTable table) {
            return table.columns().stream().map(Conversion::of).toArray(Conversion[]::new);
        }
    }

    /**
     * Reads one row ({@code row[0..length)}, its newline included or not) into {@code values}, one per conversion.
     *
     * @throws TidemarkException when the row has another number of fields or a value its column cannot hold
     */
    public static void values(byte[] row, int length, Conversion[] conversions, Object[] values) {
        int end = length > 0 && row[length - 1] == '\n' ? length - 1 : length;
        int start = 0;
        byte[] scratch = null;
        for (int column = 0; column < conversions.length; column++) {
            int stop = start;
            boolean escaped = false;
            while (stop < end && row[stop] != '\t') {
                escaped |= row[stop] == '\\';
                stop++;
            }
            if (stop == end && column < conversions.length - 1 || stop < end && column == conversions.length - 1) {
                throw new TidemarkException("A COPY row has " + fieldCount(row, end) + " fields where " + conversions.length + " were expected.");
            }
            if (stop - start == 2 && row[start] == '\\' && row[start + 1] == 'N') {
                values[column] = null;
            } else if (!escaped) {
                values[column] = convert(row, start, stop - start, conversions[column]);
            } else {
                if (scratch == null || scratch.length < stop - start) {
                    scratch = new byte[Math.max(64, stop - start)];
                }
                int n = unescape(row, start, stop, scratch);
                values[column] = convert(scratch, 0, n, conversions[column]);
            }
            start = stop + 1;
        }
    }

    /** A row's fields as text ({@code \N} as null), for display. */
    public static List<String> fields(byte[] row, int length) {
        int end = length > 0 && row[length - 1] == '\n' ? length - 1 : length;
        List<String> fields = new ArrayList<>();
        byte[] scratch = new byte[Math.max(64, end)];
        int start = 0;
        while (true) {
            int stop = start;
            while (stop < end && row[stop] != '\t') {
                stop++;
            }
            if (stop - start == 2 && row[start] == '\\' && row[start + 1] == 'N') {
                fields.add(null);
            } else {
                int n = unescape(row, start, stop, scratch);
                fields.add(new String(scratch, 0, n, StandardCharsets.UTF_8));
            }
            if (stop >= end) {
                return fields;
            }
            start = stop + 1;
        }
    }

    /**
     * The integer in field {@code index} of a row, or {@link Long#MIN_VALUE} when it is null or not an integer: how an
     * export routes a row to its tenant-day by its key or its parent's.
     */
    public static long integerField(byte[] row, int length, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            while (start < length && row[start] != '\t') {
                start++;
            }
            if (start == length) {
                return Long.MIN_VALUE;
            }
            start++;
        }
        int stop = start;
        while (stop < length && row[stop] != '\t' && row[stop] != '\n') {
            stop++;
        }
        return parseLong(row, start, stop - start, Long.MIN_VALUE);
    }

    private static int fieldCount(byte[] row, int end) {
        int n = 1;
        for (int i = 0; i < end; i++) {
            if (row[i] == '\t') {
                n++;
            }
        }
        return n;
    }

    private static int unescape(byte[] row, int start, int stop, byte[] out) {
        int n = 0;
        for (int i = start; i < stop; i++) {
            byte b = row[i];
            if (b != '\\' || i + 1 == stop) {
                out[n++] = b;
                continue;
            }
            byte next = row[++i];
            out[n++] = switch (next) {
                case 'n' -> (byte) '\n';
                case 't' -> (byte) '\t';
                case 'r' -> (byte) '\r';
                case 'b' -> (byte) '\b';
                case 'f' -> (byte) '\f';
                case 'v' -> (byte) 0x0b;
                default -> next;
            };
        }
        return n;
    }

    private static Object convert(byte[] b, int off, int len, Conversion conversion) {
        switch (conversion) {
            case INTEGER: {
                long v = parseLong(b, off, len, Long.MIN_VALUE);
                if (v == Long.MIN_VALUE && !"-9223372036854775808".equals(ascii(b, off, len))) {
                    throw new TidemarkException("A COPY value '" + ascii(b, off, Math.min(len, 40)) + "' is not an integer.");
                }
                return v;
            }
            case DOUBLE:
                return Double.parseDouble(ascii(b, off, len));
            case FLOAT:
                return (double) Float.parseFloat(ascii(b, off, len));
            case BOOLEAN:
                if (len == 1 && (b[off] == 't' || b[off] == 'f')) {
                    return b[off] == 't' ? 1L : 0L;
                }
                throw new TidemarkException("A COPY value '" + ascii(b, off, Math.min(len, 40)) + "' is not a boolean.");
            case BYTES:
                if (len < 2 || b[off] != '\\' || b[off + 1] != 'x' || (len & 1) != 0) {
                    throw new TidemarkException("A bytea value is not in hex output (\\x...); the export sets bytea_output = 'hex'.");
                }
                return HEX.parseHex(ascii(b, off + 2, len - 2));
            default:
                return new String(b, off, len, StandardCharsets.UTF_8);
        }
    }

    private static String ascii(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** A decimal integer, or {@code otherwise} when the bytes are not one (or it overflows). */
    private static long parseLong(byte[] b, int off, int len, long otherwise) {
        if (len == 0 || len > 20) {
            return otherwise;
        }
        boolean negative = b[off] == '-';
        int i = negative || b[off] == '+' ? off + 1 : off;
        if (i == off + len) {
            return otherwise;
        }
        long v = 0;
        for (; i < off + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return otherwise;
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                return otherwise;
            }
            v = v * 10 - d; // accumulate negatively: Long.MIN_VALUE fits
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return otherwise;
            }
            return -v;
        }
        return v;
    }
}
