package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Digits.decimal;
import static io.tidemark.demo.servicelogs.Digits.three;
import static io.tidemark.demo.servicelogs.Digits.two;
import static io.tidemark.demo.servicelogs.Durations.DAY;
import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Placeholders.expand;
import static io.tidemark.demo.servicelogs.Vocabulary.IFLOWS;
import static io.tidemark.demo.servicelogs.Vocabulary.PG_VERSION;
import static io.tidemark.demo.servicelogs.Vocabulary.TENANTS;
import static io.tidemark.demo.servicelogs.Vocabulary.messageGuid;
import static io.tidemark.demo.servicelogs.Vocabulary.pick;
import static io.tidemark.demo.servicelogs.Vocabulary.uuid;

import java.util.Locale;

/** PostgreSQL 15 on stderr with log_line_prefix '%m [%p] %q%u@%d '. */
final class PostgresLog extends ServiceLog {
    private static final String HBA = "/app/data/postgres/pg_hba.conf";
    private static final String[] APPLICATIONS = {"integramon-web", "celery-light", "celery-medium",
        "celery-periodic", "celery-messagelog", "publish-sync", "pg_dump", "tidemark"};
    private static final String[] SLOW_SQL = {
        "SELECT \"cpimessagelog\".\"id\", \"cpimessagelog\".\"message_guid\", \"cpimessagelog\".\"iflow\", "
            + "\"cpimessagelog\".\"status\", \"cpimessagelog\".\"log_start\", \"cpimessagelog\".\"log_end\" "
            + "FROM \"cpimessagelog\" WHERE (\"cpimessagelog\".\"config_id\" = $cfg AND \"cpimessagelog\".\"status\" "
            + "= 'FAILED' AND \"cpimessagelog\".\"log_start\" >= '$since'::timestamptz) ORDER BY "
            + "\"cpimessagelog\".\"log_start\" DESC LIMIT 50 OFFSET $offset",
        "SELECT COUNT(*) AS \"__count\" FROM \"cpimessagelog\" WHERE (\"cpimessagelog\".\"config_id\" = $cfg AND "
            + "\"cpimessagelog\".\"log_start\" >= '$since'::timestamptz)",
        "DELETE FROM \"cpipayload\" WHERE \"cpipayload\".\"id\" IN (SELECT U0.\"id\" FROM \"cpipayload\" U0 "
            + "WHERE (U0.\"config_id\" = $cfg AND U0.\"created_at\" < '$since'::timestamptz) LIMIT 5000)",
        "SELECT \"cpimessagelog\".\"iflow\", COUNT(\"cpimessagelog\".\"id\") AS \"failed\" FROM \"cpimessagelog\" "
            + "WHERE (\"cpimessagelog\".\"config_id\" = $cfg AND \"cpimessagelog\".\"status\" = 'FAILED') "
            + "GROUP BY \"cpimessagelog\".\"iflow\" ORDER BY \"failed\" DESC",
        "COPY public.cpimessagelog (id, config_id, message_guid, iflow, status, log_start, log_end) TO stdout;",
        "SELECT \"cmetricsnapshot\".\"taken_at\", \"cmetricsnapshot\".\"value\" FROM \"cmetricsnapshot\" WHERE "
            + "(\"cmetricsnapshot\".\"config_id\" = $cfg AND \"cmetricsnapshot\".\"metric\" = 'failed_messages' AND "
            + "\"cmetricsnapshot\".\"taken_at\" >= '$since'::timestamptz) ORDER BY \"cmetricsnapshot\".\"taken_at\" ASC",
        "SELECT relname, n_live_tup, n_dead_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables "
            + "ORDER BY pg_total_relation_size(relid) DESC",
        "UPDATE \"cworkerjobrun\" SET \"finished_at\" = '$now'::timestamptz, \"status\" = 'success' WHERE "
            + "\"cworkerjobrun\".\"run_id\" = '$uuid'::uuid"};
    static final String[] TABLES = {"cpimessagelog", "cpipayload", "cpimessagelogruns",
        "cpicustomheaderproperties", "cpimessageattachment", "cmetricsnapshot", "cworkerjobrun"};

