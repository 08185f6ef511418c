package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Digits.hex;
import static io.tidemark.demo.servicelogs.Durations.DAY;
import static io.tidemark.demo.servicelogs.Durations.HOUR;
import static io.tidemark.demo.servicelogs.Durations.MINUTE;
import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Vocabulary.uuid;

import io.tidemark.demo.servicelogs.Happening.What;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** What all families agree on: the window, the traffic curve, restarts, the incident, and the followed requests. */
final class Platform {
    /** Seconds after the container is back at which gunicorn starts serving. */
    static final long GUNICORN_START = 8 * SECOND;

    final long seed;
    final long from;
    final long to;
    final Traffic traffic;
    final long incidentStart;
    final long incidentEnd;
    final long crashAt;
    final long recoveredAt;
    final long workerTimeoutAt;
    final String host;
    final List<Happening> happenings = new ArrayList<>();
    final List<WebServer> webServers = new ArrayList<>();

    Platform(long seed, long from, long to, List<String> requestIds, double keptShare) {
        this.seed = seed;
        this.from = from;
        this.to = to;
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder hostName = new StringBuilder();
        hex(hostName, random.nextLong(), 12);
        host = hostName.toString();

        double[] dayFactors = new double[(int) ((to - from) / DAY) + 3];
        for (int i = 0; i < dayFactors.length; i++) {
            dayFactors[i] = 0.85 + 0.3 * random.nextDouble();
        }
        Traffic calm = new Traffic(from, to, from, from, dayFactors);
        double calmTotal = calm.total();
        long span = to - from;
        long length = Math.max(Math.min(span / 40, 25 * MINUTE), Math.min(90 * SECOND, span / 10));
        long start = calm.timeAt(calmTotal * (1 - keptShare * (0.2 + 0.45 * random.nextDouble())));
        incidentStart = Math.min(officeHours(start, length, random), to - length - 2 * SECOND);
        incidentEnd = incidentStart + length;
        crashAt = incidentStart + length * 6 / 10;
        recoveredAt = crashAt + Math.min(length / 5, (8 + random.nextInt(12)) * SECOND);
        workerTimeoutAt = incidentStart + length * 3 / 10;
        traffic = new Traffic(from, to, incidentStart, incidentEnd, dayFactors);
        double total = traffic.total();

        List<long[]> restarts = restarts(random, total, keptShare);
        webServers.add(newWebServer(random, Long.MIN_VALUE, 24 + random.nextInt(40)));
        for (long[] restart : restarts) {
            happenings.add(new Happening(restart[0], What.RESTART, restart[1], null));
            webServers.add(newWebServer(random, restart[1] + GUNICORN_START, 21 + random.nextInt(12)));
        }
        webServers.sort((a, b) -> Long.compare(a.since(), b.since()));
        replaceTimedOutWorker(random);

        happenings.add(new Happening(incidentStart, What.INCIDENT_BEGINS, incidentEnd, null));
        happenings.add(new Happening(crashAt, What.DATABASE_CRASH, recoveredAt, null));
        happenings.add(new Happening(incidentEnd, What.INCIDENT_ENDS, incidentEnd, null));

        List<String> ids = new ArrayList<>(requestIds);
        if (ids.isEmpty()) {
            for (int i = 0; i < 48; i++) {
                ids.add(uuid(random));
            }
        }
        for (String id : ids) {
            long at = traffic.timeAt(total * (1 - keptShare * (0.04 + 0.8 * random.nextDouble())));
            happenings.add(new Happening(at, What.REQUEST, at, Requests.make(random, id, at, this, true)));
        }
        // A stable sort keeps the order of requests given for the same millisecond.
        happenings.sort((a, b) -> Long.compare(a.at(), b.at()));
    }

