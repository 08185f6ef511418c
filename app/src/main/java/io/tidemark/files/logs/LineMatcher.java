package io.tidemark.files.logs;

import io.tidemark.core.logs.LogQuery;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of a mapping that match a query: a byte search for the query's literal (its rarest byte found a word at
 * a time, then the whole literal compared) gives candidate lines, and the regex, when there is one, confirms them.
 */
final class LineMatcher {

    /** A regex sees at most this much of a line (a 100 MB line is not decoded whole). */
    static final int REGEX_LINE_LIMIT = 4 << 20;

    interface Sink {
        /** A matching line [start, end) (end at its newline or the end of the range). Returns false to stop. */
        boolean line(long start, long end);
    }

    private final byte[] literal;      // lower-cased when folding
    private final boolean fold;
    private final int anchor;          // index in literal of the byte searched for
    private final long anchorPattern;
    private final long anchorPatternOther; // the other case of the anchor, or the same pattern
    private final int pairDelta;       // a second byte of the literal checked with the anchor (delta from it), or 0
    private final long pairPattern;
    private final Pattern regex;       // null when the literal decides alone
    private final Charset charset;

    LineMatcher(LogQuery query, Charset charset) {
        this.charset = charset;
        String text = query.literal();
        boolean nonAscii = text != null && !text.chars().allMatch(c -> c < 0x80);
        if (text != null && query.ignoreCase() && nonAscii) {
            text = null; // ASCII folding cannot stand for Unicode case rules: let the regex judge every line
        }
        fold = query.ignoreCase();
        if (text != null) {
            literal = (fold ? text.toLowerCase(java.util.Locale.ROOT) : text).getBytes(charsetFor(charset));
            anchor = rarest(literal);
            byte a = literal[anchor];
            anchorPattern = MappedLog.repeated(a);
            byte other = fold && a >= 'a' && a <= 'z' ? (byte) (a - 32) : a;
            anchorPatternOther = MappedLog.repeated(other);
            int second = fold ? -1 : secondRarest(literal, anchor);
            pairDelta = second < 0 ? 0 : second - anchor;
            pairPattern = second < 0 ? 0 : MappedLog.repeated(literal[second]);
        } else {
            pairDelta = 0;
            pairPattern = 0;
            literal = null;
            anchor = 0;
            anchorPattern = 0;
            anchorPatternOther = 0;
        }
        boolean literalDecides = !query.regex() && literal != null;
        Pattern compiled = query.compiled();
        regex = literalDecides ? null : compiled;
    }