    private int postmaster;
    private int checkpointer;
    private int nextPid;
    private final int[] pooled = new int[6];
    private long xid;

    PostgresLog(Platform platform) {
        super("postgres", platform);
        postmaster = 20 + random.nextInt(20);
        checkpointer = postmaster + 1 + random.nextInt(3);
        nextPid = 20_000 + random.nextInt(200_000);
        refillPool();
        xid = 2_000_000 + random.nextInt(8_000_000);
    }

    private void refillPool() {
        for (int i = 0; i < pooled.length; i++) {
            pooled[i] = newPid();
        }
    }

    private int newPid() {
        nextPid += 1 + random.nextInt(4);
        return nextPid;
    }

    private StringBuilder prefix(long at, int pid, boolean session) {
        StringBuilder sb = line();
        stamp.postgres(sb, at).append(" [").append(pid).append("] ");
        if (session) {
            sb.append("integramon@integramon ");
        }
        return sb;
    }

    private void log(long at, int pid, boolean session, String level, String message) {
        prefix(at, pid, session).append(level).append(":  ").append(message);
        emit(at);
    }

    @Override
    void everyday(long at) {
        if (platform.incident(at) && chance(0.6)) {
            overloaded(at);
            return;
        }
        int roll = random.nextInt(100);
        if (roll < 38) {
            session(at);
        } else if (roll < 62) {
            slowStatement(at, pooled[random.nextInt(pooled.length)]);
        } else if (roll < 70) {
            error(at);
        } else if (roll < 78) {
            autovacuum(at);
        } else if (roll < 82) {
            temporaryFile(at);
        } else if (roll < 87) {
            lockWait(at);
        } else if (roll < 92) {
            clientReset(at);
        } else if (roll < 94) {
            failedLogin(at);
        } else {
            checkpoint(at, "time");
        }
    }

    private void session(long at) {
        int pid = newPid();
        int port = 32768 + random.nextInt(28000);
        String application = pick(random, APPLICATIONS);
        prefix(at, pid, false).append("[unknown]@[unknown] LOG:  connection received: host=127.0.0.1 port=")
                .append(port);
        emit(at);
        long t = at + 2 + random.nextInt(5);
        prefix(t, pid, true).append("LOG:  connection authenticated: identity=\"integramon\" "
                + "method=scram-sha-256 (").append(HBA).append(":99)");
        emit(t);
        prefix(t, pid, true).append("LOG:  connection authorized: user=integramon database=integramon "
                + "application_name=").append(application);
        emit(t);
        long duration = chance(0.7) ? 5 + random.nextInt(400) : 1000 + (long) (random.nextExponential() * 90_000);
        for (int i = random.nextInt(3); i > 0; i--) {
            slowStatement(t + 1 + random.nextLong(Math.max(2, duration - 1)), pid);
        }
        long end = t + duration;
        StringBuilder sb = prefix(end, pid, true).append("LOG:  disconnection: session time: ");
        sessionTime(sb, end - at + random.nextInt(3))
                .append(" user=integramon database=integramon host=127.0.0.1 port=").append(port);
        emit(end);
    }

    /** A timestamp as Django binds it in SQL: 2026-11-21T11:04:59.083571+00:00. */
    private String timestamptz(long at) {
        StringBuilder sb = stamp.dateTime(new StringBuilder(32), at, 'T').append('.');
        three(sb, (int) Math.floorMod(at, SECOND));
        three(sb, random.nextInt(1000));
        return sb.append("+00:00").toString();
    }

