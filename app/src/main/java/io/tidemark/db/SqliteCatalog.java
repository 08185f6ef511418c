package io.tidemark.db;

import io.tidemark.core.DatabaseInfo;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.ForeignKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a SQLite file's schema, counts and page use. */
final class SqliteCatalog {

    private SqliteCatalog() {
    }

    static DatabaseInfo describe(Connection c, DatabaseTarget target) throws SQLException {
        String version;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT sqlite_version()")) {
            rs.next();
            version = rs.getString(1);
        }
        Path file = Path.of(target.location());
        boolean writable = Files.isWritable(file) && file.getParent() != null && Files.isWritable(file.getParent());
        String reason = writable ? null
                : "the file " + file + " (or its folder) is not writable by " + System.getProperty("user.name");
        return new DatabaseInfo(DatabaseKind.SQLITE, version, file.getFileName().toString(),
                System.getProperty("user.name"), !writable, reason);
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static long databaseBytes(DatabaseTarget target) {
        long total = 0;
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path part = Path.of(target.location() + suffix);
            try {
                if (Files.isRegularFile(part)) {
                    total += Files.size(part);
                }
            } catch (java.io.IOException e) {
                // vanished between the check and the size: it no longer counts
            }
        }
        return total;
    }

    static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        for (String table : tables(c)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?)")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(new ForeignKey(table, rs.getString(2), rs.getString(1), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        return keys;
    }
}
