package io.tidemark.demo;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Bulk-loads generated rows into one database, table by table; values are Long, Double, String, Boolean, Instant, LocalDate, byte[] or null. */
interface RowSink extends AutoCloseable {

    /** Django's SQLite datetime text, and the text PostgreSQL reads for a timestamp (UTC). */
    DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Declares a table and its columns before rows are added to it. */
    void table(String table, List<String> columns) throws SQLException;

    /** Adds one row, values in the declared column order. */
    void add(String table, Object... values) throws SQLException;

    /** Makes everything added so far durable. */
    void commit() throws SQLException;

    @Override
    void close() throws SQLException;

    /** The text of a timestamp value. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** The text of a date value. */
    static String date(LocalDate day) {
        return day.toString();
    }
}