    private StringBuilder sessionTime(StringBuilder sb, long millis) {
        long seconds = millis / SECOND;
        sb.append(seconds / 3600).append(':');
        two(sb, (int) (seconds / 60 % 60)).append(':');
        two(sb, (int) (seconds % 60)).append('.');
        return three(sb, (int) (millis % SECOND));
    }

    private void slowStatement(long at, int pid) {
        double millis = 500 + random.nextExponential() * 1500;
        StringBuilder sb = prefix(at, pid, true).append("LOG:  duration: ");
        decimal(sb, millis, 3).append(" ms  statement: ");
        sql(sb, pick(random, SLOW_SQL), at);
        emit(at);
    }

    private void sql(StringBuilder sb, String template, long at) {
        expand(sb, template, (token, out) -> {
            switch (token) {
                case "cfg" -> out.append(1 + random.nextInt(TENANTS.length));
                case "offset" -> out.append(50 * random.nextInt(40));
                case "uuid" -> out.append(uuid(random));
                case "since" -> out.append(timestamptz(at - (1 + random.nextInt(30)) * DAY));
                case "now" -> out.append(timestamptz(at - random.nextInt(2000)));
                default -> throw new IllegalStateException(token);
            }
        });
    }

    private void error(long at) {
        int pid = pooled[random.nextInt(pooled.length)];
        switch (random.nextInt(5)) {
            case 0, 1 -> {
                int config = 1 + random.nextInt(TENANTS.length);
                String guid = messageGuid(random);
                log(at, pid, true, "ERROR", "duplicate key value violates unique constraint "
                        + "\"cpimessagelog_config_id_message_guid_uniq\"");
                log(at, pid, true, "DETAIL", "Key (config_id, message_guid)=(" + config + ", " + guid
                        + ") already exists.");
                log(at, pid, true, "STATEMENT", "INSERT INTO \"cpimessagelog\" (\"config_id\", \"message_guid\", "
                        + "\"iflow\", \"status\", \"log_start\", \"log_end\") VALUES (" + config + ", '" + guid
                        + "', '" + pick(random, IFLOWS) + "', 'COMPLETED', '" + timestamptz(at - 60_000) + "'::timestamptz, '"
                        + timestamptz(at - 59_000) + "'::timestamptz) RETURNING \"cpimessagelog\".\"id\"");
            }
            case 2 -> {
                log(at, pid, true, "ERROR", "canceling statement due to statement timeout");
                StringBuilder sb = prefix(at, pid, true).append("STATEMENT:  ");
                sql(sb, SLOW_SQL[random.nextInt(4)], at);
                emit(at);
            }
            case 3 -> {
                log(at, pid, true, "ERROR", "could not serialize access due to concurrent update");
                log(at, pid, true, "STATEMENT", "UPDATE \"cconfig\" SET \"is_active\" = true WHERE \"cconfig\".\"id\" = "
                        + (1 + random.nextInt(TENANTS.length)));
            }
            default -> deadlock(at);
        }
    }

    private void deadlock(long at) {
        int a = newPid();
        int b = newPid();
        long ta = xid++;
        long tb = xid++;
        int row = 1 + random.nextInt(40);
        String statementA = "UPDATE \"cworkerjobrun\" SET \"status\" = 'running' WHERE \"cworkerjobrun\".\"id\" = " + row;
        String statementB = "UPDATE \"cworkerjobrun\" SET \"status\" = 'running' WHERE \"cworkerjobrun\".\"id\" = " + (row + 1);
        log(at, a, true, "ERROR", "deadlock detected");
        prefix(at, a, true).append("DETAIL:  Process ").append(a).append(" waits for ShareLock on transaction ")
                .append(tb).append("; blocked by process ").append(b).append(".\n\tProcess ").append(b)
                .append(" waits for ShareLock on transaction ").append(ta).append("; blocked by process ").append(a)
                .append(".\n\tProcess ").append(a).append(": ").append(statementA).append("\n\tProcess ").append(b)
                .append(": ").append(statementB);
        emit(at);
        log(at, a, true, "HINT", "See server log for query details.");
        log(at, a, true, "CONTEXT", "while updating tuple (0," + row + ") in relation \"cworkerjobrun\"");
        log(at, a, true, "STATEMENT", statementA);
    }

