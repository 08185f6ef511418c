package io.tidemark.db.archive;

import io.tidemark.core.DatabaseKind;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PostgreSQL snapshot for a batch of exports, as {@code pg_dump -j} shares one between its workers: a transaction
 * held open on its own connection exports its snapshot, reads each day's root keys of every tenant once (one scan of
 * the day instead of one per tenant), and every export of the batch joins that snapshot, so parents, children and keys
 * agree across the whole batch. Days are kept for the last few asked (the batch goes day by day).
 */
public final class SharedSnapshot implements AutoCloseable {

    private static final int DAYS_KEPT = 4;

    private final Connection connection;
    private final ArchiveFamily family;
    private final String id;
    private final LinkedHashMap<LocalDate, Map<Long, List<String>>> days = new LinkedHashMap<>();

    private SharedSnapshot(Connection connection, ArchiveFamily family, String id) {
        this.connection = connection;
        this.family = family;
        this.id = id;
    }

    /** Opens the snapshot (PostgreSQL only). */
    public static SharedSnapshot open(PlatformDatabase db, ArchiveFamily family) throws SQLException {
        if (db.kind() != DatabaseKind.POSTGRESQL || family.rootKeyType() == null) {
            throw new IllegalStateException("A shared snapshot is a PostgreSQL feature");
        }
        Connection c = db.connection();
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                return new SharedSnapshot(c, family, rs.getString(1));
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Where the export of one tenant-day reads: this snapshot and the keys read in it. */
    public ExportSource source(long tenantId, LocalDate day) throws SQLException {
        List<String> keys = keys(day).getOrDefault(tenantId, List.of());
        return new ExportSource(id, keys.size() > ArchiveFamily.MAX_ROOT_KEYS ? null : keys);
    }

    /** Where a read of a whole day ({@link ArchiveReads#day}) reads: this snapshot (the keys are {@link #keys}). */
    public ExportSource daySource() {
        return new ExportSource(id, null);
    }

    /** The day's root keys of every tenant, read in this snapshot, by tenant id. */
    public synchronized Map<Long, List<String>> keys(LocalDate day) throws SQLException {
        Map<Long, List<String>> byTenant = days.get(day);
        if (byTenant == null) {
            byTenant = read(day);
            days.put(day, byTenant);
            if (days.size() > DAYS_KEPT) {
                days.remove(days.keySet().iterator().next());
            }
        }
        return byTenant;
    }

    private Map<Long, List<String>> read(LocalDate day) throws SQLException {
        ArchivedTable root = family.root();
        Map<Long, List<String>> byTenant = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + SqlNames.quote(root.tenantColumn()) + ", CAST("
                + SqlNames.quote(root.key()) + " AS text) FROM " + SqlNames.quote(root.name()) + " WHERE "
                + SqlNames.quote(root.retentionColumn()) + " >= ? AND " + SqlNames.quote(root.retentionColumn()) + " < ? ORDER BY 1, "
                + SqlNames.quote(root.key()))) {
            ps.setObject(1, day.atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
            ps.setObject(2, day.plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
            ps.setFetchSize(20_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byTenant.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return byTenant;
    }

    @Override
    public synchronized void close() {
        try {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is closed below either way
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was written through it
        }
    }
}
