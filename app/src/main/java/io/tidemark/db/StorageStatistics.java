package io.tidemark.db;

import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.storage.DatabaseStorage;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.storage.TableStats.BloatSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads every user table's size, rows, dead rows, bloat and maintenance times from the database's own statistics,
 * without scanning a table unless exact figures are asked for.
 */
public final class StorageStatistics {

    private final PlatformDatabase db;

    public StorageStatistics(PlatformDatabase db) {
        this.db = db;
    }

    /**
     * Reads the database's storage.
     *
     * @param profileTables the tables the profile manages (lower case); the others are marked as not in the profile
     * @param exact         count rows and, on PostgreSQL with pgstattuple, measure bloat (reads every table)
     */
    public DatabaseStorage read(Set<String> profileTables, boolean exact, Cancellation cancellation) {
        try (Connection c = db.connection()) {
            DatabaseStorage storage = db.kind() == DatabaseKind.POSTGRESQL
                    ? postgres(c, profileTables, exact, cancellation)
                    : sqlite(c, profileTables, exact, cancellation);
            List<TableStats> sorted = new ArrayList<>(storage.tables());
            sorted.sort(Comparator.comparingLong(TableStats::totalBytes).reversed().thenComparing(TableStats::table));
            return new DatabaseStorage(storage.totalBytes(), sorted, storage.freeListBytes(), storage.pageSize(), storage.pgstattuple());
        } catch (SQLException e) {
            throw new TidemarkException("Reading the table statistics failed: " + e.getMessage(), e);
        }
    }

