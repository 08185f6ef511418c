package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Vocabulary.pick;

/** The pg-init program: makes sure the role, database and extensions exist, then keeps checking. */
final class PgInitLog extends ShellWrapperLog {
    PgInitLog(Platform platform) {
        super("pg-init", platform);
    }

    @Override
    void everyday(long at) {
        if (platform.incident(at)) {
            notReady(at, between(1, 30));
            return;
        }
        int roll = random.nextInt(10);
        long t = at;
        say(t, "checking PostgreSQL at 127.0.0.1:5432").append("\n127.0.0.1:5432 - accepting connections");
        emitSeconds(t);
        if (roll < 6) {
            t += between(0, 1) * SECOND;
            sayAlone(t, "role \"integramon\" present, database \"integramon\" present (owner=integramon, encoding=UTF8)");
            say(t, "ensuring extensions").append("\nNOTICE:  extension \"pg_trgm\" already exists, skipping\n"
                    + "CREATE EXTENSION\nNOTICE:  extension \"pg_stat_statements\" already exists, skipping\n"
                    + "CREATE EXTENSION");
            emitSeconds(t);
        } else if (roll < 8) {
            t += SECOND;
            String table = pick(random, PostgresLog.TABLES);
            say(t, "analyzing " + table).append("\nvacuumdb: vacuuming database \"integramon\"");
            emitSeconds(t);
            t += between(1, 40) * SECOND;
            sayAlone(t, "analyze of " + table + " done");
        } else {
            t += SECOND;
            StringBuilder sb = say(t, "connections in use");
            sb.append("\n count | state\n-------+---------------------\n");
            padded(sb, between(2, 30)).append(" | active\n");
            padded(sb, between(10, 60)).append(" | idle\n");
            padded(sb, random.nextInt(4)).append(" | idle in transaction\n(3 rows)");
            emitSeconds(t);
        }
        sayAlone(t, "ok, next check in 300s");
    }

    /** psql's right-aligned count column. */
    private static StringBuilder padded(StringBuilder sb, int count) {
        String digits = Integer.toString(count);
        for (int i = digits.length(); i < 6; i++) {
            sb.append(' ');
        }
        return sb.append(digits);
    }

    private void notReady(long at, int attempt) {
        String reason = at >= platform.crashAt && at < platform.recoveredAt
                ? "127.0.0.1:5432 - no response"
                : "127.0.0.1:5432 - rejecting connections";
        say(at, "checking PostgreSQL at 127.0.0.1:5432").append('\n').append(reason);
        emitSeconds(at);
        say(at, "psql failed").append("\npsql: error: connection to server at \"127.0.0.1\", port 5432 failed: "
                + "FATAL:  sorry, too many clients already");
        emitSeconds(at);
        sayAlone(at, "PostgreSQL not ready (attempt " + attempt + "/30), retrying in 5s");
    }

    @Override
    void containerRestarts(long at, long back) {
        long t = back + SECOND;
        sayAlone(t, "starting (PGDATA=/app/data/postgres)");
        sayAlone(t, "data directory exists, skipping initdb");
        say(t, "waiting for PostgreSQL at 127.0.0.1:5432").append("\n127.0.0.1:5432 - no response");
        emitSeconds(t);
        t += 2 * SECOND;
        say(t, "waiting for PostgreSQL at 127.0.0.1:5432").append("\n127.0.0.1:5432 - accepting connections");
        emitSeconds(t);
        say(t, "applying roles and grants").append("\nALTER ROLE\nGRANT\nGRANT\nALTER DEFAULT PRIVILEGES");
        emitSeconds(t);
        sayAlone(t + SECOND, "done in 3.1s");
        quietUntil = t + 2 * SECOND;
    }
}
