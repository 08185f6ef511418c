package io.tidemark.actions.purge;

import io.tidemark.core.Cancellation;
import io.tidemark.core.purge.PurgePlan;

import java.util.List;
import java.util.Map;

/**
 * Archive first: runs before a purge deletes anything and says which rows are safely archived. The purge deletes
 * nothing of a table (and its dependents) for a tenant whose archive, or whose archive plugin, failed.
 * <p>The Archive feature implements it (its export + verify, and the archive plugins of {@code enabled_plugins.archives},
 * which receive the merged configuration as xivo-purge-db's plugins do). {@link #NONE} is "archive first" off.
 */
@FunctionalInterface
public interface ArchiveGate {

    /**
     * Archives and verifies what {@code plan} will delete, before any delete.
     *
     * @param plan          the plan, with its fixed cutoffs
     * @param configuration the merged purge configuration (plugins read their own keys from it)
     * @param cancellation  checked between units of work
     * @return what failed; everything else counts as archived
     */
    GateResult archiveBefore(PurgePlan plan, Map<String, Object> configuration, Cancellation cancellation);

    /** No archive: everything may be deleted. */
    ArchiveGate NONE = (plan, configuration, cancellation) -> GateResult.ALL_ARCHIVED;

    /**
     * What an archive run could not cover.
     *
     * @param failures each table/tenant whose archive did not complete and verify
     */
    record GateResult(List<Failure> failures) {

        /** Nothing failed. */
        public static final GateResult ALL_ARCHIVED = new GateResult(List.of());

        public GateResult {
            failures = failures == null ? List.of() : List.copyOf(failures);
        }
    }

    /**
     * One thing not archived.
     *
     * @param table   the table whose rows must stay (its whole family: dependents stay too); null for every table
     * @param tenant  the tenant whose rows must stay; null for every tenant
     * @param message why, in one sentence (shown to the administrator)
     */
    record Failure(String table, String tenant, String message) {
    }
}