    private void lockWait(long at) {
        int waiting = newPid();
        int holder = pooled[random.nextInt(pooled.length)];
        long transaction = xid++;
        int row = 1 + random.nextInt(60);
        String statement = "UPDATE \"cconfig\" SET \"last_polled_at\" = now() WHERE \"cconfig\".\"id\" = "
                + (1 + random.nextInt(TENANTS.length));
        String context = "while updating tuple (0," + row + ") in relation \"cconfig\"";
        StringBuilder sb = prefix(at, waiting, true).append("LOG:  process ").append(waiting)
                .append(" still waiting for ShareLock on transaction ").append(transaction).append(" after ");
        decimal(sb, 1000 + random.nextDouble() * 0.3, 3).append(" ms");
        emit(at);
        log(at, waiting, true, "DETAIL", "Process holding the lock: " + holder + ". Wait queue: " + waiting + ".");
        log(at, waiting, true, "CONTEXT", context);
        log(at, waiting, true, "STATEMENT", statement);
        double waited = 1200 + random.nextExponential() * 3000;
        long acquired = at + (long) waited - 1000;
        sb = prefix(acquired, waiting, true).append("LOG:  process ").append(waiting)
                .append(" acquired ShareLock on transaction ").append(transaction).append(" after ");
        decimal(sb, waited, 3).append(" ms");
        emit(acquired);
        log(acquired, waiting, true, "CONTEXT", context);
        log(acquired, waiting, true, "STATEMENT", statement);
    }

    private void temporaryFile(long at) {
        int pid = pooled[random.nextInt(pooled.length)];
        prefix(at, pid, true).append("LOG:  temporary file: path \"base/pgsql_tmp/pgsql_tmp").append(pid)
                .append('.').append(random.nextInt(4)).append("\", size ").append(1_048_576L * between(2, 180));
        emit(at);
        StringBuilder sb = prefix(at, pid, true).append("STATEMENT:  ");
        sql(sb, SLOW_SQL[3], at);
        emit(at);
    }

    private void clientReset(long at) {
        int pid = pooled[random.nextInt(pooled.length)];
        log(at, pid, true, "LOG", "could not receive data from client: Connection reset by peer");
        if (chance(0.4)) {
            log(at, pid, true, "LOG", "unexpected EOF on client connection with an open transaction");
        }
        pooled[random.nextInt(pooled.length)] = newPid();
    }

    private void failedLogin(long at) {
        int pid = newPid();
        String user = pick(random, "grafana", "integramon", "postgres", "metabase");
        prefix(at, pid, false).append("[unknown]@[unknown] LOG:  connection received: host=10.20.0.")
                .append(5 + random.nextInt(36)).append(" port=").append(32768 + random.nextInt(28000));
        emit(at);
        long t = at + 3;
        prefix(t, pid, false).append(user).append("@integramon FATAL:  password authentication failed for user \"")
                .append(user).append('"');
        emit(t);
        StringBuilder sb = prefix(t, pid, false).append(user).append("@integramon DETAIL:  ");
        if (user.equals("grafana") || user.equals("metabase")) {
            sb.append("Role \"").append(user).append("\" does not exist.\n\t");
        }
        sb.append("Connection matched pg_hba.conf line 99: \"host    all             all             "
                + "0.0.0.0/0               scram-sha-256\"");
        emit(t);
    }