    /** A weekday working hour from candidate on, so that the incident hits real traffic. */
    private long officeHours(long candidate, long length, SplittableRandom random) {
        if (isOfficeHour(candidate)) {
            return candidate;
        }
        long midnight = Math.floorDiv(candidate, DAY) * DAY;
        for (int day = 0; day < 8; day++, midnight += DAY) {
            long at = midnight + 9 * HOUR + random.nextLong(6 * HOUR);
            if (at > candidate && at + length < to && isOfficeHour(at)) {
                return at;
            }
        }
        return candidate;
    }

    private static boolean isOfficeHour(long at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(at, SECOND), 0, ZoneOffset.UTC);
        boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && t.getHour() >= 9 && t.getHour() < 16;
    }

    /** Container restarts: one in the part every family keeps, the others anywhere but near the incident. */
    private List<long[]> restarts(SplittableRandom random, double total, double keptShare) {
        long span = to - from;
        int count = (int) Math.min(5, 1 + span / (6 * DAY));
        List<long[]> restarts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = i == 0
                    ? traffic.timeAt(total * (1 - keptShare * (0.1 + 0.5 * random.nextDouble())))
                    : from + (long) (span * (0.02 + 0.96 * random.nextDouble()));
            long back = at + Math.max(2 * SECOND, Math.min(span / 200, (12 + random.nextInt(20)) * SECOND));
            boolean nearIncident = back > incidentStart - 30 * MINUTE && at < incidentEnd + 30 * MINUTE;
            boolean nearOther = restarts.stream().anyMatch(r -> Math.abs(r[0] - at) < HOUR);
            if (!nearIncident && !nearOther && back + GUNICORN_START + 10 * SECOND < to) {
                restarts.add(new long[] {at, back});
            }
        }
        restarts.sort((a, b) -> Long.compare(a[0], b[0]));
        return restarts;
    }

    private static WebServer newWebServer(SplittableRandom random, long since, int master) {
        int[] workers = new int[3];
        long[][] threads = new long[workers.length][4];
        int pid = master;
        for (int i = 0; i < workers.length; i++) {
            pid += 1 + random.nextInt(3);
            workers[i] = pid;
            long base = (139_600_000_000_000L + random.nextLong(600_000_000_000L)) & ~0xFFFL;
            for (int t = 0; t < threads[i].length; t++) {
                threads[i][t] = base + t * 8_392_704L + (t == 3 ? 2_097_152L : 0);
            }
        }
        return new WebServer(since, master, workers, threads);
    }

    /** The incident hangs one gunicorn worker; the master kills it and boots a new one. */
    private void replaceTimedOutWorker(SplittableRandom random) {
        WebServer current = web(workerTimeoutAt);
        int[] workers = current.workers().clone();
        long[][] threads = current.threads().clone();
        workers[0] = Arrays.stream(workers).max().orElse(100) + 40 + random.nextInt(400);
        long base = (139_600_000_000_000L + random.nextLong(600_000_000_000L)) & ~0xFFFL;
        threads[0] = new long[] {base, base + 8_392_704L, base + 16_785_408L, base + 27_275_264L};
        webServers.add(new WebServer(workerTimeoutAt + 1, current.master(), workers, threads));
        webServers.sort((a, b) -> Long.compare(a.since(), b.since()));
    }

    WebServer web(long at) {
        WebServer found = webServers.get(0);
        for (WebServer server : webServers) {
            if (server.since() <= at) {
                found = server;
            }
        }
        return found;
    }

    boolean incident(long at) {
        return at >= incidentStart && at < incidentEnd;
    }

    /** What a Python client is told when it cannot reach PostgreSQL at this moment, or null when it can. */
    String databaseError(long at, SplittableRandom random) {
        if (!incident(at)) {
            return null;
        }
        if (at >= crashAt && at < recoveredAt) {
            return random.nextBoolean()
                    ? "connection to server at \"127.0.0.1\", port 5432 failed: Connection refused\n"
                      + "\tIs the server running on that host and accepting TCP/IP connections?\n"
                    : "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  "
                      + "the database system is in recovery mode\n";
        }
        return "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  sorry, too many clients already\n";
    }
}
