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
            return postgres(value.substring("jdbc:postgresql:".length()));
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return postgres(value.substring(value.indexOf(':') + 1));
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

    /**
     * A PostgreSQL URL from what follows the scheme ({@code //user@host:port/db?params}): a user name before the host
     * becomes the {@code user} parameter (pgjdbc does not read it there); a password is refused, never carried.
     */
    private static DatabaseTarget postgres(String rest) {
        // pgjdbc's short forms jdbc:postgresql:database and jdbc:postgresql:/ mean the local server on port 5432.
        String body = rest.startsWith("//") ? rest.substring(2) : "localhost:5432/" + (rest.startsWith("/") ? rest.substring(1) : rest);
        int query = body.indexOf('?');
        String path = query < 0 ? body : body.substring(0, query);
        String params = query < 0 ? "" : body.substring(query + 1);
        for (String pair : params.split("&")) {
            if (pair.toLowerCase(Locale.ROOT).startsWith("password=")) {
                throw new TidemarkException(PASSWORD_IN_URL);
            }
        }
        int at = path.lastIndexOf('@', path.indexOf('/') < 0 ? path.length() : path.indexOf('/'));
        if (at >= 0) {
            String userInfo = path.substring(0, at);
            if (userInfo.contains(":")) {
                throw new TidemarkException(PASSWORD_IN_URL);
            }
            path = path.substring(at + 1);
            params = params.isEmpty() ? "user=" + userInfo : params + "&user=" + userInfo;
        }
        if (path.isEmpty() || path.startsWith("/")) {
            path = "localhost:5432" + (path.isEmpty() ? "/" : path);
        }
        return new DatabaseTarget(DatabaseKind.POSTGRESQL, "jdbc:postgresql://" + path + (params.isEmpty() ? "" : "?" + params));
    }

    private static final String PASSWORD_IN_URL = "The URL holds a password: Tidemark never keeps one in a connection. "
            + "Put it in PGPASSWORD or your pgpass file, or type it when asked.";

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
