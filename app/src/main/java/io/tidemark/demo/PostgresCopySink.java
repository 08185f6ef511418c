package io.tidemark.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Loads rows into PostgreSQL with COPY (text format), buffering a few megabytes per table. */
final class PostgresCopySink implements RowSink {

    private static final int FLUSH_CHARS = 4 << 20;
    private static final HexFormat HEX = HexFormat.of();

    private final Connection connection;
    private final CopyManager copy;
    private final Map<String, String> copyStatements = new HashMap<>();
    private final Map<String, StringBuilder> buffers = new HashMap<>();
    private final Set<String> touched = new HashSet<>();

    PostgresCopySink(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public void table(String table, List<String> columns) {
        copyStatements.put(table, "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
        buffers.put(table, new StringBuilder(1 << 16));
    }

    @Override
    public void add(String table, Object... values) throws SQLException {
        StringBuilder line = buffers.get(table);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            appendValue(line, values[i]);
        }
        line.append('\n');
        touched.add(table);
        if (line.length() >= FLUSH_CHARS) {
            flush(table);
        }
    }

    private static void appendValue(StringBuilder line, Object v) {
        if (v == null) {
            line.append("\\N");
        } else if (v instanceof Instant instant) {
            line.append(RowSink.timestamp(instant)).append("+00");
        } else if (v instanceof LocalDate day) {
            line.append(RowSink.date(day));
        } else if (v instanceof Boolean b) {
            line.append(b ? 't' : 'f');
        } else if (v instanceof byte[] bytes) {
            line.append("\\\\x").append(HEX.formatHex(bytes));
        } else if (v instanceof String s) {
            escape(line, s);
        } else {
            line.append(v);
        }
    }

    private static void escape(StringBuilder line, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> line.append(ch);
            }
        }
    }

    private void flush(String table) throws SQLException {
        StringBuilder buffer = buffers.get(table);
        if (buffer.isEmpty()) {
            return;
        }
        try {
            copy.copyIn(copyStatements.get(table), new StringReader(buffer.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
        buffer.setLength(0);
    }

    @Override
    public void commit() throws SQLException {
        // Parents were declared first; flushing in declaration order keeps deferred keys satisfiable at commit anyway.
        for (String table : copyStatements.keySet().stream().sorted(
                java.util.Comparator.comparingInt(DemoSchema.TABLES::indexOf)).toList()) {
            flush(table);
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        if (!touched.isEmpty()) {
            try (var s = connection.createStatement()) {
                for (String table : touched) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table + "))");
                }
            }
            connection.commit();
        }
    }
}
