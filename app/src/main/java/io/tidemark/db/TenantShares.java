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
 * ({@code TABLESAMPLE SYSTEM}), and each sampled figure says how precise it is.
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
        double percent = sample ? Math.max(0.01, Math.min(100, 100.0 * SAMPLE_ROWS / table.rows())) : 100;
        String sql = "SELECT " + SqlNames.quote(tenantColumn) + ", count(*) FROM " + SqlNames.quote(table.table())
                + (sample ? String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.4f)", percent) : "")
                + " GROUP BY 1";
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
        long totalRows = sample ? Math.max(table.rows(), seen) : seen;
        for (long[] c : counts) {
            double share = seen == 0 ? 0 : (double) c[1] / seen;
            long rows = sample ? Math.round(share * totalRows) : c[1];
            long bytes = table.totalBytes() < 0 ? -1 : Math.round(share * table.totalBytes());
            // Block sampling: treat the sampled rows as a binomial draw; the error of a share p from n rows is sqrt((1-p)/(n p)).
            double error = sample && c[1] > 0 ? Math.sqrt((1 - share) / (seen * share)) : 0;
            shares.add(new TenantRows(table.table(), c[0], rows, bytes, !sample, error));
        }
        return shares;
    }
}
