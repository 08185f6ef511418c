package io.tidemark.core.maintenance;

import java.time.Instant;

/**
 * Another session that holds or waits for a lock on a table now: it would block the command, or the command would block it.
 *
 * @param pid         the server process
 * @param user        its role
 * @param application its application_name
 * @param state       active, idle in transaction…
 * @param since       when its transaction (or, without one, its connection) started; null when not visible to this role
 * @param table       the table locked
 * @param mode        the lock mode (AccessShareLock…)
 * @param granted     whether it holds the lock (false: it waits for it)
 * @param query       its current or last statement, shortened
 */
public record LockHolder(int pid, String user, String application, String state, Instant since, String table, String mode,
                         boolean granted, String query) {

    /** "pid 4242 (app_user, celery, idle in transaction since 12:04:11) holds AccessShareLock on events". */
    public String describe() {
        return "pid " + pid + " (" + (user == null ? "?" : user)
                + (application == null || application.isBlank() ? "" : ", " + application)
                + (state == null ? "" : ", " + state) + (since == null ? "" : " since " + since) + ") "
                + (granted ? "holds " : "waits for ") + mode + " on " + table;
    }
}
