package io.tidemark.core;

/**
 * A foreign key read from the database's own catalog.
 *
 * @param childTable   the referencing table
 * @param childColumn  its referencing column
 * @param parentTable  the referenced table
 * @param parentColumn the referenced column
 * @param onDelete     the delete rule as the catalog spells it ("NO ACTION", "CASCADE"…)
 */
public record ForeignKey(String childTable, String childColumn, String parentTable, String parentColumn, String onDelete) {

    /** Whether deleting a parent row also deletes this table's rows. */
    public boolean cascades() {
        return "CASCADE".equalsIgnoreCase(onDelete);
    }
}
