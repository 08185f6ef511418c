package io.tidemark.db.archive;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * How exports read PostgreSQL: with {@code COPY (SELECT ...) TO STDOUT}, in a read-only REPEATABLE READ transaction
 * (perhaps a batch's shared snapshot), handing each row's COPY text to the archive's {@link ArchiveWriter}.
 *
 * <p>One tenant-day reads each table by its root keys (index probes). A batch that covers most of a day reads the day
 * once for all its tenants ({@link #day}): each table's rows whose root key (or parent key) lies in the day's key range,
 * in one sequential pass, each row routed to its tenant-day's archive by that key. Rows of other days or other tenants
 * that share the range are skipped, so every archive receives exactly the rows a tenant-day read would give it, in the
 * same order.
 */
public final class ArchiveReads {

    /** A day is read once for its batch when the batch's root keys are at least this share of the day's key range. */
    static final double DENSE_ENOUGH = 1.0 / 8;

    private ArchiveReads() {
    }

    /** Reads one tenant-day into {@code writer}, table by table (the writer is not finished). */
    public static void tenantDay(Connection source, ExportSource from, ArchiveFamily family, long tenantId, LocalDate day,
                                 ArchiveWriter writer, Progress progress, Cancellation cancellation) throws SQLException, IOException {
        CopyManager copy = source.unwrap(PGConnection.class).getCopyAPI();
        try (Transaction ignored = Transaction.begin(source, from)) {
            List<String> keys = family.rootKeyType() == null ? null
                    : from.rootKeys() != null ? from.rootKeys() : family.rootKeys(source, tenantId, day);
            int index = 0;
            for (ArchivedTable table : family.tables()) {
                cancellation.checkpoint();
                progress.report((double) index++ / family.tables().size(), "Exporting " + table.name());
                writer.beginTable(table);
                CopyOut out = copy.copyOut("COPY (" + (keys == null || keys.size() > ArchiveFamily.MAX_ROOT_KEYS
                        ? family.selectDayLiteral(table, tenantId, day) : family.selectByRootKeysLiteral(table, keys)) + ") TO STDOUT");
                drain(out, writer::copyRow, cancellation);
                writer.endTable();
            }
        }
    }

    /** Whether the family can be read a day at a time: integer root keys, and every other table a child of the root. */
    public static boolean readsByDay(ArchiveFamily family) {
        String type = family.rootKeyType() == null ? "" : family.rootKeyType().toLowerCase(Locale.ROOT);
        return (type.equals("bigint") || type.equals("integer") || type.equals("smallint"))
                && family.tables().stream().skip(1).allMatch(t -> family.root().name().equalsIgnoreCase(t.parentTable()));
    }

    /** The day's key range of the tenants' root keys, when it is dense enough to read once; null otherwise. */
    public static long[] denseRange(Map<Long, List<String>> keysByTenant) {
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        long count = 0;
        for (List<String> keys : keysByTenant.values()) {
            for (String k : keys) {
                long key = Long.parseLong(k);
                low = Math.min(low, key);
                high = Math.max(high, key);
                count++;
            }
        }
        if (count == 0 || (double) count / ((double) high - low + 1) < DENSE_ENOUGH) {
            return null;
        }
        return new long[] {low, high};
    }

    /**
     * Reads one day for several tenants at once, in the day's key range {@code range} (from {@link #denseRange}), into
     * each tenant's writer (the writers are not finished). A writer that fails is dropped and its failure returned under
     * its tenant; the others go on. A failed read fails them all (thrown).
     */
    public static Map<Long, Exception> day(Connection source, ExportSource from, ArchiveFamily family, long[] range,
                                           Map<Long, List<String>> keysByTenant, Map<Long, ArchiveWriter> writers,
                                           Cancellation cancellation) throws SQLException, IOException {
        long low = range[0];
        ArchiveWriter[] byKey = new ArchiveWriter[Math.toIntExact(range[1] - low + 1)];
        Map<ArchiveWriter, Long> tenantOf = new HashMap<>();
        for (Map.Entry<Long, ArchiveWriter> w : writers.entrySet()) {
            tenantOf.put(w.getValue(), w.getKey());
            for (String k : keysByTenant.getOrDefault(w.getKey(), List.of())) {
                byKey[(int) (Long.parseLong(k) - low)] = w.getValue();
            }
        }
        Map<Long, Exception> failed = new LinkedHashMap<>();
        CopyManager copy = source.unwrap(PGConnection.class).getCopyAPI();
        try (Transaction ignored = Transaction.begin(source, from)) {
            for (ArchivedTable table : family.tables()) {
                cancellation.checkpoint();
                for (ArchiveWriter w : writers.values()) {
                    guarded(w, failed, tenantOf, () -> w.beginTable(table));
                }
                String column = table.parentTable() == null ? table.key() : table.parentColumn();
                int field = table.columnNames().indexOf(column);
                CopyOut out = copy.copyOut("COPY (" + family.selectKeyRange(table, low, range[1]) + ") TO STDOUT");
                drain(out, (row, length) -> {
                    long key = CopyText.integerField(row, length, field);
                    if (key < low || key > range[1]) {
                        return;
                    }
                    ArchiveWriter w = byKey[(int) (key - low)];
                    if (w != null && !failed.containsKey(tenantOf.get(w))) {
                        guarded(w, failed, tenantOf, () -> w.copyRow(row, length));
                    }
                }, cancellation);
                for (ArchiveWriter w : writers.values()) {
                    guarded(w, failed, tenantOf, w::endTable);
                }
            }
        }
        return failed;
    }

    private interface Step {
        void run() throws IOException, SQLException;
    }

    private static void guarded(ArchiveWriter w, Map<Long, Exception> failed, Map<ArchiveWriter, Long> tenantOf, Step step) {
        Long tenant = tenantOf.get(w);
        if (failed.containsKey(tenant)) {
            return;
        }
        try {
            step.run();
        } catch (IOException | SQLException | RuntimeException e) {
            failed.put(tenant, e);
            w.close();
        }
    }

    private interface RowSink {
        void row(byte[] row, int length) throws IOException, SQLException;
    }

    private static void drain(CopyOut out, RowSink sink, Cancellation cancellation) throws SQLException, IOException {
        try {
            byte[] row;
            long n = 0;
            while ((row = out.readFromCopy()) != null) {
                sink.row(row, row.length);
                if ((++n & 0x3FF) == 0) {
                    cancellation.checkpoint();
                }
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
    }

    /** The export's read-only transaction, in the shared snapshot when there is one; rolled back on close. */
    private static final class Transaction implements AutoCloseable {
        private final Connection c;
        private final boolean autoCommit;

        private Transaction(Connection c) throws SQLException {
            this.c = c;
            this.autoCommit = c.getAutoCommit();
        }

        static Transaction begin(Connection c, ExportSource from) throws SQLException {
            Transaction t = new Transaction(c);
            from.begin(c);
            return t;
        }

        @Override
        public void close() throws SQLException {
            try {
                c.rollback();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
