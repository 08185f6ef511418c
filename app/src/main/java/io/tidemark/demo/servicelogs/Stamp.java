package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Digits.three;
import static io.tidemark.demo.servicelogs.Digits.two;
import static io.tidemark.demo.servicelogs.Durations.SECOND;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Formats one instant the ways the programs print time, all in UTC; caches the fields of the current second. */
final class Stamp {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private long second = Long.MIN_VALUE;
    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int sec;

    private void load(long millis) {
        long s = Math.floorDiv(millis, SECOND);
        if (s != second) {
            second = s;
            LocalDateTime t = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
            year = t.getYear();
            month = t.getMonthValue();
            day = t.getDayOfMonth();
            hour = t.getHour();
            minute = t.getMinute();
            sec = t.getSecond();
        }
    }

    private StringBuilder clock(StringBuilder sb) {
        two(sb, hour).append(':');
        two(sb, minute).append(':');
        return two(sb, sec);
    }

    /** 2026-11-21 11:03:56 (or with a T). */
    StringBuilder dateTime(StringBuilder sb, long millis, char between) {
        load(millis);
        sb.append(year).append('-');
        two(sb, month).append('-');
        two(sb, day).append(between);
        return clock(sb);
    }

    /** Python logging's asctime: 2026-11-21 11:03:56,136. */
    StringBuilder python(StringBuilder sb, long millis) {
        dateTime(sb, millis, ' ').append(',');
        return three(sb, (int) Math.floorMod(millis, SECOND));
    }

    /** PostgreSQL's %m: 2026-11-21 11:03:21.534 UTC. */
    StringBuilder postgres(StringBuilder sb, long millis) {
        dateTime(sb, millis, ' ').append('.');
        return three(sb, (int) Math.floorMod(millis, SECOND)).append(" UTC");
    }

    /** Redis: 21 Nov 2026 10:58:24.456. */
    StringBuilder redis(StringBuilder sb, long millis) {
        load(millis);
        two(sb, day).append(' ').append(MONTHS[month - 1]).append(' ').append(year).append(' ');
        clock(sb).append('.');
        return three(sb, (int) Math.floorMod(millis, SECOND));
    }

    /** Common log format: 21/Nov/2026:11:01:27 +0000. */
    StringBuilder nginxAccess(StringBuilder sb, long millis) {
        load(millis);
        two(sb, day).append('/').append(MONTHS[month - 1]).append('/').append(year).append(':');
        return clock(sb).append(" +0000");
    }

    /** nginx error_log: 2026/11/21 11:00:55. */
    StringBuilder nginxError(StringBuilder sb, long millis) {
        load(millis);
        sb.append(year).append('/');
        two(sb, month).append('/');
        two(sb, day).append(' ');
        return clock(sb);
    }

    /** gunicorn's error log: [2026-11-21 11:08:59 +0000]. */
    StringBuilder gunicorn(StringBuilder sb, long millis) {
        sb.append('[');
        return dateTime(sb, millis, ' ').append(" +0000]");
    }

    /** date -u +%FT%TZ: 2026-11-21T11:03:21Z. */
    StringBuilder iso(StringBuilder sb, long millis) {
        return dateTime(sb, millis, 'T').append('Z');
    }
}
