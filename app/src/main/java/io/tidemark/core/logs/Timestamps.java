package io.tidemark.core.logs;

/** Reads the timestamp shapes the platform's writers use, without allocating; naive times are taken as UTC. */
final class Timestamps {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private Timestamps() {
    }

    /** Where the last parse stopped (one per thread: parsers are called from several search threads). */
    static final ThreadLocal<int[]> END = ThreadLocal.withInitial(() -> new int[1]);

    static int end() {
        return END.get()[0];
    }

    /** {@code YYYY-MM-DD HH:MM:SS[,.fff][ zone]} (or {@code T} between) at {@code i}; {@link LineMeta#NO_TIME} if absent. */
    static long iso(CharSequence s, int i) {
        return dateTime(s, i, '-');
    }

    /** {@code YYYY/MM/DD HH:MM:SS} (nginx's error log) at {@code i}. */
    static long slashed(CharSequence s, int i) {
        return dateTime(s, i, '/');
    }

    private static long dateTime(CharSequence s, int i, char dateSep) {
        if (s.length() < i + 19 || s.charAt(i + 4) != dateSep || s.charAt(i + 7) != dateSep
                || (s.charAt(i + 10) != ' ' && s.charAt(i + 10) != 'T') || s.charAt(i + 13) != ':' || s.charAt(i + 16) != ':') {
            return LineMeta.NO_TIME;
        }
        int year = digits(s, i, 4);
        int month = digits(s, i + 5, 2);
        int day = digits(s, i + 8, 2);
        int hour = digits(s, i + 11, 2);
        int minute = digits(s, i + 14, 2);
        int second = digits(s, i + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60) {
            return LineMeta.NO_TIME;
        }
        int p = i + 19;
        int millis = 0;
        if (p < s.length() && (s.charAt(p) == ',' || s.charAt(p) == '.') && p + 1 < s.length() && isDigit(s.charAt(p + 1))) {
            p++;
            int scale = 100;
            while (p < s.length() && isDigit(s.charAt(p))) {
                millis += (s.charAt(p) - '0') * scale;
                scale /= 10;
                p++;
            }
        }
        long epoch = epochMillis(year, month, day, hour, minute, second, millis);
        return zone(s, p, epoch);
    }

    /** {@code DD/Mon/YYYY:HH:MM:SS +ZZZZ} (common log format) at {@code i}. */
    static long common(CharSequence s, int i) {
        long epoch = dayMonthYearTime(s, i, '/', ':');
        return epoch == LineMeta.NO_TIME ? epoch : zone(s, i + 20, epoch);
    }

    /**
     * {@code DD?Mon?YYYY#HH:MM:SS} at {@code i}, where {@code ?} is {@code dateSeparator} and {@code #} is
     * {@code timeSeparator}: the epoch milliseconds (UTC, no fraction), or {@link LineMeta#NO_TIME}.
     */
    private static long dayMonthYearTime(CharSequence s, int i, char dateSeparator, char timeSeparator) {
        if (s.length() < i + 20 || s.charAt(i + 2) != dateSeparator || s.charAt(i + 6) != dateSeparator
                || s.charAt(i + 11) != timeSeparator || s.charAt(i + 14) != ':' || s.charAt(i + 17) != ':') {
            return LineMeta.NO_TIME;
        }
        int day = digits(s, i, 2);
        int month = month(s, i + 3);
        int year = digits(s, i + 7, 4);
        int hour = digits(s, i + 12, 2);
        int minute = digits(s, i + 15, 2);
        int second = digits(s, i + 18, 2);
        if (day < 1 || month < 1 || year < 0 || hour < 0 || minute < 0 || second < 0) {
            return LineMeta.NO_TIME;
        }
        return epochMillis(year, month, day, hour, minute, second, 0);
    }

    /** {@code DD Mon YYYY HH:MM:SS.mmm} (Redis) at {@code i}. */
    static long spelled(CharSequence s, int i) {
        long epoch = dayMonthYearTime(s, i, ' ', ' ');
        if (epoch == LineMeta.NO_TIME) {
            return epoch;
        }
        int p = i + 20;
        int millis = 0;
        if (p + 3 < s.length() && s.charAt(p) == '.' && digits(s, p + 1, 3) >= 0) {
            millis = digits(s, p + 1, 3);
            p += 4;
        }
        END.get()[0] = p;
        return epoch + millis;
    }

    /** Applies a zone written after a time (" UTC", " +0100", "Z", "+01:00"), and records where the timestamp ends. */
    private static long zone(CharSequence s, int p, long epoch) {
        int n = s.length();
        int q = p < n && s.charAt(p) == ' ' ? p + 1 : p;
        if (q < n && s.charAt(q) == 'Z') {
            END.get()[0] = q + 1;
            return epoch;
        }
        if (q + 3 <= n && s.charAt(q) == 'U' && s.charAt(q + 1) == 'T' && s.charAt(q + 2) == 'C') {
            END.get()[0] = q + 3;
            return epoch;
        }
        if (q + 5 <= n && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
            int h = digits(s, q + 1, 2);
            int colon = q + 3 < n && s.charAt(q + 3) == ':' ? 1 : 0;
            int m = digits(s, q + 3 + colon, 2);
            if (h >= 0 && m >= 0) {
                long offset = (h * 60L + m) * 60_000L;
                END.get()[0] = q + 5 + colon;
                return s.charAt(q) == '+' ? epoch - offset : epoch + offset;
            }
        }
        END.get()[0] = p;
        return epoch;
    }

    private static int month(CharSequence s, int i) {
        for (int m = 0; m < 12; m++) {
            if (s.charAt(i) == MONTHS.charAt(m * 3) && s.charAt(i + 1) == MONTHS.charAt(m * 3 + 1)
                    && s.charAt(i + 2) == MONTHS.charAt(m * 3 + 2)) {
                return m + 1;
            }
        }
        return -1;
    }

    static int digits(CharSequence s, int i, int count) {
        int value = 0;
        for (int k = 0; k < count; k++) {
            char c = s.charAt(i + k);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Milliseconds since the epoch of a UTC civil time (days-from-civil, no java.time objects per line). */
    static long epochMillis(int year, int month, int day, int hour, int minute, int second, int millis) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        long days = era * 146097L + doe - 719468L;
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }
}
