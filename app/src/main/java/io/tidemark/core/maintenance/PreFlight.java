package io.tidemark.core.maintenance;

import java.util.List;

/**
 * What a maintenance command will cost, told before it runs: the statements, the space it returns and needs, how long it
 * should take, who holds locks on its tables now, and what it blocks.
 *
 * @param request         the command
 * @param engine          "PostgreSQL 15.4" / "SQLite 3.46.1"
 * @param statements      the SQL it will run, in order
 * @param tables          per table figures
 * @param reclaimBytes    the total it should return to the disk (-1 unknown; 0 for commands that return nothing)
 * @param errorBytes      ± error of {@code reclaimBytes}
 * @param reclaimMethod   how the reclaim was obtained, in words ("measured by pgstattuple_approx", "estimated from statistics: …")
 * @param diskNeededBytes the free disk it needs while it runs (-1 unknown)
 * @param diskFreeBytes   the free disk where it writes, when it can be known here (-1 unknown)
 * @param diskNote        where the free disk figure comes from, or why it is unknown
 * @param expectedSeconds the expected duration (-1 unknown)
 * @param durationNote    where the duration comes from ("measured rate of 3 earlier runs: 41 MB/s", "no earlier run: unknown")
 * @param locks           sessions holding or waiting for locks on its tables now
 * @param warnings        what the administrator must know (writes wait, not enough disk…)
 * @param pgRepack        whether pg_repack is installed (the online alternative to VACUUM FULL)
 * @param confirmName     the name to type to confirm, or null when none is needed
 * @param refusal         why it cannot run at all (read-only role, option not supported), or null
 */
public record PreFlight(MaintenanceRequest request, String engine, List<String> statements, List<TableEstimate> tables,
                        long reclaimBytes, long errorBytes, String reclaimMethod, long diskNeededBytes, long diskFreeBytes,
                        String diskNote, long expectedSeconds, String durationNote, List<LockHolder> locks,
                        List<String> warnings, boolean pgRepack, String confirmName, String refusal) {

    public PreFlight {
        statements = List.copyOf(statements);
        tables = List.copyOf(tables);
        locks = List.copyOf(locks);
        warnings = List.copyOf(warnings);
    }

    /** Whether the free disk is known and too small for what the command needs. */
    public boolean notEnoughDisk() {
        return diskNeededBytes >= 0 && diskFreeBytes >= 0 && diskFreeBytes < diskNeededBytes;
    }

    /** Total bytes of the tables it covers. */
    public long totalBytes() {
        return tables.stream().mapToLong(TableEstimate::totalBytes).sum();
    }

    /** The same report with the free disk where the command writes, once the caller could read it. */
    public PreFlight withDisk(long freeBytes, String note) {
        List<String> more = new java.util.ArrayList<>(warnings);
        if (diskNeededBytes >= 0 && freeBytes >= 0 && freeBytes < diskNeededBytes) {
            more.add("Not enough free disk: it needs " + io.tidemark.core.ByteSize.format(diskNeededBytes) + " and "
                    + io.tidemark.core.ByteSize.format(freeBytes) + " is free.");
        }
        return new PreFlight(request, engine, statements, tables, reclaimBytes, errorBytes, reclaimMethod, diskNeededBytes, freeBytes,
                note, expectedSeconds, durationNote, locks, more, pgRepack, confirmName, refusal);
    }

    /** The same report with a reason it cannot run. */
    public PreFlight refused(String reason) {
        return new PreFlight(request, engine, statements, tables, reclaimBytes, errorBytes, reclaimMethod, diskNeededBytes, diskFreeBytes,
                diskNote, expectedSeconds, durationNote, locks, warnings, pgRepack, confirmName, reason);
    }
}
