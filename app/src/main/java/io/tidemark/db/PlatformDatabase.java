package io.tidemark.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tidemark.core.DatabaseInfo;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.TidemarkException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;

/**
 * An open, pooled connection to a platform's database (PostgreSQL through HikariCP, or a SQLite file).
 * The pool reconnects by itself when a server comes back; {@link #ping()} tells whether it is reachable now.
 */
public final class PlatformDatabase implements AutoCloseable {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final DatabaseTarget target;
    private final String user;
    private final HikariDataSource pool;

    private PlatformDatabase(DatabaseTarget target, String user, HikariDataSource pool) {
        this.target = target;
        this.user = user;
        this.pool = pool;
    }

    /**
     * Connects, asking {@code passwords} only when the server wants a password that neither {@code PGPASSWORD} nor
     * the pgpass file gave.
     *
     * @throws TidemarkException with a sentence saying what to fix when the database cannot be reached
     */
    public static PlatformDatabase open(DatabaseTarget target, String user, PasswordSource passwords) {
        return switch (target.kind()) {
            case POSTGRESQL -> openPostgres(target, user, passwords);
            case SQLITE -> openSqlite(target);
        };
    }

    /** The database's location. */
    public DatabaseTarget target() {
        return target;
    }

    /** The engine. */
    public DatabaseKind kind() {
        return target.kind();
    }

    /** The pooled data source; callers borrow connections and close them promptly. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * How many connections work running side by side may hold at once: the pool's size less two, kept for the rest of
     * the application (a screen refreshing, the archive-table row written after an export). At least one.
     */
    public int connectionsForParallelWork() {
        return Math.max(1, pool.getMaximumPoolSize() - 2);
    }

    /** Borrows a connection from the pool. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Whether the database answers now (a short round trip). */
    public boolean ping() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The role Tidemark works as. */
    public String user() {
        return user;
    }

    /** Reads the server version, the database name and whether we may write. */
    public DatabaseInfo describe() {
        try (Connection c = connection()) {
            return target.kind() == DatabaseKind.POSTGRESQL ? PostgresCatalog.describe(c, user) : SqliteCatalog.describe(c, target);
        } catch (SQLException e) {
            throw new TidemarkException("Cannot read the database's description: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static PlatformDatabase openPostgres(DatabaseTarget target, String requestedUser, PasswordSource passwords) {
        Properties props = new Properties();
        String user = firstNonBlank(requestedUser, urlParameter(target.location(), "user"), System.getenv("PGUSER"),
                System.getProperty("user.name"));
        props.setProperty("user", user);
        props.setProperty("ApplicationName", "Tidemark");
        props.setProperty("connectTimeout", "10");
        String password = firstNonBlank(System.getenv("PGPASSWORD"));
        if (password != null) {
            props.setProperty("password", password);
        }
        // Probe once directly: the driver's own exception says what is wrong (the pool would wrap it).
        for (int attempt = 0; ; attempt++) {
            try (Connection probe = DriverManager.getConnection(target.location(), props)) {
                probe.isValid(5);
                break;
            } catch (SQLException e) {
                if (attempt < 3 && ConnectionProblem.needsPassword(e)) {
                    String reason = props.containsKey("password") ? "the password was rejected" : "the server asks for a password";
                    Optional<char[]> typed = passwords.password(target, user, reason);
                    if (typed.isPresent()) {
                        props.setProperty("password", new String(typed.get()));
                        Arrays.fill(typed.get(), '\0');
                        continue;
                    }
                }
                throw ConnectionProblem.explain(target, user, e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("tidemark-pg");
        config.setJdbcUrl(target.location());
        config.setDataSourceProperties(props);
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setValidationTimeout(3_000);
        config.setInitializationFailTimeout(-1);
        return new PlatformDatabase(target, user, new HikariDataSource(config));
    }

    private static PlatformDatabase openSqlite(DatabaseTarget target) {
        Path file = Path.of(target.location()).toAbsolutePath();
        if (!Files.exists(file)) {
            throw new TidemarkException("The SQLite database " + file + " does not exist. Check the path "
                    + "(on small installs it is the .sqlite3 file in DATA_DIR).");
        }
        if (!Files.isRegularFile(file)) {
            throw new TidemarkException(file + " is not a file: give the path of the platform's SQLite database file.");
        }
        if (!Files.isReadable(file)) {
            throw new TidemarkException("The SQLite database " + file + " cannot be read by the user "
                    + System.getProperty("user.name") + ": check its permissions.");
        }
        requireSqliteHeader(file);
        boolean writable = Files.isWritable(file) && Files.isWritable(file.getParent());
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setOpenMode(writable ? org.sqlite.SQLiteOpenMode.READWRITE : org.sqlite.SQLiteOpenMode.READONLY);
        sqlite.setReadOnly(!writable);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        HikariConfig config = new HikariConfig();
        config.setPoolName("tidemark-sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setDataSourceProperties(sqlite.toProperties());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(-1);
        PlatformDatabase db = new PlatformDatabase(new DatabaseTarget(DatabaseKind.SQLITE, file.toString()),
                System.getProperty("user.name"), new HikariDataSource(config));
        try (Connection c = db.connection()) {
            c.createStatement().execute("SELECT count(*) FROM sqlite_master");
        } catch (SQLException e) {
            db.close();
            throw new TidemarkException("The SQLite database " + file + " cannot be opened: " + e.getMessage(), e);
        }
        return db;
    }

    private static void requireSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (head.length == 0) {
                throw new TidemarkException("The file " + file + " is empty: it is not a platform database.");
            }
            if (!Arrays.equals(head, SQLITE_MAGIC)) {
                throw new TidemarkException("The file " + file + " is not a SQLite database.");
            }
        } catch (IOException e) {
            throw new TidemarkException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String urlParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
