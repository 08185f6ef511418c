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

    /**
     * Where the database's files are, when this machine can see them: the SQLite file's folder, or PostgreSQL's
     * data_directory when the role may read that setting and the folder exists here (a server on this machine).
     */
    public java.util.Optional<java.nio.file.Path> filesFolder() {
        if (db.kind() == DatabaseKind.SQLITE) {
            return java.util.Optional.ofNullable(java.nio.file.Path.of(db.target().location()).toAbsolutePath().getParent());
        }
        try (Connection c = db.connection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT setting FROM pg_settings WHERE name = 'data_directory'")) {
            if (rs.next() && rs.getString(1) != null) {
                java.nio.file.Path folder = java.nio.file.Path.of(rs.getString(1));
                return java.nio.file.Files.isDirectory(folder) ? java.util.Optional.of(folder) : java.util.Optional.empty();
            }
            return java.util.Optional.empty(); // the role may not read it (pg_read_all_settings)
        } catch (SQLException e) {
            return java.util.Optional.empty();
        }
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
