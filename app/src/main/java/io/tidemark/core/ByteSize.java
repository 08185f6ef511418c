package io.tidemark.core;

import java.util.Locale;

/** Formats byte counts the way PostgreSQL's pg_size_pretty does (1024-based: bytes, kB, MB, GB, TB), which administrators already read. */
public final class ByteSize {

    private static final String[] UNITS = {"bytes", "kB", "MB", "GB", "TB", "PB"};

    private ByteSize() {
    }

    /** "812 bytes", "14 kB", "3.2 GB"; "unknown" for a negative count. */
    public static String format(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 10 * 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return value >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f %s", value, UNITS[unit])
                : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** "1,204,331". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
