package io.tidemark.core.logs;

import java.util.List;

/**
 * The line formats the platform's writers use; each reads a line's timestamp and level. A file's format is detected from
 * its first lines; a line the file's format cannot read is tried against the others (supervisor program logs mix
 * Django and access lines), then read by the generic rules.
 */
public enum LogFormat {
    /** supervisord and Python's default '%(asctime)s LEVEL msg': {@code 2026-11-21 11:05:50,687 CRIT …}. */
    SUPERVISOR("supervisor"),
    /** worker_logging.py: {@code 2026-11-20 03:00:01,123 INFO [tenant.job] …}. */
    JOB("job"),
    /** Django verbose: {@code INFO 2026-11-21 11:05:02,368 middleware 27534 …}. */
    DJANGO_VERBOSE("django-verbose"),
    /** publish_sync: {@code [2026-11-21 11:03:48,754] [INFO] …}. */
    PUBLISH_SYNC("publish-sync"),
    /** Celery: {@code [2026-11-21 11:01:03,957: INFO/Beat] …}. */
    CELERY("celery"),
    /** gunicorn's error log: {@code [2026-11-21 11:01:00 +0000] [26579] [DEBUG] …}. */
    GUNICORN("gunicorn"),
    /** nginx and gunicorn access logs (combined): level from the status (5xx error, 4xx warning). */
    ACCESS("access"),
    /** nginx's error log: {@code 2026/11/21 11:00:55 [notice] 26551#26551: …}. */
    NGINX_ERROR("nginx-error"),
    /** PostgreSQL stderr with any prefix that starts with %m or %t, csvlog and jsonlog. */
    POSTGRES("postgres"),
    /** Redis: {@code 26155:M 21 Nov 2026 10:58:25.468 - …}. */
    REDIS("redis"),
    /** Anything else: the first timestamp near the start of the line and the first level word. */
    GENERIC("generic");

    private static final List<LogFormat> SPECIFIC = List.of(JOB, SUPERVISOR, DJANGO_VERBOSE, PUBLISH_SYNC, CELERY, GUNICORN,
            ACCESS, NGINX_ERROR, POSTGRES, REDIS);

    private final String label;

    LogFormat(String label) {
        this.label = label;
    }

    /** The name used in JSON and on screen. */
    public String label() {
        return label;
    }

    /** The format that reads most of {@code sample} (a file's first lines); GENERIC when none does. */
    public static LogFormat detect(List<String> sample) {
        LogFormat best = GENERIC;
        int bestScore = 0;
        for (LogFormat format : SPECIFIC) {
            int score = 0;
            for (String line : sample) {
                if (format.read(line).hasTime()) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = format;
                bestScore = score;
            }
        }
        return best;
    }

    /** The line's timestamp and level: this format first, then the others, then the generic rules. */
    public LineMeta parse(CharSequence line) {
        LineMeta meta = read(line);
        if (meta.hasTime()) {
            return meta;
        }
        for (LogFormat other : SPECIFIC) {
            if (other != this) {
                meta = other.read(line);
                if (meta.hasTime()) {
                    return meta;
                }
            }
        }
        return this == GENERIC ? generic(line) : GENERIC.read(line);
    }

    /** This format's reading only; {@link LineMeta#NONE} when the line is not in this format. */
    public LineMeta read(CharSequence s) {
        if (s.length() < 19) {
            return LineMeta.NONE;
        }
        return switch (this) {
            case SUPERVISOR -> timeThenLevel(s, false);
            case JOB -> timeThenLevel(s, true);
            case DJANGO_VERBOSE -> djangoVerbose(s);
            case PUBLISH_SYNC -> bracketed(s, "] [", ']');
            case CELERY -> bracketed(s, ": ", '/');
            case GUNICORN -> gunicorn(s);
            case ACCESS -> access(s);
            case NGINX_ERROR -> nginxError(s);
            case POSTGRES -> postgres(s);
            case REDIS -> redis(s);
            case GENERIC -> generic(s);
        };
    }

    // 2026-11-21 11:05:50,687 CRIT msg  |  2026-11-20 03:00:01,123 INFO [acme.fetch] msg
    private static LineMeta timeThenLevel(CharSequence s, boolean named) {
        long t = Timestamps.iso(s, 0);
        if (t == LineMeta.NO_TIME) {
            return LineMeta.NONE;
        }
        int p = Timestamps.end();
        if (p >= s.length() || s.charAt(p) != ' ') {
            return LineMeta.NONE;
        }
        int end = wordEnd(s, p + 1);
        LogLevel level = LogLevel.of(s.subSequence(p + 1, end));
        if (level == null || (named != (end + 1 < s.length() && s.charAt(end) == ' ' && s.charAt(end + 1) == '['))) {
            return LineMeta.NONE;
        }
        return new LineMeta(t, level);
    }