    private DatabaseStorage postgres(Connection c, Set<String> profileTables, boolean exact, Cancellation cancellation)
            throws SQLException {
        List<TableStats> tables = new ArrayList<>();
        Map<String, Long> oids = new HashMap<>();
        // A partitioned table has no storage of its own: its figures are the sums over its partitions (PostgreSQL 12+).
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.oid, c.relname,
                       CASE WHEN c.relkind = 'p' THEN COALESCE(part.tuples, -1) ELSE c.reltuples::bigint END,
                       CASE WHEN c.relkind = 'p' THEN COALESCE(part.table_bytes, 0)
                            ELSE pg_table_size(c.oid) - COALESCE(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0) END,
                       CASE WHEN c.relkind = 'p' THEN COALESCE(part.index_bytes, 0) ELSE pg_indexes_size(c.oid) END,
                       CASE WHEN c.relkind = 'p' THEN COALESCE(part.toast_bytes, 0)
                            ELSE COALESCE(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0) END,
                       CASE WHEN c.relkind = 'p' THEN COALESCE(part.total_bytes, 0) ELSE pg_total_relation_size(c.oid) END,
                       CASE WHEN c.relkind = 'p' THEN part.dead ELSE s.n_dead_tup END,
                       s.last_vacuum, s.last_autovacuum, s.last_analyze, s.last_autoanalyze,
                       CASE WHEN c.relkind = 'p' THEN COALESCE(part.main_bytes, 0) ELSE pg_relation_size(c.oid) END,
                       (SELECT sum(st.avg_width) FROM pg_stats st
                         WHERE st.schemaname = n.nspname AND st.tablename = c.relname AND st.inherited = (c.relkind = 'p')),
                       current_setting('block_size')::int
                  FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
                  LEFT JOIN LATERAL (
                       SELECT sum(GREATEST(p.reltuples, 0))::bigint AS tuples,
                              sum(pg_table_size(p.oid) - COALESCE(pg_total_relation_size(NULLIF(p.reltoastrelid, 0)), 0)) AS table_bytes,
                              sum(pg_indexes_size(p.oid)) AS index_bytes,
                              sum(COALESCE(pg_total_relation_size(NULLIF(p.reltoastrelid, 0)), 0)) AS toast_bytes,
                              sum(pg_total_relation_size(p.oid)) AS total_bytes,
                              sum(pg_relation_size(p.oid)) AS main_bytes,
                              sum(ps.n_dead_tup)::bigint AS dead
                         FROM pg_partition_tree(c.oid) t
                         JOIN pg_class p ON p.oid = t.relid AND p.relkind = 'r'
                         LEFT JOIN pg_stat_user_tables ps ON ps.relid = p.oid
                       ) part ON c.relkind = 'p'
                 WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (current_schemas(false))
                """);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                oids.put(name, rs.getLong(1));
                long reltuples = rs.getLong(3);
                long mainBytes = rs.getLong(13);
                long rowWidth = rs.getLong(14);
                boolean widthKnown = !rs.wasNull();
                int block = rs.getInt(15);
                long bloat = widthKnown && reltuples >= 0 ? estimatedBloat(reltuples, rowWidth, mainBytes, block) : -1;
                long dead = rs.getLong(8);
                boolean deadKnown = !rs.wasNull();
                tables.add(new TableStats(name, profileTables.contains(name.toLowerCase(Locale.ROOT)), reltuples < 0 ? -1 : reltuples,
                        false, rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), deadKnown ? dead : -1, bloat,
                        bloat < 0 ? BloatSource.NONE : BloatSource.ESTIMATE, instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                        instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12))));
            }
        }
        boolean pgstattuple = pgstattupleUsable(c);
        if (exact) {
            for (int i = 0; i < tables.size(); i++) {
                cancellation.checkpoint();
                TableStats t = tables.get(i).withExactRows(count(c, tables.get(i).table()));
                long measured = pgstattuple ? measuredBloat(c, oids.get(t.table())) : -1;
                if (measured >= 0) {
                    t = t.withBloat(measured, BloatSource.PGSTATTUPLE_APPROX);
                }
                tables.set(i, t);
            }
        }
        long total;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            total = rs.getLong(1);
        }
        return new DatabaseStorage(total, tables, -1, -1, pgstattuple);
    }

    /**
     * The table's main pages beyond what its live rows need: each row takes a 23-byte header (aligned to 24), its
     * average width from pg_stats and a 4-byte line pointer, in pages that keep 24 bytes for their own header.
     */
    static long estimatedBloat(long rows, long rowWidth, long mainBytes, int blockSize) {
        long perRow = 24 + rowWidth + 4;
        long rowsPerPage = Math.max(1, (blockSize - 24) / perRow);
        long neededPages = (rows + rowsPerPage - 1) / rowsPerPage;
        return Math.max(0, mainBytes - neededPages * blockSize);
    }

    private static boolean pgstattupleUsable(Connection c) {
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT to_regprocedure('pgstattuple_approx(regclass)') IS NOT NULL"
                        + " AND has_function_privilege(to_regprocedure('pgstattuple_approx(regclass)'), 'EXECUTE')")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Free space plus dead tuples measured by pgstattuple_approx, or -1 when it refuses (a partitioned parent, say). */
    private static long measuredBloat(Connection c, long oid) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT (approx_free_space + dead_tuple_len)::bigint FROM pgstattuple_approx(?::oid::regclass)")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + SqlNames.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private DatabaseStorage sqlite(Connection c, Set<String> profileTables, boolean exact, Cancellation cancellation)
            throws SQLException {
        Map<String, String> owner = new HashMap<>();
        Map<String, Boolean> isIndex = new HashMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT name, type, tbl_name FROM sqlite_master WHERE (type = 'table' AND name NOT LIKE 'sqlite_%') OR type = 'index'")) {
            while (rs.next()) {
                owner.put(rs.getString(1), rs.getString(3));
                isIndex.put(rs.getString(1), rs.getString(2).equals("index"));
                if (rs.getString(2).equals("table")) {
                    names.add(rs.getString(1));
                }
            }
        }
        // One short read per b-tree rather than one walk of the whole file: a live platform's writers wait for a
        // reader's lock in rollback-journal mode, so none is held for long.
        Map<String, long[]> pages = new HashMap<>(); // table -> {table bytes, index bytes, unused bytes}
        try (PreparedStatement ps = c.prepareStatement("SELECT sum(pgsize), sum(unused) FROM dbstat WHERE name = ?")) {
            for (Map.Entry<String, String> btree : owner.entrySet()) {
                cancellation.checkpoint();
                ps.setString(1, btree.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long[] sums = pages.computeIfAbsent(btree.getValue(), k -> new long[3]);
                        sums[isIndex.get(btree.getKey()) ? 1 : 0] += rs.getLong(1);
                        sums[2] += rs.getLong(2);
                    }
                }
            }
        } catch (SQLException e) {
            pages.clear(); // built without dbstat: sizes unknown, rows still known
        }
        Map<String, Long> estimates = sqliteEstimates(c);
        List<TableStats> tables = new ArrayList<>();
        for (String name : names) {
            cancellation.checkpoint();
            long[] sums = pages.get(name);
            Long estimate = estimates.get(name);
            boolean counted = exact || estimate == null;
            long rows = counted ? count(c, name) : estimate;
            long tableBytes = sums == null ? -1 : sums[0];
            long indexBytes = sums == null ? -1 : sums[1];
            tables.add(new TableStats(name, profileTables.contains(name.toLowerCase(Locale.ROOT)), rows, counted, tableBytes, indexBytes,
                    0, sums == null ? -1 : sums[0] + sums[1], -1, sums == null ? -1 : sums[2],
                    sums == null ? BloatSource.NONE : BloatSource.SQLITE_DBSTAT, null, null, null, null));
        }
        long pageSize = pragma(c, "page_size");
        long freeList = pragma(c, "freelist_count") * pageSize;
        return new DatabaseStorage(SqliteCatalog.databaseBytes(db.target()), tables, freeList, pageSize, false);
    }

    /** Row counts ANALYZE left in sqlite_stat1 (the first number of a table's or index's stat), when it ran. */
    private static Map<String, Long> sqliteEstimates(Connection c) {
        Map<String, Long> estimates = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT tbl, stat FROM sqlite_stat1")) {
            while (rs.next()) {
                String first = rs.getString(2).split(" ")[0];
                estimates.merge(rs.getString(1), Long.parseLong(first), Math::max);
            }
        } catch (SQLException | NumberFormatException e) {
            estimates.clear(); // never analyzed: rows are counted instead
        }
        return estimates;
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
