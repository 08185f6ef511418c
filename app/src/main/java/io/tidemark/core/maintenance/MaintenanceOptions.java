package io.tidemark.core.maintenance;

import java.time.Duration;

/**
 * How a maintenance command runs. Options a server does not support are refused with the version they need
 * ({@link VacuumSyntax}); null means "the server's default".
 *
 * @param analyze      VACUUM (ANALYZE): refresh the planner's statistics too
 * @param freeze       VACUUM (FREEZE): freeze every row now
 * @param skipLocked   VACUUM (SKIP_LOCKED): skip a table whose lock is taken instead of waiting (PostgreSQL 12+)
 * @param indexCleanup VACUUM (INDEX_CLEANUP AUTO|ON|OFF) (PostgreSQL 12+; AUTO 14+), or null
 * @param truncate     VACUUM (TRUNCATE): give empty end pages back to the disk (PostgreSQL 12+), or null
 * @param parallel     VACUUM (PARALLEL n): index workers (PostgreSQL 13+), or null
 * @param processToast VACUUM (PROCESS_TOAST) (PostgreSQL 14+), or null
 * @param bufferUsageLimit VACUUM / ANALYZE (BUFFER_USAGE_LIMIT '256MB'): the ring of shared buffers it may use (PostgreSQL 16+), or null
 * @param concurrently REINDEX CONCURRENTLY: do not block writes (PostgreSQL 12+)
 * @param lockTimeout  how long a command waits for its table's lock before giving up (never unbounded)
 */
public record MaintenanceOptions(boolean analyze, boolean freeze, boolean skipLocked, String indexCleanup, Boolean truncate,
                                 Integer parallel, Boolean processToast, String bufferUsageLimit, boolean concurrently,
                                 Duration lockTimeout) {

    /** The default wait for a lock: long enough for a short transaction to end, short enough never to stall the platform. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    /** Server defaults and a 5 s lock timeout. */
    public static MaintenanceOptions defaults() {
        return new MaintenanceOptions(false, false, false, null, null, null, null, null, false, DEFAULT_LOCK_TIMEOUT);
    }

    public MaintenanceOptions {
        if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("The lock timeout must be positive");
        }
        if (indexCleanup != null && !indexCleanup.matches("(?i)auto|on|off")) {
            throw new IllegalArgumentException("INDEX_CLEANUP is AUTO, ON or OFF, not " + indexCleanup);
        }
        if (bufferUsageLimit != null && !bufferUsageLimit.matches("(?i)\\d+\\s*(kB|MB|GB|TB)?")) {
            throw new IllegalArgumentException("BUFFER_USAGE_LIMIT is a size such as 256MB, not " + bufferUsageLimit);
        }
        if (parallel != null && parallel < 0) {
            throw new IllegalArgumentException("PARALLEL takes 0 or more workers");
        }
    }

    public MaintenanceOptions withAnalyze(boolean value) {
        return new MaintenanceOptions(value, freeze, skipLocked, indexCleanup, truncate, parallel, processToast, bufferUsageLimit, concurrently, lockTimeout);
    }

    public MaintenanceOptions withConcurrently(boolean value) {
        return new MaintenanceOptions(analyze, freeze, skipLocked, indexCleanup, truncate, parallel, processToast, bufferUsageLimit, value, lockTimeout);
    }

    public MaintenanceOptions withLockTimeout(Duration value) {
        return new MaintenanceOptions(analyze, freeze, skipLocked, indexCleanup, truncate, parallel, processToast, bufferUsageLimit, concurrently, value);
    }
}