    private static LineMeta djangoVerbose(CharSequence s) {
        int end = wordEnd(s, 0);
        if (end == 0 || end >= s.length()) {
            return LineMeta.NONE;
        }
        LogLevel level = LogLevel.of(s.subSequence(0, end));
        long t = level == null ? LineMeta.NO_TIME : Timestamps.iso(s, end + 1);
        return t == LineMeta.NO_TIME ? LineMeta.NONE : new LineMeta(t, level);
    }

    // [2026-11-21 11:03:48,754] [INFO] msg  |  [2026-11-21 11:01:03,957: INFO/Beat] msg
    private static LineMeta bracketed(CharSequence s, String between, char after) {
        if (s.charAt(0) != '[') {
            return LineMeta.NONE;
        }
        long t = Timestamps.iso(s, 1);
        if (t == LineMeta.NO_TIME) {
            return LineMeta.NONE;
        }
        int p = Timestamps.end();
        if (!startsWith(s, p, between)) {
            return LineMeta.NONE;
        }
        p += between.length();
        int end = wordEnd(s, p);
        if (end >= s.length() || s.charAt(end) != after) {
            return LineMeta.NONE;
        }
        LogLevel level = LogLevel.of(s.subSequence(p, end));
        return level == null ? LineMeta.NONE : new LineMeta(t, level);
    }

    // [2026-11-21 11:01:00 +0000] [26579] [DEBUG] msg
    private static LineMeta gunicorn(CharSequence s) {
        if (s.charAt(0) != '[') {
            return LineMeta.NONE;
        }
        long t = Timestamps.iso(s, 1);
        if (t == LineMeta.NO_TIME) {
            return LineMeta.NONE;
        }
        int p = Timestamps.end();
        if (!startsWith(s, p, "] [")) {
            return LineMeta.NONE;
        }
        int close = indexOf(s, ']', p + 3, p + 20);
        if (close < 0 || !startsWith(s, close, "] [")) {
            return LineMeta.NONE;
        }
        int end = wordEnd(s, close + 3);
        LogLevel level = LogLevel.of(s.subSequence(close + 3, end));
        return level == null ? LineMeta.NONE : new LineMeta(t, level);
    }

    // 127.0.0.1 - - [21/Nov/2026:11:01:27 +0000] "GET /health/ HTTP/1.1" 200 70 "-" "kube-probe/1.27"
    private static LineMeta access(CharSequence s) {
        int open = indexOf(s, '[', 0, Math.min(s.length(), 200));
        if (open < 0) {
            return LineMeta.NONE;
        }
        long t = Timestamps.common(s, open + 1);
        if (t == LineMeta.NO_TIME) {
            return LineMeta.NONE;
        }
        int p = Timestamps.end();
        int quote = p + 2 < s.length() && s.charAt(p) == ']' && s.charAt(p + 1) == ' ' && s.charAt(p + 2) == '"' ? p + 2 : -1;
        int close = quote < 0 ? -1 : indexOf(s, '"', quote + 1, Math.min(s.length(), quote + 8192));
        if (close < 0 || close + 4 >= s.length()) {
            return new LineMeta(t, LogLevel.INFO);
        }
        int status = Timestamps.digits(s, close + 2, 3);
        LogLevel level = status >= 500 ? LogLevel.ERROR : status >= 400 ? LogLevel.WARNING : LogLevel.INFO;
        return new LineMeta(t, level);
    }

    // 2026/11/21 11:00:55 [notice] 26551#26551: …
    private static LineMeta nginxError(CharSequence s) {
        long t = Timestamps.slashed(s, 0);
        if (t == LineMeta.NO_TIME || !startsWith(s, 19, " [")) {
            return LineMeta.NONE;
        }
        int end = wordEnd(s, 21);
        LogLevel level = end < s.length() && s.charAt(end) == ']' ? LogLevel.of(s.subSequence(21, end)) : null;
        return level == null ? LineMeta.NONE : new LineMeta(t, level);
    }

    private static LineMeta postgres(CharSequence s) {
        if (s.charAt(0) == '{') {
            return postgresJson(s);
        }
        long t = Timestamps.iso(s, 0);
        if (t == LineMeta.NO_TIME) {
            return LineMeta.NONE;
        }
        int p = Timestamps.end();
        if (p < s.length() && s.charAt(p) == ',') {
            return postgresCsv(s, t, p);
        }
        if (!startsWith(s, p, " [")) {
            return LineMeta.NONE;
        }
        // The prefix is free text; the severity is the first known word followed by ":  ".
        int limit = Math.min(s.length(), p + 400);
        for (int colon = indexOf(s, ':', p, limit); colon > 0; colon = indexOf(s, ':', colon + 1, limit)) {
            if (startsWith(s, colon, ":  ")) {
                int start = colon;
                while (start > p && Character.isLetterOrDigit(s.charAt(start - 1))) {
                    start--;
                }
                LogLevel level = LogLevel.of(s.subSequence(start, colon));
                if (level != null) {
                    return new LineMeta(t, level);
                }
            }
        }
        return LineMeta.NONE;
    }

