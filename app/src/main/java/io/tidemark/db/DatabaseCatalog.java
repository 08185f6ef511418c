package io.tidemark.db;

import io.tidemark.core.DatabaseKind;
import io.tidemark.core.ForeignKey;
import io.tidemark.core.TidemarkException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What a platform's database holds: its tables, their sizes and the foreign keys between them, from its own catalog. */
public final class DatabaseCatalog {

    private final PlatformDatabase db;

    public DatabaseCatalog(PlatformDatabase db) {
        this.db = db;
    }

    /** The names of the user tables, sorted. */
    public List<String> tables() {
        return read(c -> db.kind() == DatabaseKind.POSTGRESQL ? PostgresCatalog.tables(c) : SqliteCatalog.tables(c));
    }

    /** The database's size on disk, in bytes. */
    public long databaseBytes() {
        return db.kind() == DatabaseKind.SQLITE ? SqliteCatalog.databaseBytes(db.target()) : read(PostgresCatalog::databaseBytes);
    }

    /** Every foreign key between user tables. */
    public List<ForeignKey> foreignKeys() {
        return read(c -> db.kind() == DatabaseKind.POSTGRESQL ? PostgresCatalog.foreignKeys(c) : SqliteCatalog.foreignKeys(c));
    }

    private <T> T read(CatalogQuery<T> query) {
        try (Connection c = db.connection()) {
            return query.run(c);
        } catch (SQLException e) {
            throw new TidemarkException("Reading the database catalog failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface CatalogQuery<T> {
        T run(Connection c) throws SQLException;
    }
}
