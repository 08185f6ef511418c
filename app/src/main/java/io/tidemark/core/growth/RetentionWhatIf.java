package io.tidemark.core.growth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What keeping N days of rows (and M days of logs) would leave: each table's and tenant's steady-state size, from
 * what they add per day now. A table in steady state holds N days of rows; a log folder M days of logs.
 *
 * @param daysToKeep       the rows' retention asked about
 * @param logRetentionDays the logs' retention asked about
 * @param volumeDays       the recent days the per-day volumes are averaged over
 * @param tables           per table
 * @param tenants          per tenant
 */
public record RetentionWhatIf(int daysToKeep, int logRetentionDays, int volumeDays, List<Line> tables, List<Line> tenants) {

    /**
     * One table's or tenant's figures.
     *
     * @param name          the table or tenant
     * @param rowsNow       rows now (the rebuilt count: what the timestamps show)
     * @param bytesNow      bytes now (database share, plus log files for a tenant)
     * @param rowsPerDay    rows added per day, averaged over the recent days
     * @param bytesPerDay   bytes added per day (rows × bytes per row, plus log files for a tenant)
     * @param steadyRows    rows kept at steady state
     * @param steadyBytes   bytes kept at steady state
     */
    public record Line(String name, long rowsNow, long bytesNow, double rowsPerDay, double bytesPerDay, long steadyRows,
                       long steadyBytes) {
        /** Steady-state bytes minus bytes now: negative when the retention would free space. */
        public long change() {
            return steadyBytes - bytesNow;
        }
    }

    /** The total of the tables now. */
    public long tablesBytesNow() {
        return tables.stream().mapToLong(Line::bytesNow).sum();
    }

    /** The total of the tables at steady state. */
    public long tablesSteadyBytes() {
        return tables.stream().mapToLong(Line::steadyBytes).sum();
    }

    /**
     * Works it out.
     *
     * @param volumes     what was added each day
     * @param bytesPerRow each table's bytes per row
     * @param lastDay     the newest day of the volumes (their per-day means are taken over the {@code volumeDays} up to it)
     */
    public static RetentionWhatIf of(RebuiltVolumes volumes, Map<String, Double> bytesPerRow, LocalDate lastDay, int daysToKeep,
                                     int logRetentionDays, int volumeDays) {
        LocalDate from = lastDay.minusDays(volumeDays - 1L);
        Map<String, double[]> tables = new TreeMap<>();   // rows now, bytes now, rows recent, bytes recent
        Map<String, double[]> tenants = new TreeMap<>();  // rows now, bytes now, rows recent, db bytes recent, log bytes recent, log bytes now
        for (RebuiltVolumes.RowDay r : volumes.rows()) {
            double bpr = bytesPerRow.getOrDefault(r.table(), 0.0);
            boolean recent = !r.day().isBefore(from) && !r.day().isAfter(lastDay);
            double[] t = tables.computeIfAbsent(r.table(), k -> new double[4]);
            t[0] += r.rows();
            t[1] += r.rows() * bpr;
            if (recent) {
                t[2] += r.rows();
                t[3] += r.rows() * bpr;
            }
            if (r.tenant() != null) {
                double[] n = tenants.computeIfAbsent(r.tenant(), k -> new double[6]);
                n[0] += r.rows();
                n[1] += r.rows() * bpr;
                if (recent) {
                    n[2] += r.rows();
                    n[3] += r.rows() * bpr;
                }
            }
        }
        for (RebuiltVolumes.FileDay f : volumes.files()) {
            if (f.category() != GrowthCategory.JOB_LOGS && f.category() != GrowthCategory.RUN_LOGS) {
                continue; // archives follow their own window, not the logs' retention
            }
            double[] n = tenants.computeIfAbsent(f.tenant(), k -> new double[6]);
            n[1] += f.bytes();
            n[5] += f.bytes();
            if (!f.day().isBefore(from) && !f.day().isAfter(lastDay)) {
                n[4] += f.bytes();
            }
        }
        List<Line> tableLines = new ArrayList<>();
        tables.forEach((name, t) -> tableLines.add(new Line(name, (long) t[0], Math.round(t[1]), t[2] / volumeDays,
                t[3] / volumeDays, Math.round(t[2] / volumeDays * daysToKeep), Math.round(t[3] / volumeDays * daysToKeep))));
        List<Line> tenantLines = new ArrayList<>();
        tenants.forEach((name, n) -> tenantLines.add(new Line(name, (long) n[0], Math.round(n[1]), n[2] / volumeDays,
                (n[3] + n[4]) / volumeDays, Math.round(n[2] / volumeDays * daysToKeep),
                Math.round(n[3] / volumeDays * daysToKeep + n[4] / volumeDays * logRetentionDays))));
        Comparator<Line> bySize = Comparator.comparingLong(Line::bytesNow).reversed();
        tableLines.sort(bySize);
        tenantLines.sort(bySize);
        return new RetentionWhatIf(daysToKeep, logRetentionDays, volumeDays, tableLines, tenantLines);
    }
}