    private void autovacuum(long at) {
        int pid = newPid();
        String table = pick(random, TABLES);
        StringBuilder sb = prefix(at, pid, false);
        if (chance(0.4)) {
            sb.append("LOG:  automatic analyze of table \"integramon.public.").append(table).append("\"\n\t");
            usage(sb, false);
            emit(at);
            return;
        }
        int pages = between(50, 400_000);
        int removed = between(100, 900_000);
        sb.append("LOG:  automatic vacuum of table \"integramon.public.").append(table).append("\": index scans: 1\n")
                .append("\tpages: 0 removed, ").append(pages).append(" remain, ").append(pages / between(1, 3))
                .append(" scanned (");
        decimal(sb, 100.0 / between(1, 3), 2).append("% of total)\n")
                .append("\ttuples: ").append(removed).append(" removed, ").append(removed * between(2, 30))
                .append(" remain, 0 are dead but not yet removable\n")
                .append("\tremovable cutoff: ").append(xid).append(", which was ").append(random.nextInt(40))
                .append(" XIDs old when operation ended\n")
                .append("\tindex scan needed: ").append(pages / 3).append(" pages from table (");
        decimal(sb, 30 + random.nextDouble() * 60, 2).append("% of total) had ").append(removed)
                .append(" dead item identifiers removed\n")
                .append("\tindex \"").append(table).append("_pkey\": pages: ").append(pages / 8)
                .append(" in total, 0 newly deleted, 0 currently deleted, 0 reusable\n\t");
        usage(sb, true);
        emit(at);
    }

    private void usage(StringBuilder sb, boolean wal) {
        sb.append("avg read rate: ");
        decimal(sb, random.nextDouble() * 40, 3).append(" MB/s, avg write rate: ");
        decimal(sb, random.nextDouble() * 30, 3).append(" MB/s\n\tbuffer usage: ").append(between(100, 90_000))
                .append(" hits, ").append(random.nextInt(5000)).append(" misses, ").append(random.nextInt(3000))
                .append(" dirtied\n\t");
        if (wal) {
            sb.append("WAL usage: ").append(between(100, 60_000)).append(" records, ").append(random.nextInt(3000))
                    .append(" full page images, ").append(between(10_000, 90_000_000)).append(" bytes\n\t");
        }
        sb.append("system usage: CPU: user: ");
        decimal(sb, random.nextDouble() * 2, 2).append(" s, system: ");
        decimal(sb, random.nextDouble() * 0.5, 2).append(" s, elapsed: ");
        decimal(sb, random.nextDouble() * 9, 2).append(" s");
    }

    private void checkpoint(long at, String reason) {
        log(at, checkpointer, false, "LOG", "checkpoint starting: " + reason);
        boolean spread = reason.equals("time");
        long done = at + (spread ? between(20, 270) * SECOND : between(2, 40));
        int buffers = between(spread ? 40 : 2, 9000);
        StringBuilder sb = prefix(done, checkpointer, false).append("LOG:  checkpoint complete: wrote ")
                .append(buffers).append(" buffers (");
        decimal(sb, buffers / 163.84, 1).append("%); 0 WAL file(s) added, 0 removed, ").append(random.nextInt(3))
                .append(" recycled; write=");
        double total = (done - at) / 1000.0;
        double sync = Math.min(total / 2, between(1, 20) / 1000.0);
        decimal(sb, total - sync - 0.001, 3).append(" s, sync=");
        decimal(sb, sync, 3).append(" s, total=");
        decimal(sb, total, 3).append(" s; sync files=").append(between(2, 40))
                .append(", longest=0.00").append(random.nextInt(9)).append(" s, average=0.001 s; distance=")
                .append(between(40, 90_000)).append(" kB, estimate=").append(between(9_000, 90_000)).append(" kB");
        emit(done);
    }

    private void overloaded(long at) {
        int pid = newPid();
        prefix(at, pid, false).append("[unknown]@[unknown] LOG:  connection received: host=127.0.0.1 port=")
                .append(32768 + random.nextInt(28000));
        emit(at);
        if (at >= platform.crashAt && at < platform.recoveredAt) {
            log(at + 1, pid, true, "FATAL", "the database system is in recovery mode");
        } else if (chance(0.8)) {
            log(at + 1, pid, true, "FATAL", "sorry, too many clients already");
        } else {
            log(at + 1, pid, true, "FATAL", "remaining connection slots are reserved for non-replication "
                    + "superuser connections");
        }
        if (chance(0.2)) {
            slowStatement(at + 2, pooled[random.nextInt(pooled.length)]);
        }
    }

