package io.tidemark.core;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the platform's database is: a PostgreSQL JDBC URL or a SQLite file. Holds no password.
 *
 * @param kind     the engine
 * @param location the JDBC URL for PostgreSQL, the file path for SQLite
 */
public record DatabaseTarget(DatabaseKind kind, String location) {

    public DatabaseTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Reads what a user typed after {@code --db}: {@code jdbc:postgresql://…}, {@code postgresql://…}
     * (libpq style), {@code jdbc:sqlite:FILE}, or a plain path to a SQLite file.
     */
    public static DatabaseTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new TidemarkException("No database given: pass a PostgreSQL JDBC URL or the path of a SQLite file.");
        }
        String value = text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseTarget(DatabaseKind.POSTGRESQL, value);
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return new DatabaseTarget(DatabaseKind.POSTGRESQL, "jdbc:postgresql://" + value.substring(value.indexOf("://") + 3));
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return new DatabaseTarget(DatabaseKind.SQLITE, value.substring("jdbc:sqlite:".length()));
        }
        if (lower.startsWith("jdbc:")) {
            throw new TidemarkException("Unsupported database URL '" + value + "': Tidemark connects to PostgreSQL "
                    + "(jdbc:postgresql://host:port/database) or to a SQLite file.");
        }
        return new DatabaseTarget(DatabaseKind.SQLITE, value);
    }

    /** A short label: the SQLite file's name, or {@code database@host} for PostgreSQL. */
    public String shortName() {
        if (kind == DatabaseKind.SQLITE) {
            String normalized = location.replace('\\', '/');
            return normalized.substring(normalized.lastIndexOf('/') + 1);
        }
        String rest = location.substring("jdbc:postgresql://".length());
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        return database.isEmpty() ? host : database + "@" + host;
    }

    /** The location as a user would type it again (the SQLite path or the PostgreSQL URL). */
    @Override
    public String toString() {
        return location;
    }
}