    private static Charset charsetFor(Charset charset) {
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** Whether every line matches (no pattern: only level or time limits). */
    boolean matchesAll() {
        return literal == null && regex == null;
    }

    /** Calls {@code sink} for each matching line that starts in [from, to); lines never straddle {@code to} or {@code from}. */
    void scan(MappedLog m, long from, long to, Sink sink, io.tidemark.core.Cancellation cancel) {
        long p = from;
        int checks = 0;
        cancel.checkpoint();
        if (literal == null) {
            while (p < to) {
                long nl = m.indexOf((byte) '\n', p, to);
                long end = nl < 0 ? to : nl;
                if ((regex == null || confirm(m, p, end)) && !sink.line(p, end)) {
                    return;
                }
                p = end + 1;
                if ((++checks & 0xFFF) == 0) {
                    cancel.checkpoint();
                }
            }
            return;
        }
        while (p < to) {
            long hit = find(m, p, to);
            if (hit < 0) {
                return;
            }
            long start = hit;
            while (start > p && m.get(start - 1) != '\n') {
                start--;
            }
            long nl = m.indexOf((byte) '\n', hit, to);
            long end = nl < 0 ? to : nl;
            if ((regex == null || confirm(m, start, end)) && !sink.line(start, end)) {
                return;
            }
            p = end + 1;
            if ((++checks & 0x3FF) == 0) {
                cancel.checkpoint();
            }
        }
    }

    /** Per-thread buffers for confirming lines: a line is read into a reused array and matched without a copy when ASCII. */
    private final class Scratch implements CharSequence {
        byte[] bytes = new byte[1024];
        int length;
        final Matcher matcher = regex.matcher("");

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** Whether the regex finds a match in the raw line (as grep sees it: a CR or a NUL stays what it is). */
    private boolean confirm(MappedLog m, long start, long end) {
        Scratch s = scratch.get();
        int len = (int) Math.min(REGEX_LINE_LIMIT, end - start);
        if (s.bytes.length < len) {
            s.bytes = new byte[Math.max(len, s.bytes.length * 2)];
        }
        m.read(start, s.bytes, 0, len);
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (s.bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            s.length = len;
            return s.matcher.reset(s).find();
        }
        return s.matcher.reset(new String(s.bytes, 0, len, charsetFor(charset))).find();
    }

    /** The position where the literal starts at or after {@code from} (wholly before {@code to}), or -1. */
    private long find(MappedLog m, long from, long to) {
        int n = literal.length;
        long p = from + anchor;
        while (p < to) {
            int seg = (int) (p >>> m.bits);
            long base = (long) seg << m.bits;
            java.nio.ByteBuffer buf = m.segment(seg);
            int end = (int) Math.min(to - base, buf.limit());
            int i = (int) (p - base);
            while (true) {
                int hit = pairDelta != 0 ? indexOfPair(buf, i, end, anchorPattern, pairPattern, pairDelta)
                        : anchorPattern == anchorPatternOther ? MappedLog.indexOf(buf, i, end, anchorPattern)
                        : indexOfEither(buf, i, end, anchorPattern, anchorPatternOther);
                if (hit < 0) {
                    break;
                }
                long start = base + hit - anchor;
                if (start + n <= to && (hit - anchor >= 0 && hit - anchor + n <= buf.limit()
                        ? equalsAt(buf, hit - anchor) : equalsAt(m, start))) {
                    return start;
                }
                i = hit + 1;
            }
            p = base + end;
        }
        return -1;
    }

    private boolean equalsAt(java.nio.ByteBuffer buf, int at) {
        for (int k = 0; k < literal.length; k++) {
            byte b = buf.get(at + k);
            if (fold && b >= 'A' && b <= 'Z') {
                b += 32;
            }
            if (b != literal[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsAt(MappedLog m, long at) {
        for (int k = 0; k < literal.length; k++) {
            byte b = m.get(at + k);
            if (fold && b >= 'A' && b <= 'Z') {
                b += 32;
            }
            if (b != literal[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfEither(java.nio.ByteBuffer buf, int from, int to, long p1, long p2) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = buf.getLong(i);
            long hits = MappedLog.zeroBytes(v ^ p1) | MappedLog.zeroBytes(v ^ p2);
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        byte b1 = (byte) p1;
        byte b2 = (byte) p2;
        for (; i < to; i++) {
            byte b = buf.get(i);
            if (b == b1 || b == b2) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first position j in [from, to) where {@code buf[j]} is the anchor byte and {@code buf[j + delta]} the pair byte
     * (when j + delta lies in the buffer; a j whose pair falls outside is returned for the caller to verify): two bytes
     * at once rule out far more candidates than one.
     */
    static int indexOfPair(java.nio.ByteBuffer buf, int from, int to, long anchor, long pair, int delta) {
        int i = from;
        int limit = buf.limit();
        int lo = Math.max(from, -delta);
        for (; i < lo && i < to; i++) {
            if (buf.get(i) == (byte) anchor) {
                return i;
            }
        }
        int safeEnd = Math.min(to, limit - 8 - Math.max(delta, 0));
        for (; i + 16 <= safeEnd; i += 16) {
            long a = MappedLog.zeroBytes(buf.getLong(i) ^ anchor) & MappedLog.zeroBytes(buf.getLong(i + delta) ^ pair);
            long b = MappedLog.zeroBytes(buf.getLong(i + 8) ^ anchor) & MappedLog.zeroBytes(buf.getLong(i + 8 + delta) ^ pair);
            if ((a | b) != 0) {
                return a != 0 ? i + (Long.numberOfTrailingZeros(a) >>> 3) : i + 8 + (Long.numberOfTrailingZeros(b) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf.get(i) == (byte) anchor && (i + delta < 0 || i + delta >= limit || buf.get(i + delta) == (byte) pair)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the rarest byte of {@code text} other than the one at {@code not} and other than its value; -1 if none. */
    static int secondRarest(byte[] text, int not) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < text.length; i++) {
            int rank = rank(text[i]);
            if (i != not && text[i] != text[not] && rank < bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    /** The index of the byte of {@code text} least likely in a log line (log text is mostly lower case, digits, spaces). */
    static int rarest(byte[] text) {
        int best = 0;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < text.length; i++) {
            int rank = rank(text[i]);
            if (rank < bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    private static int rank(byte b) {
        int c = b & 0xFF;
        if (c == ' ') {
            return 255;
        }
        if ("etaoinsr".indexOf(c) >= 0) {
            return 240;
        }
        if (c >= '0' && c <= '9') {
            return 230;
        }
        if (c >= 'a' && c <= 'z') {
            return "lcdumhpfgwybvk".indexOf(c) >= 0 ? 200 : 150;
        }
        if ("-:.,/=_[]\"".indexOf(c) >= 0) {
            return 210;
        }
        if (c >= 'A' && c <= 'Z') {
            return "EIOTSRNAL".indexOf(c) >= 0 ? 110 : 90;
        }
        return 60;
    }
}
