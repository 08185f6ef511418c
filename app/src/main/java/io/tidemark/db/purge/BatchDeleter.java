package io.tidemark.db.purge;

import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.purge.BatchSizer;
import io.tidemark.core.purge.Dependent;
import io.tidemark.core.purge.PurgeState.StepState;
import io.tidemark.core.purge.TableStep;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deletes one step's rows in bounded batches, each its own short transaction under lock and statement timeouts, walking
 * an index or page range once (never rescanning the table per batch), dependents first inside every batch.
 * <ul>
 *   <li>PostgreSQL tables nobody references: page ranges ({@code ctid >= '(a,0)' AND ctid < '(b,0)'}, a TID range
 *       scan), the fastest walk that never holds the table;</li>
 *   <li>tables with dependents, and SQLite: keyset batches along the retention index ({@code (time, key) > last}) or the
 *       key, selecting the batch's keys, deleting the rows that reference them, then the rows;</li>
 *   <li>PostgreSQL partitioned tables: partitions wholly older than the cutoff are detached and dropped, the others
 *       walked by pages.</li>
 * </ul>
 * Each committed batch reports a new {@link StepState}; running again from it resumes the walk.
 */
public final class BatchDeleter {

    /**
     * How batches are sized and guarded.
     *
     * @param targetMillis          the time one batch should take
     * @param lockTimeoutMillis     {@code lock_timeout} (PostgreSQL) or busy timeout (SQLite) of each batch
     * @param statementTimeoutMillis {@code statement_timeout} of each batch statement (PostgreSQL): the guard that cuts
     *                              a batch the server stalled on; it is rolled back and retried at a quarter the size
     * @param retries               how often a batch is retried after a lost connection, or a timeout at the
     *                              smallest size (a timeout that still lets the batch shrink is not counted)
     */
    public record Settings(long targetMillis, long lockTimeoutMillis, long statementTimeoutMillis, int retries) {
        /** 30 ms batches cut at 150 ms: the longest statement stays under 250 ms through a checkpoint's stalls. */
        public static final Settings DEFAULT = new Settings(30, 200, 150, 8);
    }

    /**
     * One committed batch.
     *
     * @param step      the step
     * @param rows      rows deleted in it (dependents included)
     * @param byTable   those rows per table
     * @param nanos     how long its transaction took
     * @param state     the step's state after it
     * @param longestNanos the longest of its attempts, those rolled back after a timeout or a lost connection included:
     *                  the longest the platform could have waited on it
     */
    public record Batch(TableStep step, long rows, Map<String, Long> byTable, long nanos, StepState state, long longestNanos) {
    }

    private final PlatformDatabase db;
    private final Settings settings;
    private final boolean sqlite;
    private ZoneId zone;
    private int serverVersion = -1;
    private final Map<String, TableFacts> dependentFacts = new java.util.HashMap<>();

    public BatchDeleter(PlatformDatabase db, Settings settings) {
        this.db = db;
        this.settings = settings;
        this.sqlite = db.kind() == DatabaseKind.SQLITE;
    }

    /**
     * Runs {@code step} from {@code from} until done or cancelled (checked between batches); {@code committed} hears every
     * batch after its commit.
     *
     * @return the state reached ({@code done} when every row was deleted)
     */
    public StepState run(TableStep step, StepState from, Cancellation cancel, Consumer<Batch> committed) {
        if (from.done()) {
            return from;
        }
        try {
            TableFacts facts = withConnection(c -> TableFacts.read(c, db.kind(), step.table()));
            ZoneId z = zone();
            if (!sqlite && facts.partitioned()) {
                return partitioned(step, facts, z, from, cancel, committed);
            }
            if (!sqlite && step.dependents().isEmpty() && step.retentionColumn() != null && version() >= 140000) {
                return pages(step, step.table(), facts, z, from, from.position(), cancel, committed, null);
            }
            return keyset(step, facts, z, from, cancel, committed);
        } catch (SQLException e) {
            throw new TidemarkException("Purging " + step.table() + " failed: " + e.getMessage(), e);
        }
    }

