package io.tidemark.config.history;

import io.tidemark.config.UserFolders;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.HistoryQuery;
import io.tidemark.core.history.HistoryStart;
import io.tidemark.core.history.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything Tidemark did, on every platform: a SQLite file that the window and the nightly command line both write
 * ({@code history.sqlite} in the user's data folder, or the file named by {@code TIDEMARK_HISTORY} when several
 * accounts share one). An action is recorded when it starts, before it changes anything, and again when it ends; one
 * whose process died before the end is listed as {@link Outcome#INTERRUPTED}.
 *
 * <p>Each call opens and closes its own connection, so a long-running window never holds the file: the store is safe
 * to share between processes (WAL journal, a busy timeout).
 */
public final class HistoryStore {

    /** The environment variable naming a shared history file. */
    public static final String HISTORY_VARIABLE = "TIDEMARK_HISTORY";

    private static final int SCHEMA_VERSION = 1;
    private static final String COLUMNS = "id, kind, platform_key, platform_title, os_user, host, pid, db_role, subject, "
            + "started_ms, finished_ms, outcome, plan, result, message";

    private static volatile String hostName;

    private final Path file;
    private final Clock clock;

    private HistoryStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The history of this user: {@code TIDEMARK_HISTORY} when set, otherwise {@code history.sqlite} in the data folder. */
    public static HistoryStore open(UserFolders folders) {
        String shared = System.getenv(HISTORY_VARIABLE);
        Path file = shared != null && !shared.isBlank() ? Path.of(shared) : folders.data().resolve("history.sqlite");
        return open(file, Clock.systemUTC());
    }

    /** The history kept in {@code file}, created on first use. */
    public static HistoryStore open(Path file, Clock clock) {
        HistoryStore store = new HistoryStore(file.toAbsolutePath().normalize(), clock);
        store.prepare();
        return store;
    }

    /** The file the history is kept in. */
    public Path file() {
        return file;
    }

    /**
     * Records that an action starts, with who runs it (the OS user, this host and process) and when.
     *
     * @return the entry's id, for {@link #finish}
     */
    public long begin(HistoryStart start) {
        String sql = "INSERT INTO action (kind, platform_key, platform_title, os_user, host, pid, db_role, subject, "
                + "started_ms, outcome, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, start.kind());
            s.setString(2, start.platformKey());
            s.setString(3, start.platformTitle());
            s.setString(4, System.getProperty("user.name"));
            s.setString(5, hostName());
            s.setLong(6, ProcessHandle.current().pid());
            s.setString(7, start.dbRole());
            s.setString(8, start.subject());
            s.setLong(9, clock.millis());
            s.setString(10, Outcome.RUNNING.name());
            s.setString(11, start.planJson());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("record the start of " + start.kind(), e);
        }
    }

    /** Records how the action {@code id} ended. */
    public void finish(long id, Outcome outcome, String resultJson, String message) {
        if (!outcome.ended()) {
            throw new IllegalArgumentException("An action finishes with an ended outcome, not " + outcome);
        }
        String sql = "UPDATE action SET finished_ms = ?, outcome = ?, result = ?, message = ? WHERE id = ?";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, clock.millis());
            s.setString(2, outcome.name());
            setText(s, 3, resultJson);
            setText(s, 4, message);
            s.setLong(5, id);
            if (s.executeUpdate() != 1) {
                throw new TidemarkException("The history has no action " + id + " to finish.");
            }
        } catch (SQLException e) {
            throw failure("record the end of action " + id, e);
        }
    }

    /** The entries the query selects, newest first. */
    public List<HistoryEntry> list(HistoryQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM action WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.platformKey() != null) {
            sql.append(" AND platform_key = ?");
            parameters.add(query.platformKey());
        }
        if (query.kind() != null) {
            sql.append(" AND kind = ?");
            parameters.add(query.kind());
        }
        if (query.since() != null) {
            sql.append(" AND started_ms >= ?");
            parameters.add(query.since().toEpochMilli());
        }
        sql.append(" ORDER BY started_ms DESC, id DESC");
        if (query.limit() > 0) {
            sql.append(" LIMIT ").append(query.limit());
        }
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** One entry by its id. */
    public Optional<HistoryEntry> get(long id) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM action WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private HistoryEntry entry(ResultSet rows) throws SQLException {
        Outcome outcome = Outcome.valueOf(rows.getString("outcome"));
        String host = rows.getString("host");
        long pid = rows.getLong("pid");
        if (outcome == Outcome.RUNNING && hostName().equals(host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
            outcome = Outcome.INTERRUPTED; // its process is gone from this machine: it will never finish
        }
        long finished = rows.getLong("finished_ms");
        boolean unfinished = rows.wasNull();
        return new HistoryEntry(rows.getLong("id"), rows.getString("kind"), rows.getString("platform_key"),
                rows.getString("platform_title"), rows.getString("os_user"), host, rows.getString("db_role"),
                rows.getString("subject"), Instant.ofEpochMilli(rows.getLong("started_ms")),
                unfinished ? null : Instant.ofEpochMilli(finished), outcome, rows.getString("plan"),
                rows.getString("result"), rows.getString("message"));
    }

    private void prepare() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new TidemarkException("Cannot create the folder of the history file " + file + ": " + e.getMessage(), e);
        }
        if (Files.exists(file)) {
            checkHeader();
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            int version;
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                version = r.next() ? r.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new TidemarkException("The history file " + file + " was written by a newer Tidemark (format "
                        + version + "); upgrade Tidemark to read it.");
            }
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("CREATE TABLE IF NOT EXISTS action ("
                    + "id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, platform_key TEXT NOT NULL, "
                    + "platform_title TEXT, os_user TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL, "
                    + "db_role TEXT, subject TEXT, started_ms INTEGER NOT NULL, finished_ms INTEGER, "
                    + "outcome TEXT NOT NULL, plan TEXT, result TEXT, message TEXT)");
            s.execute("CREATE INDEX IF NOT EXISTS action_started ON action (started_ms)");
            s.execute("CREATE INDEX IF NOT EXISTS action_platform ON action (platform_key, started_ms)");
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        } catch (SQLException e) {
            throw failure("prepare", e);
        }
    }

    private void checkHeader() {
        byte[] header = new byte[16];
        int read;
        try (var in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new TidemarkException("Cannot read the history file " + file + ": " + e.getMessage(), e);
        }
        if (read > 0 && !new String(header, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("SQLite format 3")) {
            throw new TidemarkException("The history file " + file + " is not a SQLite database; move it aside and "
                    + "Tidemark starts a new history.");
        }
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000"); // the window and a nightly run may write at the same moment
        }
        return c;
    }

    private TidemarkException failure(String what, SQLException e) {
        return new TidemarkException("Cannot " + what + " in the history file " + file + ": " + e.getMessage(), e);
    }

    private static void setText(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private static String hostName() {
        String host = hostName;
        if (host == null) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
            hostName = host;
        }
        return host;
    }
}
