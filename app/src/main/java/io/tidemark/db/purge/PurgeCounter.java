package io.tidemark.db.purge;

import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.purge.Dependent;
import io.tidemark.core.purge.TableStep;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Counts what a step would delete, reads the database's clock, and finds droppable partitions: the plan's figures. */
public final class PurgeCounter {

    private final PlatformDatabase db;
    private final boolean sqlite;

    public PurgeCounter(PlatformDatabase db) {
        this.db = db;
        this.sqlite = db.kind() == DatabaseKind.SQLITE;
    }

    /** The database's current time (PostgreSQL's {@code now()}; this machine's clock for SQLite). */
    public Instant now() {
        if (sqlite) {
            return Instant.now();
        }
        return query(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT now()")) {
                rs.next();
                return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        });
    }

    /** The database's time zone. */
    public ZoneId zone() {
        if (sqlite) {
            return ZoneOffset.UTC;
        }
        return query(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('TimeZone')")) {
                rs.next();
                return ZoneId.of(rs.getString(1));
            }
        });
    }

    /** Whether the table exists. */
    public boolean exists(String table) {
        return query(c -> {
            try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
                return rs.next();
            }
        });
    }

    /** Whether {@code table} has {@code column}. */
    public boolean hasColumn(String table, String column) {
        return query(c -> TableFacts.read(c, db.kind(), table).has(column));
    }

    /**
     * The step with its counts filled in: rows, estimated bytes, dependent rows, and partitions to drop (PostgreSQL
     * range partitions on the retention column lying wholly before the cutoff, when the step is not narrowed to tenants).
     */
    public TableStep count(TableStep step) {
        return count(step, List.of());
    }

    /**
     * As {@link #count(TableStep)}, not counting twice the referencing rows that {@code earlier} steps (their own
     * retention, run first) already delete.
     */
    public TableStep count(TableStep step, List<TableStep> earlier) {
        return query(c -> {
            TableFacts facts = TableFacts.read(c, db.kind(), step.table());
            ZoneId z = zone();
            if (step.retentionColumn() != null && !facts.has(step.retentionColumn())) {
                throw new TidemarkException("The table " + step.table() + " has no column " + step.retentionColumn()
                        + ": check the profile's retention_column.");
            }
            StepFilter filter = StepFilter.of(step, facts, z);
            long rows;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + SqlNames.quote(step.table()) + " WHERE " + filter.sql())) {
                filter.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows = rs.getLong(1);
                }
            }
            long dependentRows = 0;
            long dependentBytes = 0;
            String parentSet = "SELECT %s FROM " + SqlNames.quote(step.table()) + " WHERE " + filter.sql();
            for (Dependent d : step.dependents()) {
                TableStep own = earlier.stream().filter(e -> e.table().equalsIgnoreCase(d.table()) && e.scope().equals(step.scope()))
                        .findFirst().orElse(null);
                StepFilter ownFilter = own == null ? null : StepFilter.of(own, TableFacts.read(c, db.kind(), d.table()), z);
                long[] counted = countDependent(c, d, String.format(parentSet, SqlNames.quote(d.referencedColumn())), filter, ownFilter);
                dependentRows += counted[0];
                dependentBytes += counted[1];
            }
            List<String> partitions = new ArrayList<>();
            if (!sqlite && facts.partitioned() && step.retentionColumn() != null && step.tenantIds().isEmpty()
                    && step.excludedTenantIds().isEmpty()) {
                partitions = Partitions.whollyBefore(c, facts, step.retentionColumn().toLowerCase(Locale.ROOT), step.cutoff(), z);
            }
            long bytes = Math.round(rows * facts.averageRowBytes()) + dependentBytes;
            return new TableStep(step.table(), step.key(), step.retentionColumn(), step.cutoff(), step.days(), step.tenantColumn(),
                    step.tenantIds(), step.excludedTenantIds(), step.scope(), rows, bytes, step.dependents(), dependentRows, partitions);
        });
    }

    private long[] countDependent(Connection c, Dependent d, String parentValues, StepFilter filter, StepFilter ownFilter)
            throws SQLException {
        TableFacts facts = TableFacts.read(c, db.kind(), d.table());
        String where = SqlNames.quote(d.column()) + " IN (" + parentValues + ")";
        String counted = ownFilter == null ? where : where + " AND NOT (" + ownFilter.sql() + ")";
        long rows;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + SqlNames.quote(d.table()) + " WHERE " + counted)) {
            int next = filter.bind(ps, 1);
            if (ownFilter != null) {
                ownFilter.bind(ps, next);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        long[] total = {rows, Math.round(rows * facts.averageRowBytes())};
        for (Dependent g : d.dependents()) {
            String mine = "SELECT " + SqlNames.quote(g.referencedColumn()) + " FROM " + SqlNames.quote(d.table()) + " WHERE " + where;
            long[] more = countDependent(c, g, mine, filter, null);
            total[0] += more[0];
            total[1] += more[1];
        }
        return total;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T query(Query<T> q) {
        try (Connection c = db.connection()) {
            return q.run(c);
        } catch (SQLException e) {
            throw new TidemarkException("Counting the rows to purge failed: " + e.getMessage(), e);
        }
    }
}
