package io.tidemark.demo.servicelogs;

import io.tidemark.demo.servicelogs.Line.Precision;
import java.io.IOException;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One service's log. Subclasses say what the service writes on an ordinary moment and how it reacts to the shared
 * story; this class places those moments on the traffic curve so that the family reaches its size, and hands the
 * lines to the file in time order.
 */
abstract class ServiceLog {
    final String name;
    final Platform platform;
    final SplittableRandom random;
    final Stamp stamp = new Stamp();
    private final StringBuilder text = new StringBuilder(16_384);
    private final PriorityQueue<Line> pending = new PriorityQueue<>();
    private long order;
    private long queuedChars;
    /** The service is down until then: ordinary traffic is skipped. */
    long quietUntil = Long.MIN_VALUE;

    ServiceLog(String name, Platform platform) {
        this.name = name;
        this.platform = platform;
        this.random = new SplittableRandom(platform.seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L));
    }

    boolean inDjangoFolder() {
        return false;
    }

    /** Writes what the service logs at an ordinary moment. */
    abstract void everyday(long at);

    void containerRestarts(long at, long back) {
    }

    void incidentBegins(long at, long end) {
    }

    void databaseCrashes(long at, long recovered) {
    }

    void incidentEnds(long at) {
    }

    void followed(Request request) {
    }

    final void generate(RotatingFile file, long targetBytes) throws IOException {
        Traffic traffic = platform.traffic;
        double workPerChar = traffic.total() / targetBytes;
        List<Happening> happenings = platform.happenings;
        int next = 0;
        long accounted = 0;
        double work = random.nextDouble() * 400 * workPerChar;
        while (true) {
            long at = traffic.timeAt(work);
            if (at >= platform.to) {
                break;
            }
            while (next < happenings.size() && happenings.get(next).at() <= at) {
                happen(happenings.get(next++));
            }
            flushBefore(at, file);
            if (at >= quietUntil) {
                everyday(at);
            }
            long produced = Math.max(queuedChars - accounted, 60);
            accounted = queuedChars;
            // Bursty gaps for single lines; big chunks are spaced evenly so that the family still hits its size.
            double spread = produced > 4000 ? 1.0 : (random.nextExponential() + random.nextExponential()
                    + random.nextExponential() + random.nextExponential()) / 4;
            work += produced * workPerChar * spread;
        }
        while (next < happenings.size()) {
            happen(happenings.get(next++));
        }
        flushBefore(platform.to, file);
        pending.clear();
    }

    private void happen(Happening h) {
        switch (h.what()) {
            case RESTART -> containerRestarts(h.at(), h.until());
            case INCIDENT_BEGINS -> incidentBegins(h.at(), h.until());
            case DATABASE_CRASH -> databaseCrashes(h.at(), h.until());
            case INCIDENT_ENDS -> incidentEnds(h.at());
            case REQUEST -> followed(h.request());
        }
    }

    private void flushBefore(long at, RotatingFile file) throws IOException {
        while (!pending.isEmpty() && pending.peek().at() < at) {
            Line line = pending.poll();
            // A request that began before the window opened leaves no trace in it.
            if (line.at() >= platform.from) {
                file.write(line);
            }
        }
    }

    /** Starts a new record; finish it with emit. */
    final StringBuilder line() {
        text.setLength(0);
        return text;
    }

    /** Queues the record built since line(), stamped with milliseconds. */
    final void emit(long at) {
        push(at, Precision.MILLIS);
    }

    /** Queues the record built since line(), stamped to the second. */
    final void emitSeconds(long at) {
        push(at, Precision.SECONDS);
    }

    /** Queues the record built since line(), which carries no time of its own. */
    final void emitUnstamped(long at) {
        push(at, Precision.NONE);
    }

    private void push(long at, Precision precision) {
        if (text.length() == 0 || text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        String s = text.toString();
        pending.add(new Line(at, order++, s, precision));
        queuedChars += s.length();
        text.setLength(0);
    }

    final boolean chance(double p) {
        return random.nextDouble() < p;
    }

    final int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }
}
