package io.tidemark.db;

import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.storage.TenantRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows and estimated bytes per tenant in each large table. A table's tenant column is indexed on the platform, so
 * a grouped count reads the index only; a PostgreSQL table past a million rows is sampled instead
 * ({@code TABLESAMPLE SYSTEM}, whole pages), and each sampled figure says how precise it is.
 */
public final class TenantShares {

    /** Tables with more rows than this are sampled on PostgreSQL. */
    static final long SAMPLE_ABOVE_ROWS = 1_000_000;
    /** About how many rows a sample reads. */
    static final long SAMPLE_ROWS = 200_000;

    private final PlatformDatabase db;

    public TenantShares(PlatformDatabase db) {
        this.db = db;
    }

    /** Each tenant's rows in {@code table} (grouped by {@code tenantColumn}), with bytes in proportion to its rows. */
    public List<TenantRows> of(TableStats table, String tenantColumn, Cancellation cancellation) {
        cancellation.checkpoint();
        boolean sample = db.kind() == DatabaseKind.POSTGRESQL && table.rows() > SAMPLE_ABOVE_ROWS;
        return sample ? sampled(table, tenantColumn) : counted(table, tenantColumn);
    }

    private List<TenantRows> counted(TableStats table, String tenantColumn) {
        String sql = "SELECT " + SqlNames.quote(tenantColumn) + ", count(*) FROM " + SqlNames.quote(table.table()) + " GROUP BY 1";
        List<long[]> counts = new ArrayList<>();
        long seen = 0;
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.add(new long[] {rs.getLong(1), rs.getLong(2)});
                seen += rs.getLong(2);
            }
        } catch (SQLException e) {
            throw new TidemarkException("Counting rows per tenant in " + table.table() + " failed: " + e.getMessage(), e);
        }
        List<TenantRows> shares = new ArrayList<>();
        for (long[] c : counts) {
            long bytes = table.totalBytes() < 0 || seen == 0 ? -1 : Math.round((double) c[1] / seen * table.totalBytes());
            shares.add(new TenantRows(table.table(), c[0], c[1], bytes, true, 0));
        }
        return shares;
    }

    /**
     * Samples whole pages ({@code TABLESAMPLE SYSTEM}) and scales each tenant's share to the table's row estimate. Rows
     * of one page are not independent (a burst of one tenant's traffic fills pages), so the error is the ratio
     * estimator's over sampled pages: var(p) = m/(m-1) · Σ(y_i − p·x_i)² / (Σx_i)², x_i the page's rows, y_i the tenant's.
     */
    private List<TenantRows> sampled(TableStats table, String tenantColumn) {
        double percent = Math.max(0.01, Math.min(100, 100.0 * SAMPLE_ROWS / table.rows()));
        String sql = String.format(Locale.ROOT, "SELECT (ctid::text::point)[0]::bigint, %s, count(*) FROM %s TABLESAMPLE SYSTEM (%.4f)"
                + " GROUP BY 1, 2", SqlNames.quote(tenantColumn), SqlNames.quote(table.table()), percent);
        java.util.Map<Long, Long> pageRows = new java.util.HashMap<>();
        java.util.Map<Long, List<long[]>> perTenant = new java.util.HashMap<>(); // tenant -> {page, rows}
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long page = rs.getLong(1);
                long tenant = rs.getLong(2);
                long rows = rs.getLong(3);
                pageRows.merge(page, rows, Long::sum);
                perTenant.computeIfAbsent(tenant, k -> new ArrayList<>()).add(new long[] {page, rows});
            }
        } catch (SQLException e) {
            throw new TidemarkException("Sampling rows per tenant in " + table.table() + " failed: " + e.getMessage(), e);
        }
        long pages = pageRows.size();
        double sumX = 0;
        double sumX2 = 0;
        for (long x : pageRows.values()) {
            sumX += x;
            sumX2 += (double) x * x;
        }
        List<TenantRows> shares = new ArrayList<>();
        for (java.util.Map.Entry<Long, List<long[]>> e : perTenant.entrySet()) {
            double sumY = 0;
            double sumY2 = 0;
            double sumXY = 0;
            for (long[] pr : e.getValue()) {
                double y = pr[1];
                sumY += y;
                sumY2 += y * y;
                sumXY += y * pageRows.get(pr[0]);
            }
            double share = sumY / sumX;
            double squares = sumY2 - 2 * share * sumXY + share * share * sumX2;
            double variance = pages > 1 ? (double) pages / (pages - 1) * Math.max(0, squares) / (sumX * sumX) : share * share;
            double error = share > 0 ? Math.sqrt(variance) / share : 0;
            long rows = Math.round(share * Math.max(table.rows(), (long) sumX));
            long bytes = table.totalBytes() < 0 ? -1 : Math.round(share * table.totalBytes());
            shares.add(new TenantRows(table.table(), e.getKey(), rows, bytes, false, error));
        }
        return shares;
    }
}
