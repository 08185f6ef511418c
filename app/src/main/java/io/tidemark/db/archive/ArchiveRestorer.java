package io.tidemark.db.archive;

import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.Progress;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.RestoreReport;
import io.tidemark.db.SqlNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Puts an archive's rows back into the platform database: parents before children, rows whose key is still there
 * skipped, inserts sent in batches, the whole archive in one transaction (all of it is restored, or none).
 */
public final class ArchiveRestorer {

    private static final int BATCH = 1_000;

    private ArchiveRestorer() {
    }

    /** Restores a verified, uncompressed SQLite archive into {@code target}. */
    public static RestoreReport fromSqlite(Path file, ArchiveManifest manifest, Connection target, DatabaseKind kind,
                                           Progress progress, Cancellation cancellation) throws SQLException {
        List<RestoreReport.TableRestore> done = new ArrayList<>();
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            deferConstraints(target, kind);
            int index = 0;
            for (ArchiveManifest.TableContent table : manifest.tables()) {
                cancellation.checkpoint();
                progress.report((double) index++ / manifest.tables().size(), "Restoring " + table.table());
                Map<String, String> types = kind == DatabaseKind.POSTGRESQL ? postgresTypes(target, table.table()) : Map.of();
                String sql = insertSql(kind, table, types);
                long[] restored = {0};
                long[] seen = {0};
                try (PreparedStatement ps = target.prepareStatement(sql)) {
                    int[] pending = {0};
                    SqliteArchive.rows(file, table, values -> {
                        for (int i = 0; i < values.length; i++) {
                            bind(ps, i + 1, values[i], kind);
                        }
                        ps.addBatch();
                        seen[0]++;
                        if (++pending[0] == BATCH) {
                            restored[0] += sum(ps.executeBatch());
                            pending[0] = 0;
                            cancellation.checkpoint();
                        }
                    });
                    if (pending[0] > 0) {
                        restored[0] += sum(ps.executeBatch());
                    }
                }
                done.add(new RestoreReport.TableRestore(table.table(), restored[0], seen[0] - restored[0]));
            }
            target.commit();
            progress.report(1, "Restored");
            return new RestoreReport(done);
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    /** Restores a verified PostgreSQL-script archive (its manifest already read) into a PostgreSQL {@code target}. */
    public static RestoreReport fromPostgresScript(InputStream script, ArchiveManifest manifest, Connection target,
                                                   Progress progress, Cancellation cancellation) throws SQLException, IOException {
        List<RestoreReport.TableRestore> done = new ArrayList<>();
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        org.postgresql.copy.CopyManager copy = target.unwrap(PGConnection.class).getCopyAPI();
        try {
            deferConstraints(target, DatabaseKind.POSTGRESQL);
            CopyIn[] current = new CopyIn[1];
            PostgresArchive.read(script, new PostgresArchive.BlockVisitor() {
                @Override
                public void blockStart(int index) throws SQLException {
                    ArchiveManifest.TableContent table = manifest.tables().get(index);
                    progress.report((double) index / manifest.tables().size(), "Restoring " + table.table());
                    String staging = PostgresArchive.stagingTable(index);
                    try (Statement s = target.createStatement()) {
                        s.execute("CREATE TEMP TABLE " + staging + " (LIKE " + SqlNames.quote(table.table()) + ") ON COMMIT DROP");
                    }
                    current[0] = copy.copyIn("COPY " + staging + " (" + String.join(", ",
                            table.columns().stream().map(SqlNames::quote).toList()) + ") FROM STDIN");
                }

                @Override
                public void line(int index, byte[] line, int length) throws SQLException {
                    current[0].writeToCopy(line, 0, length);
                }

                @Override
                public void blockEnd(int index) throws SQLException {
                    long copied = current[0].endCopy();
                    ArchiveManifest.TableContent table = manifest.tables().get(index);
                    String insert = PostgresArchive.insert(table.table(), table.columns(), PostgresArchive.stagingTable(index));
                    try (Statement s = target.createStatement()) {
                        long restored = s.executeLargeUpdate(insert.substring(0, insert.length() - 1));
                        done.add(new RestoreReport.TableRestore(table.table(), restored, copied - restored));
                    }
                }
            }, cancellation);
            target.commit();
            progress.report(1, "Restored");
            return new RestoreReport(done);
        } catch (SQLException | IOException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    private static void deferConstraints(Connection c, DatabaseKind kind) throws SQLException {
        if (kind == DatabaseKind.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SET CONSTRAINTS ALL DEFERRED");
            }
        }
    }

    private static String insertSql(DatabaseKind kind, ArchiveManifest.TableContent table, Map<String, String> types) {
        String cols = String.join(", ", table.columns().stream().map(SqlNames::quote).toList());
        List<String> marks = new ArrayList<>();
        for (String col : table.columns()) {
            String type = types.get(col);
            marks.add(kind == DatabaseKind.POSTGRESQL && type != null ? "CAST(? AS " + type + ")" : "?");
        }
        String values = " (" + cols + ") VALUES (" + String.join(", ", marks) + ")";
        return kind == DatabaseKind.POSTGRESQL
                ? "INSERT INTO " + SqlNames.quote(table.table()) + values + " ON CONFLICT DO NOTHING"
                : "INSERT OR IGNORE INTO " + SqlNames.quote(table.table()) + values;
    }

    /** Each column's type as PostgreSQL spells it ("timestamp with time zone"), for the casts of the insert. */
    private static Map<String, String> postgresTypes(Connection c, String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped")) {
            ps.setString(1, SqlNames.quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return types;
    }

    private static void bind(PreparedStatement ps, int index, Object v, DatabaseKind kind) throws SQLException {
        if (kind == DatabaseKind.POSTGRESQL && v != null && !(v instanceof byte[])) {
            // Every value goes as text and the insert casts it to the column's type (booleans arrive as 0/1).
            ps.setString(index, v instanceof Double d ? Double.toString(d) : v.toString());
        } else if (kind == DatabaseKind.POSTGRESQL && v == null) {
            ps.setNull(index, java.sql.Types.VARCHAR);
        } else {
            SqliteArchive.bindValue(ps, index, v);
        }
    }

    private static long sum(int[] counts) {
        long n = 0;
        for (int c : counts) {
            n += Math.max(c, 0);
        }
        return n;
    }
}