    @Override
    void databaseCrashes(long at, long recovered) {
        int victim = pooled[0];
        log(at, postmaster, false, "LOG", "server process (PID " + victim + ") was terminated by signal 9: Killed");
        StringBuilder sb = prefix(at, postmaster, false).append("DETAIL:  Failed process was running: ");
        sql(sb, SLOW_SQL[3], at);
        emit(at);
        log(at, postmaster, false, "LOG", "terminating any other active server processes");
        log(at + 40, postmaster, false, "LOG", "all server processes terminated; reinitializing");
        int startup = newPid();
        long t = at + 120;
        log(t, startup, false, "LOG", "database system was interrupted; last known up at "
                + stamp.dateTime(new StringBuilder(), at - between(60, 290) * SECOND, ' ') + " UTC");
        log(t + 60, startup, false, "LOG", "database system was not properly shut down; automatic recovery in progress");
        long lsn = 0x5A000000L + random.nextInt(0x0FFFFFFF);
        log(t + 62, startup, false, "LOG", "redo starts at 0/" + Long.toHexString(lsn).toUpperCase(Locale.ROOT));
        long redoDone = Math.max(t + 200, recovered - 400);
        log(redoDone, startup, false, "LOG", "invalid record length at 0/"
                + Long.toHexString(lsn + 0x2F1A0).toUpperCase(Locale.ROOT) + ": wanted 24, got 0");
        sb = prefix(redoDone, startup, false).append("LOG:  redo done at 0/")
                .append(Long.toHexString(lsn + 0x2F168).toUpperCase(Locale.ROOT))
                .append(" system usage: CPU: user: ");
        decimal(sb, random.nextDouble(), 2).append(" s, system: ");
        decimal(sb, random.nextDouble() * 0.3, 2).append(" s, elapsed: ");
        decimal(sb, (redoDone - t) / 1000.0, 2).append(" s");
        emit(redoDone);
        checkpointer = newPid();
        checkpoint(redoDone + 5, "end-of-recovery immediate wait");
        log(recovered, postmaster, false, "LOG", "database system is ready to accept connections");
        refillPool();
        quietUntil = recovered;
    }

    @Override
    void containerRestarts(long at, long back) {
        long t = at + between(1, 3) * SECOND;
        log(t, postmaster, false, "LOG", "received fast shutdown request");
        log(t, postmaster, false, "LOG", "aborting any active transactions");
        log(t + 6, postmaster, false, "LOG", "background worker \"logical replication launcher\" (PID "
                + (postmaster + 5) + ") exited with exit code 1");
        log(t + 7, checkpointer, false, "LOG", "shutting down");
        checkpoint(t + 7, "shutdown immediate");
        long down = t + 80;
        log(down, postmaster, false, "LOG", "database system is shut down");

        postmaster = 14 + random.nextInt(12);
        checkpointer = postmaster + 2;
        nextPid = postmaster + 40;
        long up = back + between(1, 2) * SECOND;
        log(up, postmaster, false, "LOG", "starting " + PG_VERSION);
        log(up, postmaster, false, "LOG", "listening on IPv4 address \"127.0.0.1\", port 5432");
        log(up, postmaster, false, "LOG", "listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"");
        log(up + 4, postmaster + 4, false, "LOG", "database system was shut down at "
                + stamp.dateTime(new StringBuilder(), down, ' ') + " UTC");
        log(up + 9, postmaster, false, "LOG", "database system is ready to accept connections");
        refillPool();
        quietUntil = up + 2 * SECOND;
    }
}