    /** The database's time zone (its session TimeZone; UTC for SQLite, where the platform writes UTC). */
    public ZoneId zone() {
        if (zone == null) {
            zone = sqlite ? ZoneOffset.UTC : withConnectionUnchecked(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('TimeZone')")) {
                    rs.next();
                    return ZoneId.of(rs.getString(1));
                }
            });
        }
        return zone;
    }

    private int version() throws SQLException {
        if (serverVersion < 0) {
            serverVersion = withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('server_version_num')::int")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }
        return serverVersion;
    }

    // ---------------------------------------------------------------- page walk (PostgreSQL)

    private StepState pages(TableStep step, String relation, TableFacts facts, ZoneId z, StepState from, String position,
                            Cancellation cancel, Consumer<Batch> committed, String prefix) throws SQLException {
        StepFilter filter = StepFilter.of(step, facts, z);
        long endPage = withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::bigint")) {
                ps.setString(1, SqlNames.quote(relation));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        long page = position == null ? 0 : Long.parseLong(position);
        String sql = "DELETE FROM " + SqlNames.quote(relation) + " WHERE ctid >= CAST(? AS tid) AND ctid < CAST(? AS tid) AND "
                + filter.sql();
        BatchSizer sizer = new BatchSizer(64, 4, 1 << 20, settings.targetMillis());
        StepState state = from;
        while (page < endPage) {
            cancel.checkpoint();
            long start = page;
            long[] to = new long[1];
            long[] deleted = new long[1];
            long nanos = retrying(sizer, () -> {
                to[0] = Math.min(endPage, start + sizer.size());
                return transaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, "(" + start + ",0)");
                        ps.setString(2, "(" + to[0] + ",0)");
                        filter.bind(ps, 3);
                        deleted[0] = ps.executeUpdate();
                    }
                });
            }, step);
            sizer.took((int) (to[0] - start), nanos);
            page = to[0];
            String pos = prefix == null ? Long.toString(page) : prefix + "@" + page;
            state = new StepState(page >= endPage && prefix == null ? null : pos, state.rows() + deleted[0], false);
            committed.accept(new Batch(step, deleted[0], Map.of(step.table(), deleted[0]), nanos, state, longestAttempt));
        }
        return prefix == null ? new StepState(null, state.rows(), true) : state;
    }

    // ---------------------------------------------------------------- partitioned tables (PostgreSQL)

    private StepState partitioned(TableStep step, TableFacts facts, ZoneId z, StepState from, Cancellation cancel,
                                  Consumer<Batch> committed) throws SQLException {
        StepState state = from;
        boolean resumingWalk = from.position() != null && from.position().contains("@");
        if (!resumingWalk) {
            for (String partition : step.partitions()) {
                cancel.checkpoint();
                long[] rows = new long[1];
                BatchSizer unused = new BatchSizer(1, 1, 1, settings.targetMillis());
                long nanos = retrying(unused, () -> transaction(c -> {
                    if (!exists(c, partition)) {
                        rows[0] = 0;
                        return;
                    }
                    try (Statement s = c.createStatement()) {
                        // The planner's estimate (exact after ANALYZE): counting would read the whole partition.
                        try (PreparedStatement ps = c.prepareStatement("SELECT reltuples::bigint FROM pg_class"
                                + " WHERE oid = CAST(? AS regclass)")) {
                            ps.setString(1, SqlNames.quote(partition));
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                rows[0] = rs.getLong(1);
                            }
                        }
                        if (rows[0] < 0) { // never analyzed: count it
                            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + SqlNames.quote(partition))) {
                                rs.next();
                                rows[0] = rs.getLong(1);
                            }
                        }
                        s.execute("ALTER TABLE " + SqlNames.quote(step.table()) + " DETACH PARTITION " + SqlNames.quote(partition));
                        s.execute("DROP TABLE " + SqlNames.quote(partition));
                    }
                }), step);
                state = new StepState(from.position(), state.rows() + rows[0], false);
                committed.accept(new Batch(step, rows[0], Map.of(step.table(), rows[0]), nanos, state, longestAttempt));
            }
        }
        List<Partitions.Leaf> leaves = withConnection(c -> Partitions.leaves(c, step.table()));
        java.util.Set<String> newer = step.retentionColumn() == null ? java.util.Set.of() : withConnection(c ->
                Partitions.whollyAfter(c, facts, step.retentionColumn().toLowerCase(Locale.ROOT), step.cutoff(), z));
        String resumeLeaf = resumingWalk ? from.position().substring(0, from.position().lastIndexOf('@')) : null;
        String resumePage = resumingWalk ? from.position().substring(from.position().lastIndexOf('@') + 1) : null;
        boolean skipping = resumeLeaf != null;
        for (Partitions.Leaf leaf : leaves) {
            if (step.partitions().contains(leaf.name()) || newer.contains(leaf.name())) {
                continue; // dropped whole, or nothing in it is old enough
            }
            if (skipping && !leaf.name().equals(resumeLeaf)) {
                continue;
            }
            String position = skipping ? resumePage : null;
            skipping = false;
            TableFacts leafFacts = withConnection(c -> TableFacts.read(c, db.kind(), leaf.name()));
            state = pages(step, leaf.name(), leafFacts, z, state, position, cancel, committed, leaf.name());
        }
        return new StepState(null, state.rows(), true);
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, SqlNames.quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    // ---------------------------------------------------------------- keyset walk (both engines)

    private StepState keyset(TableStep step, TableFacts facts, ZoneId z, StepState from, Cancellation cancel,
                             Consumer<Batch> committed) throws SQLException {
        StepFilter filter = StepFilter.of(step, facts, z);
        String table = SqlNames.quote(step.table());
        String key = SqlNames.quote(step.key());
        boolean byTime = step.retentionColumn() != null && facts.indexLeads(step.retentionColumn());
        String ts = byTime ? SqlNames.quote(step.retentionColumn()) + (facts.kind(step.retentionColumn()) == ColumnKind.TEXT
                && !sqlite ? " COLLATE \"C\"" : "") : null;
        Set<String> referenced = new LinkedHashSet<>();
        step.dependents().forEach(d -> referenced.add(d.referencedColumn().toLowerCase(Locale.ROOT)));
        referenced.remove(step.key().toLowerCase(Locale.ROOT));
        List<String> refColumns = List.copyOf(referenced);

        // Without a time index, walk the key up to the newest matching row: the tail of new rows is never read.
        String upper = null;
        if (!byTime) {
            upper = withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT CAST(max(" + key + ") AS text) FROM " + table + " WHERE " + filter.sql())) {
                    filter.bind(ps, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            if (upper == null) {
                return new StepState(null, from.rows(), true);
            }
        }
        StringBuilder select = new StringBuilder("SELECT CAST(" + key + " AS text)");
        if (byTime) {
            select.append(", CAST(").append(SqlNames.quote(step.retentionColumn())).append(" AS text)");
        }
        for (String col : refColumns) {
            select.append(", CAST(").append(SqlNames.quote(col)).append(" AS text)");
        }
        select.append(" FROM ").append(table).append(" WHERE ").append(filter.sql());
        String keyType = facts.type(step.key());
        String tsType = byTime ? facts.type(step.retentionColumn()) : null;
        String positioned;
        String order;
        if (byTime) {
            String tsParam = sqlite ? "?" : "CAST(? AS " + tsType + ")";
            String keyParam = sqlite ? "?" : "CAST(? AS " + keyType + ")";
            positioned = " AND (" + ts + " > " + tsParam + " OR (" + ts + " = " + tsParam + " AND " + key + " > " + keyParam + "))";
            order = " ORDER BY " + ts + ", " + key;
        } else {
            String keyParam = sqlite ? "?" : "CAST(? AS " + keyType + ")";
            positioned = " AND " + key + " > " + keyParam;
            order = " ORDER BY " + key;
        }
        String upperClause = upper == null ? "" : " AND " + key + " <= " + (sqlite ? "?" : "CAST(? AS " + keyType + ")");
        BatchSizer sizer = new BatchSizer(sqlite ? 200 : 500, 10, sqlite ? 20_000 : 50_000, settings.targetMillis());
        StepState state = from;
        String position = from.position();
        String upperBound = upper;
        while (true) {
            cancel.checkpoint();
            String pos = position;
            long[] deleted = new long[1];
            Map<String, Long> byTable = new java.util.LinkedHashMap<>();
            String[] last = new String[1];
            long nanos = retrying(sizer, () -> transaction(c -> {
                byTable.clear();
                deleted[0] = 0;
                last[0] = null;
                String sql = select + (pos == null ? "" : positioned) + upperClause + order + " LIMIT " + sizer.size();
                List<String> keys = new ArrayList<>();
                List<String> times = new ArrayList<>();
                Map<String, List<String>> refs = new java.util.HashMap<>();
                refColumns.forEach(col -> refs.put(col, new ArrayList<>()));
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = filter.bind(ps, 1);
                    if (pos != null) {
                        if (byTime) {
                            String[] parts = pos.split("\u0001", 2);
                            ps.setObject(i++, keyOrTime(parts[0], false));
                            ps.setObject(i++, keyOrTime(parts[0], false));
                            ps.setObject(i++, keyOrTime(parts[1], true));
                        } else {
                            ps.setObject(i++, keyOrTime(pos, true));
                        }
                    }
                    if (upperBound != null) {
                        ps.setObject(i, keyOrTime(upperBound, true));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            keys.add(rs.getString(1));
                            int col = 2;
                            if (byTime) {
                                times.add(rs.getString(col++));
                            }
                            for (String r : refColumns) {
                                refs.get(r).add(rs.getString(col++));
                            }
                        }
                    }
                }
                if (keys.isEmpty()) {
                    return;
                }
                for (Dependent d : step.dependents()) {
                    List<String> values = d.referencedColumn().equalsIgnoreCase(step.key()) ? keys
                            : refs.get(d.referencedColumn().toLowerCase(Locale.ROOT));
                    deleteDependent(c, d, values, byTable);
                }
                long n = deleteWhereIn(c, step.table(), step.key(), keyType, keys);
                byTable.merge(step.table(), n, Long::sum);
                deleted[0] = byTable.values().stream().mapToLong(Long::longValue).sum();
                int lastIndex = keys.size() - 1;
                last[0] = byTime ? times.get(lastIndex) + "\u0001" + keys.get(lastIndex) : keys.get(lastIndex);
            }), step);
            if (last[0] == null) {
                return new StepState(null, state.rows(), true);
            }
            sizer.took(sizer.size(), nanos);
            position = last[0];
            state = new StepState(position, state.rows() + deleted[0], false);
            committed.accept(new Batch(step, deleted[0], Map.copyOf(byTable), nanos, state, longestAttempt));
        }
    }

    private Object keyOrTime(String text, boolean key) {
        if (sqlite && key) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    private void deleteDependent(Connection c, Dependent d, List<String> parentValues, Map<String, Long> byTable) throws SQLException {
        if (parentValues.isEmpty()) {
            return;
        }
        TableFacts facts = dependentFacts.get(d.table());
        if (facts == null) { // read once per purge, not once per batch
            facts = TableFacts.read(c, db.kind(), d.table());
            dependentFacts.put(d.table(), facts);
        }
        String columnType = facts.type(d.column());
        for (Dependent grandchild : d.dependents()) {
            List<String> values = selectWhereIn(c, d.table(), grandchild.referencedColumn(), d.column(), columnType, parentValues);
            deleteDependent(c, grandchild, values, byTable);
        }
        long n = deleteWhereIn(c, d.table(), d.column(), columnType, parentValues);
        byTable.merge(d.table(), n, Long::sum);
    }

    private List<String> selectWhereIn(Connection c, String table, String selected, String column, String type, List<String> values)
            throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<String> chunk : chunks(values)) {
            String sql = "SELECT DISTINCT CAST(" + SqlNames.quote(selected) + " AS text) FROM " + SqlNames.quote(table)
                    + " WHERE " + inClause(column, type, chunk.size());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindIn(c, ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1) != null) {
                            out.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return out;
    }

    private long deleteWhereIn(Connection c, String table, String column, String type, List<String> values) throws SQLException {
        long n = 0;
        for (List<String> chunk : chunks(values)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + SqlNames.quote(table) + " WHERE "
                    + inClause(column, type, chunk.size()))) {
                bindIn(c, ps, chunk);
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    private String inClause(String column, String type, int n) {
        return sqlite ? SqlNames.quote(column) + " IN (" + StepFilter.marks(n) + ")"
                : SqlNames.quote(column) + " = ANY (CAST(? AS " + type + "[]))";
    }

    private void bindIn(Connection c, PreparedStatement ps, List<String> values) throws SQLException {
        if (sqlite) {
            int i = 1;
            for (String v : values) {
                ps.setObject(i++, keyOrTime(v, true));
            }
        } else {
            ps.setArray(1, c.createArrayOf("text", values.toArray()));
        }
    }

    private List<List<String>> chunks(List<String> values) {
        int size = sqlite ? 900 : Integer.MAX_VALUE;
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i += size) {
            out.add(values.subList(i, Math.min(values.size(), i + size)));
        }
        return out;
    }

    // ---------------------------------------------------------------- transactions, timeouts, retries

    @FunctionalInterface
    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface SqlQuery<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface Attempt {
        long run() throws SQLException;
    }

    /** Runs {@code work} in one short transaction; returns its duration in nanoseconds. */
    private long transaction(SqlWork work) throws SQLException {
        try (Connection c = db.connection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try {
                try (Statement s = c.createStatement()) {
                    if (sqlite) {
                        s.execute("PRAGMA busy_timeout = " + settings.lockTimeoutMillis());
                    } else {
                        s.execute("SET LOCAL lock_timeout = '" + settings.lockTimeoutMillis() + "ms'");
                        s.execute("SET LOCAL statement_timeout = '" + settings.statementTimeoutMillis() + "ms'");
                    }
                }
                work.run(c);
                c.commit();
                return System.nanoTime() - start;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; the transaction went with it
                }
                throw e;
            } finally {
                if (sqlite) {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA busy_timeout = 10000");
                    } catch (SQLException ignored) {
                        // connection closing anyway
                    }
                }
                try {
                    c.setAutoCommit(autoCommit);
                } catch (SQLException ignored) {
                    // a broken connection is evicted by the pool
                }
            }
        }
    }

    /** The longest attempt of the last batch, failed ones included. */
    private long longestAttempt;

    private long retrying(BatchSizer sizer, Attempt attempt, TableStep step) throws SQLException {
        longestAttempt = 0;
        for (int tries = 0; ; tries++) {
            long start = System.nanoTime();
            try {
                long nanos = attempt.run();
                longestAttempt = Math.max(longestAttempt, nanos);
                return nanos;
            } catch (SQLException e) {
                longestAttempt = Math.max(longestAttempt, System.nanoTime() - start);
                if (tries >= settings.retries() || !transient_(e)) {
                    throw e;
                }
                if (isTimeout(e)) {
                    int before = sizer.size();
                    sizer.timedOut();
                    if (sizer.size() < before) {
                        tries--; // a smaller batch is a new batch, not a retry of the same one
                    }
                }
            }
        }
    }

    /** A lost connection, a lock or statement timeout, a deadlock or a busy SQLite file: worth another try. */
    static boolean transient_(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || isTimeout(e) || state.equals("40001") || state.equals("40P01")
                || e.getErrorCode() == 5 || e.getErrorCode() == 6 // SQLITE_BUSY, SQLITE_LOCKED
                || (e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY"));
    }

    private static boolean isTimeout(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("55P03") || state.equals("57014");
    }

    private <T> T withConnection(SqlQuery<T> query) throws SQLException {
        try (Connection c = db.connection()) {
            return query.run(c);
        }
    }

    private <T> T withConnectionUnchecked(SqlQuery<T> query) {
        try {
            return withConnection(query);
        } catch (SQLException e) {
            throw new TidemarkException("Reading the database failed: " + e.getMessage(), e);
        }
    }

    /** {@code VACUUM (ANALYZE)} of each table (PostgreSQL), outside any transaction. */
    public List<String> vacuum(List<String> tables) {
        List<String> done = new ArrayList<>();
        if (sqlite) {
            return done;
        }
        for (String t : tables) {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("VACUUM (ANALYZE) " + SqlNames.quote(t));
                done.add(t);
            } catch (SQLException e) {
                throw new TidemarkException("VACUUM (ANALYZE) of " + t + " failed: " + e.getMessage(), e);
            }
        }
        return done;
    }
}
