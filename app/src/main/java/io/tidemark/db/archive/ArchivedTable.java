package io.tidemark.db.archive;

import java.util.List;

/**
 * A table an archive holds, with its columns as the source database describes them.
 *
 * @param name            the table
 * @param key             its primary key column
 * @param columns         its columns, in the database's order
 * @param parentTable     the table its rows belong to, or null for the family's root
 * @param parentColumn    this table's column holding the parent's key
 * @param retentionColumn the root's timestamp column that places a row in a day (root only)
 * @param tenantColumn    the root's tenant column (root only)
 */
public record ArchivedTable(String name, String key, List<Column> columns, String parentTable, String parentColumn,
                            String retentionColumn, String tenantColumn) {

    public ArchivedTable {
        columns = List.copyOf(columns);
    }

    /** The column names. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * One column.
     *
     * @param name the column
     * @param type the database's type name ("timestamp with time zone", "bigint", "datetime")
     * @param kind how its values are stored in a SQLite archive
     */
    public record Column(String name, String type, ValueKind kind) {
    }

    /** How a value is carried: as an integer, a real, a blob or text (booleans as 0/1 integers). */
    public enum ValueKind {
        INTEGER("INTEGER"), REAL("REAL"), BOOLEAN("INTEGER"), BLOB("BLOB"), TEXT("TEXT");

        private final String sqliteType;

        ValueKind(String sqliteType) {
            this.sqliteType = sqliteType;
        }

        /** The column type declared in a SQLite archive. */
        public String sqliteType() {
            return sqliteType;
        }

        /** The kind of a JDBC type. */
        static ValueKind of(int jdbcType, String typeName) {
            return switch (jdbcType) {
                case java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.SMALLINT, java.sql.Types.TINYINT -> INTEGER;
                case java.sql.Types.REAL, java.sql.Types.FLOAT, java.sql.Types.DOUBLE -> REAL;
                case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> typeName != null && typeName.toLowerCase(java.util.Locale.ROOT)
                        .startsWith("bit(") ? TEXT : BOOLEAN;
                case java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY, java.sql.Types.BLOB -> BLOB;
                default -> TEXT;
            };
        }
    }
}