    private static LineMeta postgresCsv(CharSequence s, long t, int p) {
        // error_severity is the 12th field; earlier fields may be quoted with commas inside.
        int field = 2; // p is the comma after field 1
        boolean quoted = false;
        int start = p + 1;
        for (int i = p + 1; i < s.length() && field < 13; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                field++;
                if (field == 12) {
                    start = i + 1;
                } else if (field == 13) {
                    LogLevel level = LogLevel.of(s.subSequence(start, i));
                    return level == null ? LineMeta.NONE : new LineMeta(t, level);
                }
            }
        }
        return LineMeta.NONE;
    }

    private static LineMeta postgresJson(CharSequence s) {
        String key = "{\"timestamp\":\"";
        if (!startsWith(s, 0, key)) {
            return LineMeta.NONE;
        }
        long t = Timestamps.iso(s, key.length());
        if (t == LineMeta.NO_TIME) {
            return LineMeta.NONE;
        }
        String severity = "\"error_severity\":\"";
        int at = indexOf(s, severity, Math.min(s.length(), 2000));
        if (at < 0) {
            return new LineMeta(t, null);
        }
        int from = at + severity.length();
        int end = indexOf(s, '"', from, Math.min(s.length(), from + 20));
        return new LineMeta(t, end < 0 ? null : LogLevel.of(s.subSequence(from, end)));
    }

    // 26155:M 21 Nov 2026 10:58:25.468 - Accepted …
    private static LineMeta redis(CharSequence s) {
        int colon = indexOf(s, ':', 0, Math.min(s.length(), 12));
        if (colon <= 0 || colon + 3 >= s.length() || s.charAt(colon + 2) != ' ') {
            return LineMeta.NONE;
        }
        long t = Timestamps.spelled(s, colon + 3);
        int p = Timestamps.end();
        if (t == LineMeta.NO_TIME || p + 1 >= s.length()) {
            return LineMeta.NONE;
        }
        LogLevel level = switch (s.charAt(p + 1)) {
            case '.', '-' -> LogLevel.DEBUG;
            case '*' -> LogLevel.INFO;
            case '#' -> LogLevel.WARNING;
            default -> null;
        };
        return level == null ? LineMeta.NONE : new LineMeta(t, level);
    }

    private static LineMeta generic(CharSequence s) {
        int limit = Math.min(s.length(), 48);
        long t = LineMeta.NO_TIME;
        for (int i = 0; i + 19 <= s.length() && i < limit && t == LineMeta.NO_TIME; i++) {
            char c = s.charAt(i);
            if (Timestamps.isDigit(c) && (i == 0 || !Timestamps.isDigit(s.charAt(i - 1)))) {
                t = Timestamps.iso(s, i);
                if (t == LineMeta.NO_TIME) {
                    t = Timestamps.slashed(s, i);
                }
                if (t == LineMeta.NO_TIME) {
                    t = Timestamps.common(s, i);
                }
            }
        }
        if (t == LineMeta.NO_TIME) {
            return LineMeta.NONE;
        }
        return new LineMeta(t, levelWord(s, Math.min(s.length(), 160)));
    }

    /** The first level word (upper case, or in brackets) within {@code limit} characters. */
    static LogLevel levelWord(CharSequence s, int limit) {
        int i = 0;
        while (i < limit) {
            if (Character.isLetter(s.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                int end = wordEnd(s, i);
                boolean upper = Character.isUpperCase(s.charAt(i)) && end - i > 1 && Character.isUpperCase(s.charAt(i + 1));
                boolean bracketed = i > 0 && (s.charAt(i - 1) == '[' || s.charAt(i - 1) == '<') && end < s.length()
                        && (s.charAt(end) == ']' || s.charAt(end) == '>');
                if (upper || bracketed) {
                    LogLevel level = LogLevel.of(s.subSequence(i, end));
                    if (level != null) {
                        return level;
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return null;
    }

    private static int wordEnd(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(CharSequence s, int at, String prefix) {
        if (at < 0 || at + prefix.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (s.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = Math.max(0, from); i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(CharSequence s, String text, int limit) {
        for (int i = 0; i + text.length() <= limit; i++) {
            if (startsWith(s, i, text)) {
                return i;
            }
        }
        return -1;
    }
}
