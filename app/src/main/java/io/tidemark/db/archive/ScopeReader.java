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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the rows an archive scope covers: a table's rows older than a cutoff (by its own retention column, or by its
 * parent's for a child without one), of one tenant or all.
 */
public final class ScopeReader {

    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ScopeReader() {
    }

    /** Receives the columns, then each row. */
    public interface Rows {
        void columns(List<String> columns) throws Exception;

        void row(Object[] values) throws Exception;
    }

    /** Streams {@code table}'s rows older than {@code cutoff} (of tenant {@code tenantId}, or every tenant when null). */
    public static void read(Connection c, DatabaseKind kind, PlatformProfile profile, String table, Long tenantId, Instant cutoff,
                            Rows rows) throws Exception {
        TableSpec spec = profile.table(table).orElseThrow(() -> new TidemarkException("The profile has no table " + table + "."));
        List<Object> params = new ArrayList<>();
        String where = condition(profile, spec, tenantId, cutoff, kind, params);
        String sql = "SELECT * FROM " + SqlNames.quote(spec.name()) + " WHERE " + where + " ORDER BY " + SqlNames.quote(spec.key());
        boolean autoCommit = c.getAutoCommit();
        if (kind == DatabaseKind.POSTGRESQL) {
            c.setAutoCommit(false); // a cursor, not the whole result in memory
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2_000);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                List<ArchivedTable.ValueKind> kinds = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnName(i));
                    kinds.add(ArchivedTable.ValueKind.of(md.getColumnType(i), md.getColumnTypeName(i)));
                }
                rows.columns(columns);
                while (rs.next()) {
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = kind == DatabaseKind.SQLITE ? SqliteArchive.storedValue(rs.getObject(i + 1))
                                : SqliteArchive.value(rs, i + 1, kinds.get(i));
                    }
                    rows.row(values);
                }
            }
        } finally {
            if (kind == DatabaseKind.POSTGRESQL) {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static String condition(PlatformProfile profile, TableSpec spec, Long tenantId, Instant cutoff, DatabaseKind kind,
                                    List<Object> params) {
        if (spec.retentionColumn() != null) {
            params.add(kind == DatabaseKind.POSTGRESQL ? OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC) : SQLITE_TIME.format(cutoff));
            String where = SqlNames.quote(spec.retentionColumn()) + " < ?";
            if (tenantId != null && spec.tenantColumn() != null) {
                params.add(tenantId);
                where += " AND " + SqlNames.quote(spec.tenantColumn()) + " = ?";
            }
            return where;
        }
        if (spec.parent() == null) {
            throw new TidemarkException("The table " + spec.name() + " has no retention column and no parent: no rows are older than a cutoff.");
        }
        TableSpec parent = profile.table(spec.parent().table()).orElseThrow(() -> new TidemarkException(
                "The profile has no table " + spec.parent().table() + ", the parent of " + spec.name() + "."));
        return SqlNames.quote(spec.parent().column()) + " IN (SELECT " + SqlNames.quote(parent.key()) + " FROM "
                + SqlNames.quote(parent.name()) + " WHERE " + condition(profile, parent, tenantId, cutoff, kind, params) + ")";
    }
}
