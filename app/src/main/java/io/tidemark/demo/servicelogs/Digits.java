package io.tidemark.demo.servicelogs;

import java.util.SplittableRandom;

/** Numbers as the programs print them: zero-padded fields, fixed decimals, Python float reprs and hex. */
final class Digits {

    static StringBuilder two(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        return sb.append(value);
    }

    static StringBuilder three(StringBuilder sb, int value) {
        if (value < 100) {
            sb.append('0');
        }
        return two(sb, value);
    }

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /** A fixed-point decimal with this many places, the same in every locale. */
    static StringBuilder decimal(StringBuilder sb, double value, int places) {
        long scale = POWERS[places];
        long scaled = Math.round(value * scale);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / scale);
        if (places > 0) {
            sb.append('.');
            long fraction = scaled % scale;
            for (long p = scale / 10; p > 0; p /= 10) {
                sb.append((char) ('0' + fraction / p % 10));
            }
        }
        return sb;
    }

    /** Seconds as Python's repr prints a float from time.monotonic() differences: many digits, no trailing zeros. */
    static StringBuilder pythonSeconds(StringBuilder sb, double seconds, SplittableRandom random) {
        int start = sb.length();
        decimal(sb, seconds, 6);
        // At most 17 significant digits, like a double's repr.
        int tailDigits = seconds >= 10 ? 9 : 10;
        long tail = random.nextLong(POWERS[6] * 10_000);
        for (long p = POWERS[6] * 1_000; p > 0 && tailDigits-- > 0; p /= 10) {
            sb.append((char) ('0' + tail / p % 10));
        }
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == '0' && sb.charAt(end - 2) != '.') {
            end--;
        }
        sb.setLength(end);
        return sb;
    }

    static void hex(StringBuilder sb, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit((int) (value >>> shift) & 0xF, 16));
        }
    }

    private Digits() {
    }
}
