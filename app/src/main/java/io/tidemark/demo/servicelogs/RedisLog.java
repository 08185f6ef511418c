package io.tidemark.demo.servicelogs;

import static io.tidemark.demo.servicelogs.Digits.decimal;
import static io.tidemark.demo.servicelogs.Durations.MINUTE;
import static io.tidemark.demo.servicelogs.Durations.SECOND;
import static io.tidemark.demo.servicelogs.Vocabulary.pick;

/** redis-server 7.0 at loglevel verbose: pid:role DD Mon YYYY HH:MM:SS.mmm level message. */
final class RedisLog extends ServiceLog {
    private static final String[] COMMANDS = {"brpop", "set", "get", "llen", "ping", "publish", "hset", "setex"};
    private int pid;
    private int clientId;
    private final int[] keys = new int[3];
    private long lastSave;

    RedisLog(Platform platform) {
        super("redis", platform);
        pid = 10 + random.nextInt(30);
        clientId = 4000 + random.nextInt(90_000);
        keys[0] = 4 + random.nextInt(6);
        keys[1] = 200 + random.nextInt(300);
        keys[2] = 30 + random.nextInt(200);
        lastSave = platform.from;
    }

    private StringBuilder prefix(long at, int process, char role, char level) {
        StringBuilder sb = line().append(process).append(':').append(role).append(' ');
        return stamp.redis(sb, at).append(' ').append(level).append(' ');
    }

    private void log(long at, char role, char level, String message) {
        prefix(at, pid, role, level).append(message);
        emit(at);
    }

    @Override
    void everyday(long at) {
        int roll = random.nextInt(100);
        if (roll < 45) {
            client(at);
        } else if (roll < 80) {
            keySpace(at);
        } else if (roll < 88 && at - lastSave > 5 * MINUTE) {
            backgroundSave(at);
        } else if (roll < 93) {
            log(at, 'M', '-', "Reading from client: Connection reset by peer");
        } else {
            client(at);
        }
    }

    private void client(long at) {
        int port = 32768 + random.nextInt(28000);
        log(at, 'M', '-', "Accepted 127.0.0.1:" + port);
        long closed = at + (chance(0.6) ? random.nextInt(5) : (long) (random.nextExponential() * 20 * MINUTE));
        int id = ++clientId;
        int db = random.nextInt(3);
        prefix(closed, pid, 'M', '-').append("Client closed connection id=").append(id)
                .append(" addr=127.0.0.1:").append(port).append(" laddr=127.0.0.1:6379 fd=")
                .append(between(8, 120)).append(" name= age=").append((closed - at) / SECOND)
                .append(" idle=0 flags=N db=").append(db).append(" sub=0 psub=0 ssub=0 multi=-1 qbuf=0 "
                + "qbuf-free=20474 argv-mem=0 multi-mem=0 rbs=16384 rbp=16384 obl=0 oll=0 omem=0 tot-mem=37632 "
                + "events=r cmd=").append(pick(random, COMMANDS)).append(" user=default redir=-1 resp=2");
        emit(closed);
    }

    private void keySpace(long at) {
        for (int db = 0; db < keys.length; db++) {
            keys[db] = Math.max(1, keys[db] + random.nextInt(7) - 3);
            int slots = 4;
            while (slots < keys[db]) {
                slots *= 2;
            }
            int volatileKeys = db == 1 ? keys[db] : db == 2 ? keys[db] / 3 : 0;
            prefix(at, pid, 'M', '-').append("DB ").append(db).append(": ").append(keys[db]).append(" keys (")
                    .append(volatileKeys).append(" volatile) in ").append(slots).append(" slots HT.");
            emit(at);
        }
    }

    private void backgroundSave(long at) {
        lastSave = at;
        int child = pid + 100 + random.nextInt(60_000);
        log(at, 'M', '*', "100 changes in 300 seconds. Saving...");
        log(at, 'M', '*', "Background saving started by pid " + child);
        long t = at + 1 + random.nextInt(3);
        prefix(t, child, 'C', '-').append("Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB");
        emit(t);
        t += 2 + random.nextInt(30);
        prefix(t, child, 'C', '*').append("DB saved on disk");
        emit(t);
        prefix(t, child, 'C', '*').append("Fork CoW for RDB: current ").append(random.nextInt(3))
                .append(" MB, peak ").append(random.nextInt(3)).append(" MB, average 0 MB");
        emit(t);
        log(t + 90 + random.nextInt(20), 'M', '*', "Background saving terminated with success");
    }

    @Override
    void containerRestarts(long at, long back) {
        long t = at + between(1, 3) * SECOND;
        log(t, 'M', '#', "User requested shutdown...");
        log(t, 'M', '*', "Saving the final RDB snapshot before exiting.");
        log(t + 3, 'M', '*', "DB saved on disk");
        log(t + 3, 'M', '*', "Removing the pid file.");
        log(t + 3, 'M', '#', "Redis is now ready to exit, bye bye...");
        pid = 10 + random.nextInt(30);
        long up = back + SECOND;
        log(up, 'C', '#', "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
        log(up, 'C', '#', "Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=" + pid + ", just started");
        log(up, 'C', '#', "Configuration loaded");
        log(up, 'M', '*', "monotonic clock: POSIX clock_gettime");
        log(up + 1, 'M', '*', "Running mode=standalone, port=6379.");
        log(up + 1, 'M', '#', "Server initialized");
        log(up + 1, 'M', '#', "WARNING Memory overcommit must be enabled! Without it, a background save or "
                + "replication may fail under low memory condition. Being disabled, it can can also cause failures "
                + "without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this "
                + "issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command "
                + "'sysctl vm.overcommit_memory=1' for this to take effect.");
        log(up + 2, 'M', '*', "Loading RDB produced by version 7.0.15");
        log(up + 2, 'M', '*', "RDB age " + (up - t) / SECOND + " seconds");
        StringBuilder sb = new StringBuilder("RDB memory usage when created ");
        decimal(sb, 1.2 + random.nextDouble() * 3, 2).append(" Mb");
        log(up + 2, 'M', '*', sb.toString());
        log(up + 3, 'M', '*', "Done loading RDB, keys loaded: " + (keys[0] + keys[1] + keys[2]) + ", keys expired: "
                + random.nextInt(40) + ".");
        log(up + 3, 'M', '*', "DB loaded from disk: 0.00" + random.nextInt(9) + " seconds");
        log(up + 3, 'M', '*', "Ready to accept connections");
        quietUntil = up + SECOND;
    }
}
