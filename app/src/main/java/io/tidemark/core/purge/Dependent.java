package io.tidemark.core.purge;

import java.util.List;

/**
 * A table whose rows reference a purged table's rows and so must be deleted first, in the same batch (the platform's
 * foreign keys have no ON DELETE CASCADE).
 *
 * @param table            the referencing table
 * @param key              its key column (to reach its own dependents)
 * @param column           its column holding the referenced value
 * @param referencedColumn the referenced table's column
 * @param dependents       tables referencing this one in turn
 */
public record Dependent(String table, String key, String column, String referencedColumn, List<Dependent> dependents) {

    public Dependent {
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
    }
}
