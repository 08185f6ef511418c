package io.tidemark.db.archive;

import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.core.profile.TableSpec;
import io.tidemark.db.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tables one archive holds: a profile family's root table (rows placed in a day by its retention column and in a
 * tenant by its tenant column) and every table below it, parents first, so an archive is self-contained.
 */
public record ArchiveFamily(String name, List<ArchivedTable> tables, String rootKeyType) {

    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /**
     * @param rootKeyType the SQL type of the root's key on PostgreSQL ({@code bigint}), null on SQLite: an export
     *                    reads the day's root keys once and finds every table's rows by them
     */
    public ArchiveFamily {
        tables = List.copyOf(tables);
    }

    /** The family's root table. */
    public ArchivedTable root() {
        return tables.get(0);
    }

    /** A table by name. */
    public Optional<ArchivedTable> table(String table) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(table)).findFirst();
    }

    /**
     * The family archives hold: the first family of the profile whose root has a retention and a tenant column and
     * whose tables include children (the message log and its payloads on the monitoring platform).
     */
    public static String archivedFamilyName(PlatformProfile profile) {
        for (TableSpec t : profile.tables()) {
            if (t.parent() == null && t.retentionColumn() != null && t.tenantColumn() != null
                    && profile.tables().stream().anyMatch(c -> c.parent() != null && c.family().equals(t.family()))) {
                return t.family();
            }
        }
        throw new TidemarkException("The profile " + profile.name() + " has no table family to archive "
                + "(a root table with retention and tenant columns, and child tables).");
    }

    /** Reads the family's tables and their columns from the database (tables the database lacks are left out). */
    public static ArchiveFamily read(Connection c, PlatformProfile profile) throws SQLException {
        String family = archivedFamilyName(profile);
        List<TableSpec> specs = profile.tables().stream().filter(t -> t.family().equals(family)).toList();
        List<TableSpec> ordered = new ArrayList<>();
        for (TableSpec t : specs) {
            if (t.parent() == null) {
                ordered.add(t);
            }
        }
        // Children after their parents, whatever order the profile lists them in.
        for (int pass = 0; pass < specs.size() && ordered.size() < specs.size(); pass++) {
            for (TableSpec t : specs) {
                if (!ordered.contains(t) && t.parent() != null
                        && ordered.stream().anyMatch(p -> p.name().equalsIgnoreCase(t.parent().table()))) {
                    ordered.add(t);
                }
            }
        }
        List<ArchivedTable> tables = new ArrayList<>();
        for (TableSpec t : ordered) {
            List<ArchivedTable.Column> columns = columns(c, t.name());
            if (columns.isEmpty()) {
                if (t.parent() == null) {
                    throw new TidemarkException("The database has no table " + t.name() + " to archive.");
                }
                continue;
            }
            tables.add(new ArchivedTable(t.name(), t.key(), columns, t.parent() == null ? null : t.parent().table(),
                    t.parent() == null ? null : t.parent().column(), t.retentionColumn(), t.tenantColumn()));
        }
        return new ArchiveFamily(family, tables, keyType(c, tables.get(0)));
    }

    /** The SQL type of {@code table}'s key on PostgreSQL (as {@code format_type} writes it), null elsewhere. */
    private static String keyType(Connection c, ArchivedTable table) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                + " WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ? AND NOT a.attisdropped")) {
            ps.setString(1, SqlNames.quote(table.name()));
            ps.setString(2, table.key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<ArchivedTable.Column> columns(Connection c, String table) throws SQLException {
        List<ArchivedTable.Column> columns = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + SqlNames.quote(table) + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(new ArchivedTable.Column(md.getColumnName(i), md.getColumnTypeName(i),
                        ArchivedTable.ValueKind.of(md.getColumnType(i), md.getColumnTypeName(i))));
            }
        } catch (SQLException e) {
            return List.of(); // the table is not there
        }
        return columns;
    }

    /** The root's condition placing a row in the tenant's day, with two or three parameters bound by {@link #bind}. */
    private String rootCondition(String alias) {
        ArchivedTable root = root();
        return alias + SqlNames.quote(root.tenantColumn()) + " = ? AND " + alias + SqlNames.quote(root.retentionColumn())
                + " >= ? AND " + alias + SqlNames.quote(root.retentionColumn()) + " < ?";
    }

    /** The keys of the tenant-day's rows in {@code table}, as a sub-select whose root rows meet {@code rootWhere}. */
    private String keysOf(ArchivedTable table, String rootWhere) {
        if (table.parentTable() == null) {
            return "SELECT " + SqlNames.quote(table.key()) + " FROM " + SqlNames.quote(table.name()) + " WHERE " + rootWhere;
        }
        ArchivedTable parent = table(table.parentTable()).orElseThrow();
        return "SELECT " + SqlNames.quote(table.key()) + " FROM " + SqlNames.quote(table.name()) + " WHERE "
                + SqlNames.quote(table.parentColumn()) + " IN (" + keysOf(parent, rootWhere) + ")";
    }

    /** The rows of {@code table} below root rows meeting {@code rootWhere}, in key order. */
    private String select(ArchivedTable table, String rootWhere) {
        String cols = String.join(", ", table.columnNames().stream().map(SqlNames::quote).toList());
        String where = table.parentTable() == null ? rootWhere
                : SqlNames.quote(table.parentColumn()) + " IN (" + keysOf(table(table.parentTable()).orElseThrow(), rootWhere) + ")";
        return "SELECT " + cols + " FROM " + SqlNames.quote(table.name()) + " WHERE " + where + " ORDER BY " + SqlNames.quote(table.key());
    }

    /** Above this many root rows in a tenant-day, each table is read by the day's condition (a scan is then cheaper). */
    public static final int MAX_ROOT_KEYS = 50_000;

    /**
     * The tenant-day's root keys as text, in key order (PostgreSQL): read once per export, in its snapshot, they let
     * every table be read by index probes instead of scanning the whole day of every tenant once per table.
     */
    public List<String> rootKeys(Connection c, long tenantId, LocalDate day) throws SQLException {
        ArchivedTable root = root();
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(" + SqlNames.quote(root.key()) + " AS text) FROM "
                + SqlNames.quote(root.name()) + " WHERE " + rootCondition("") + " ORDER BY " + SqlNames.quote(root.key()))) {
            bind(ps, DatabaseKind.POSTGRESQL, tenantId, day);
            ps.setFetchSize(10_000);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        }
    }

    /** SELECT of {@code table}'s rows below the root keys, written in as an array literal (for COPY, which takes no parameters). */
    public String selectByRootKeysLiteral(ArchivedTable table, List<String> keys) {
        StringBuilder array = new StringBuilder("'{");
        for (int i = 0; i < keys.size(); i++) {
            array.append(i == 0 ? "" : ",").append('"')
                    .append(keys.get(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "''")).append('"');
        }
        array.append("}'");
        return select(table, SqlNames.quote(root().key()) + " = ANY (CAST(" + array + " AS " + rootKeyType + "[]))");
    }

    /**
     * SELECT of {@code table}'s rows whose root key (the root's key, or a child's parent column) lies in
     * {@code [low, high]}, in key order: a day of every tenant in one pass, for {@link ArchiveReads#day}.
     */
    public String selectKeyRange(ArchivedTable table, long low, long high) {
        String cols = String.join(", ", table.columnNames().stream().map(SqlNames::quote).toList());
        String column = table.parentTable() == null ? table.key() : table.parentColumn();
        return "SELECT " + cols + " FROM " + SqlNames.quote(table.name()) + " WHERE " + SqlNames.quote(column) + " BETWEEN " + low
                + " AND " + high + " ORDER BY " + SqlNames.quote(table.key());
    }

    /** SELECT of the tenant-day's rows of {@code table} in key order (3 parameters: tenant id, day start, day end). */
    public String selectDay(ArchivedTable table) {
        return select(table, rootCondition(""));
    }

    /** Binds the tenant and the day's bounds (UTC) to a statement from {@link #selectDay}. */
    public static void bind(PreparedStatement ps, DatabaseKind kind, long tenantId, LocalDate day) throws SQLException {
        ps.setLong(1, tenantId);
        if (kind == DatabaseKind.POSTGRESQL) {
            ps.setObject(2, day.atStartOfDay().atOffset(ZoneOffset.UTC));
            ps.setObject(3, day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        } else {
            // Django's SQLite text timestamps ("2026-11-10 03:04:05.123456") compare as text.
            ps.setString(2, SQLITE_TIME.format(day.atStartOfDay()));
            ps.setString(3, SQLITE_TIME.format(day.plusDays(1).atStartOfDay()));
        }
    }

    /** {@link #selectDay} with the parameters written in as literals (for COPY, which takes no parameters). */
    public String selectDayLiteral(ArchivedTable table, long tenantId, LocalDate day) {
        String sql = selectDay(table);
        String from = "'" + day.atStartOfDay().atOffset(ZoneOffset.UTC) + "'::timestamptz";
        String to = "'" + day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC) + "'::timestamptz";
        // The three parameters occur in that order, once per root condition.
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '?') {
                out.append(switch (n++ % 3) {
                    case 0 -> Long.toString(tenantId);
                    case 1 -> from;
                    default -> to;
                });
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
