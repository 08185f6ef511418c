package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Durations.DAY;
import static io.tidemark.demo.servicelogs.Durations.MINUTE;
import static io.tidemark.demo.servicelogs.Durations.SECOND;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/** How busy the platform is: office hours on weekdays, quiet nights and weekends, and a burst during the incident. */
final class Traffic {
    private static final double INCIDENT_SHARE = 0.03;
    private final long from;
    private final long to;
    private final long bucket;
    private final double[] rate;
    private final double[] cumulative;

    Traffic(long from, long to, long incidentStart, long incidentEnd, double[] dayFactors) {
        this.from = from;
        this.to = to;
        this.bucket = Math.max(SECOND, Math.min(5 * MINUTE, (to - from) / 2000));
        int n = (int) ((to - from + bucket - 1) / bucket);
        rate = new double[n];
        cumulative = new double[n + 1];
        double calmWork = 0;
        long incidentMillis = 0;
        for (int i = 0; i < n; i++) {
            long start = from + i * bucket;
            long end = Math.min(to, start + bucket);
            long middle = start + (end - start) / 2;
            rate[i] = load(middle) * dayFactors[(int) ((middle - from) / DAY)];
            if (middle >= incidentStart && middle < incidentEnd) {
                incidentMillis += end - start;
            } else {
                calmWork += rate[i] * (end - start);
            }
        }
        // The incident takes a fixed share of every family, whatever the hour: a burst that cannot be missed.
        double incidentRate = incidentMillis == 0 ? 0 : calmWork * INCIDENT_SHARE / (1 - INCIDENT_SHARE) / incidentMillis;
        for (int i = 0; i < n; i++) {
            long start = from + i * bucket;
            long end = Math.min(to, start + bucket);
            long middle = start + (end - start) / 2;
            if (middle >= incidentStart && middle < incidentEnd) {
                rate[i] = Math.max(rate[i], incidentRate);
            }
            cumulative[i + 1] = cumulative[i] + rate[i] * (end - start);
        }
    }

    private static double load(long at) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(at, SECOND), 0, ZoneOffset.UTC);
        int hour = time.getHour();
        double hourly = hour < 6 ? 0.25 : hour < 8 ? 0.6 : hour < 18 ? 1.0 : hour < 22 ? 0.55 : 0.35;
        DayOfWeek day = time.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return weekend ? hourly * 0.35 : hourly;
    }

    double total() {
        return cumulative[cumulative.length - 1];
    }

    /** The moment at which this much work has been done since the window opened. */
    long timeAt(double work) {
        if (work <= 0) {
            return from;
        }
        int i = Arrays.binarySearch(cumulative, work);
        if (i < 0) {
            i = -i - 2;
        }
        if (i >= rate.length) {
            return to;
        }
        long at = from + i * bucket + (long) ((work - cumulative[i]) / rate[i]);
        return Math.min(at, to);
    }
}
