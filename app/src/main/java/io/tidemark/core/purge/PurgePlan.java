package io.tidemark.core.purge;

import java.time.Instant;
import java.util.List;

/**
 * What a purge will delete, worked out before anything is deleted: per table rows and bytes with cutoffs fixed at
 * {@code createdAt}, children before parents, and files past their retention. A plan can be saved and executed later;
 * its cutoffs never move.
 *
 * @param id            a random id, also the key of the resume journal
 * @param platformKey   the platform it was made for ({@code PlatformSession.key()}); another platform refuses it
 * @param database      the database's name, for confirmations
 * @param createdAt     when it was made (the database's clock)
 * @param policy        the days it was made with, in words ("days_to_keep 365")
 * @param steps         table steps in execution order
 * @param files         files to delete
 * @param archiveFirst  whether archives are to be written and verified before any delete
 * @param vacuum        whether purged PostgreSQL tables get VACUUM (ANALYZE) afterwards
 * @param deletesEverything true when some cutoff is "now" (days_to_keep 0): needs a typed confirmation
 * @param tenantCleanup the tenant whose every row and file goes, or null for a retention purge
 * @param archives      archives past their window (listed; the Archive screen expires them with their rows)
 * @param notes         what the plan left out and why, one sentence each
 */
public record PurgePlan(String id, String platformKey, String database, Instant createdAt, String policy, List<TableStep> steps,
                        List<FileDelete> files, boolean archiveFirst, boolean vacuum, boolean deletesEverything,
                        String tenantCleanup, List<FileDelete> archives, List<String> notes) {

    public PurgePlan {
        steps = steps == null ? List.of() : List.copyOf(steps);
        files = files == null ? List.of() : List.copyOf(files);
        archives = archives == null ? List.of() : List.copyOf(archives);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Rows to delete, dependents included. */
    public long rows() {
        return steps.stream().mapToLong(s -> s.rows() + s.dependentRows()).sum();
    }

    /** Estimated bytes of those rows. */
    public long rowBytes() {
        return steps.stream().mapToLong(TableStep::bytes).sum();
    }

    /** Bytes of the files to delete. */
    public long fileBytes() {
        return files.stream().mapToLong(FileDelete::bytes).sum();
    }

    /** The tables touched, in execution order, dependents first. */
    public List<String> tables() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (TableStep s : steps) {
            collect(s.dependents(), names);
            names.add(s.table());
        }
        return List.copyOf(names);
    }

    private static void collect(List<Dependent> dependents, java.util.Set<String> into) {
        for (Dependent d : dependents) {
            collect(d.dependents(), into);
            into.add(d.table());
        }
    }

    /** Whether there is nothing to delete. */
    public boolean isEmpty() {
        return rows() == 0 && files.isEmpty() && steps.stream().allMatch(s -> s.partitions().isEmpty());
    }

    /** The same plan with other steps (an archive gate removed some). */
    public PurgePlan withSteps(List<TableStep> newSteps, List<FileDelete> newFiles) {
        return new PurgePlan(id, platformKey, database, createdAt, policy, newSteps, newFiles, archiveFirst, vacuum,
                deletesEverything, tenantCleanup, archives, notes);
    }
}
