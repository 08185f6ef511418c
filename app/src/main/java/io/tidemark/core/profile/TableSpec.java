package io.tidemark.core.profile;

/**
 * One table the profile manages.
 *
 * @param name            the table name in the database
 * @param family          the group whose rows live and die together ("message_log"), named after its root table
 * @param key             the primary key column, used to walk the table in batches
 * @param retentionColumn the timestamp column that decides a row's age, or null when the row's age is its parent's
 * @param tenantColumn    the column holding the tenant's id, or null for a platform without tenants
 * @param parent          the table this one's rows belong to, or null for a root table
 * @param optional        true when some releases of the platform do not have this table
 */
public record TableSpec(
        String name,
        String family,
        String key,
        String retentionColumn,
        String tenantColumn,
        ParentLink parent,
        boolean optional) {

    public TableSpec {
        key = key == null ? "id" : key;
        family = family == null ? name : family;
    }

    /** A child's link to its parent: the parent table and this table's column that holds the parent's key. */
    public record ParentLink(String table, String column) {
    }
}
