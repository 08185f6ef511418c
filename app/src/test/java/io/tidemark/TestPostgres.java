package io.tidemark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests: the one named by {@code TIDEMARK_TEST_PG_URL} (a JDBC URL with rights to create
 * databases) when set, otherwise an embedded server started once per test run. Each caller gets a fresh database.
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String adminUrl;
    private static EmbeddedPostgres embedded;
    private static final java.util.List<String> CREATED = new java.util.ArrayList<>();

    private TestPostgres() {
    }

    /** A JDBC URL of a new, empty database (with user and password parameters as needed). */
    public static synchronized String newDatabase() {
        String admin = adminUrl();
        String name = "tidemark_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + admin + ": " + e.getMessage(), e);
        }
        return withDatabase(admin, name);
    }

    private static String adminUrl() {
        if (adminUrl != null) {
            return adminUrl;
        }
        String given = System.getenv("TIDEMARK_TEST_PG_URL");
        if (given != null && !given.isBlank()) {
            adminUrl = given;
            // A shared server keeps what tests leave: drop their databases when the test JVM ends.
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated));
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's temp folder goes with the next cleanup
                }
            }));
        }
        return adminUrl;
    }

    private static void dropCreated() {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // Best effort at exit: a leftover test database is harmless and named tidemark_test_<pid>_<n>.
        }
    }

    /** {@code url} pointing at database {@code name}, keeping its parameters. */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + name + params;
    }

    /**
     * Waits until no transaction on the server (in any database) is older than the last change made on {@code url}, so
     * a VACUUM FULL there may remove every row deleted so far: its snapshot would otherwise keep them. A shared test
     * server may be running someone else's long transaction; this waits for it to end, it does not time anything.
     */
    public static void awaitNoOlderTransaction(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long mine;
            try (var rs = s.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
                rs.next();
                mine = rs.getLong(1);
            }
            // Other sessions on a shared server finish on their own time: poll, bounded.
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.MINUTES, () -> {
                try (var rs = s.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) {
                    rs.next();
                    return rs.getLong(1) > mine;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("A transaction on the test server stayed open for 10 minutes", e);
        }
    }
}
