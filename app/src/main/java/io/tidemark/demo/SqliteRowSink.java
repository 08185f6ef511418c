package io.tidemark.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads rows into a SQLite database with prepared statements in batches, one transaction between commits. */
final class SqliteRowSink implements RowSink {

    private static final int BATCH = 2_000;

    private final Connection connection;
    private final Map<String, PreparedStatement> inserts = new HashMap<>();
    private final Map<String, Integer> pending = new HashMap<>();

    SqliteRowSink(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    @Override
    public void table(String table, List<String> columns) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        inserts.put(table, connection.prepareStatement(
                "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")"));
        pending.put(table, 0);
    }

    @Override
    public void add(String table, Object... values) throws SQLException {
        PreparedStatement ps = inserts.get(table);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Instant instant) {
                ps.setString(i + 1, RowSink.timestamp(instant));
            } else if (v instanceof LocalDate day) {
                ps.setString(i + 1, RowSink.date(day));
            } else if (v instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else {
                ps.setObject(i + 1, v);
            }
        }
        ps.addBatch();
        int count = pending.merge(table, 1, Integer::sum);
        if (count >= BATCH) {
            ps.executeBatch();
            pending.put(table, 0);
        }
    }

    @Override
    public void commit() throws SQLException {
        for (Map.Entry<String, PreparedStatement> e : inserts.entrySet()) {
            if (pending.get(e.getKey()) > 0) {
                e.getValue().executeBatch();
                pending.put(e.getKey(), 0);
            }
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : inserts.values()) {
            ps.close();
        }
    }
}
