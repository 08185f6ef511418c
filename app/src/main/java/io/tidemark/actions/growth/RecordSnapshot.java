package io.tidemark.actions.growth;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.StorageReport;
import io.tidemark.config.UserFolders;
import io.tidemark.config.growth.GrowthStore;
import io.tidemark.core.growth.GrowthCategory;
import io.tidemark.core.growth.StorageSnapshot;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.storage.TenantDatabaseUsage;
import io.tidemark.core.storage.Usage;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.history.HistoryStart;
import io.tidemark.core.history.Outcome;
import io.tidemark.core.profile.MetricTable;
import io.tidemark.db.growth.PlatformMetrics;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records a storage review as a snapshot in the local growth history (and, when asked, in the platform's metric table). */
public final class RecordSnapshot {

    private RecordSnapshot() {
    }

    /** The snapshot a storage review makes, taken at {@code at}. */
    public static StorageSnapshot of(StorageReport report, Instant at) {
        List<StorageSnapshot.TableSize> tables = new ArrayList<>();
        for (TableStats t : report.database().tables()) {
            if (t.inProfile()) {
                tables.add(new StorageSnapshot.TableSize(t.table(), Math.max(0, t.rows()), t.tableBytes(), t.indexBytes(), t.toastBytes()));
            }
        }
        List<StorageSnapshot.TenantSize> tenants = new ArrayList<>();
        for (Map.Entry<String, TenantDatabaseUsage> e : report.tenantRows().entrySet()) {
            tenants.add(new StorageSnapshot.TenantSize(e.getKey(), GrowthCategory.DATABASE, e.getValue().rows(), Math.max(0, e.getValue().bytes())));
        }
        DataDirUsage usage = report.dataDir();
        long other = 0;
        if (usage != null) {
            for (Map.Entry<String, Map<FileCategory, Usage>> e : usage.tenants().entrySet()) {
                for (Map.Entry<FileCategory, Usage> c : e.getValue().entrySet()) {
                    GrowthCategory category = switch (c.getKey()) {
                        case ARCHIVES -> GrowthCategory.ARCHIVES;
                        case JOB_LOGS -> GrowthCategory.JOB_LOGS;
                        case RUN_LOGS -> GrowthCategory.RUN_LOGS;
                        default -> GrowthCategory.OTHER;
                    };
                    tenants.add(new StorageSnapshot.TenantSize(e.getKey(), category, c.getValue().files(), c.getValue().bytes()));
                }
            }
            other = usage.unassigned().bytes() + usage.folders().bytes()
                    + usage.serviceLogs().values().stream().mapToLong(Usage::bytes).sum();
        }
        return new StorageSnapshot(at, report.database().totalBytes(), usage == null ? -1 : usage.totalBytes(),
                report.disk() == null ? -1 : report.disk().freeBytes(), report.disk() == null ? -1 : report.disk().totalBytes(),
                tables, tenants, other);
    }

    /** Records the review in the user's growth history; returns the snapshot. */
    public static StorageSnapshot record(PlatformSession session, UserFolders folders, StorageReport report) {
        StorageSnapshot snapshot = of(report, Instant.now());
        GrowthStore.open(folders).add(session.key(), snapshot);
        return snapshot;
    }

    /** The metric names written into the platform's metric table, per category. */
    public static String metricName(GrowthCategory category) {
        return "storage_" + category.key() + "_bytes";
    }

    /**
     * Adds the snapshot's per-tenant figures to the platform's own metric table (one row per tenant and category, and
     * {@code storage_total_bytes}); returns the rows added. It changes the platform, so the audit history records it
     * (kind "snapshot"); a null store records nothing (tests).
     *
     * @throws TidemarkException when the profile names no metric table
     */
    public static int writeToPlatform(PlatformSession session, StorageSnapshot snapshot, HistoryStore history) {
        MetricTable table = session.profile().metrics();
        if (table == null) {
            throw new TidemarkException("The profile " + session.profile().name() + " names no metric snapshot table: "
                    + "add a metrics: section to write snapshots into the platform.");
        }
        Map<String, Long> ids = new HashMap<>();
        session.tenants().forEach(t -> ids.put(t.name(), t.id()));
        Map<String, Map<GrowthCategory, Long>> byTenant = new TreeMap<>();
        for (StorageSnapshot.TenantSize t : snapshot.tenants()) {
            byTenant.computeIfAbsent(t.tenant(), k -> new EnumMap<>(GrowthCategory.class)).merge(t.category(), t.bytes(), Long::sum);
        }
        List<PlatformMetrics.Metric> metrics = new ArrayList<>();
        byTenant.forEach((tenant, categories) -> {
            Long id = ids.get(tenant);
            if (id == null) {
                return; // a folder of no tenant row: the table needs a tenant id
            }
            long total = 0;
            for (GrowthCategory category : GrowthCategory.values()) {
                long bytes = categories.getOrDefault(category, 0L);
                metrics.add(new PlatformMetrics.Metric(id, metricName(category), bytes));
                total += bytes;
            }
            metrics.add(new PlatformMetrics.Metric(id, "storage_total_bytes", total));
        });
        long id = history == null ? -1 : history.begin(new HistoryStart("snapshot", session.key(),
                session.spec().name() == null ? session.key() : session.spec().name(),
                session.info().kind() == io.tidemark.core.DatabaseKind.POSTGRESQL ? session.database().user() : null,
                table.table() + ", " + byTenant.size() + " tenants", null));
        try {
            int added = new PlatformMetrics(session.database(), table).add(snapshot.takenAt(), metrics);
            if (history != null) {
                history.finish(id, Outcome.DONE, "{\"rows_added\": " + added + "}", "Added " + added + " storage metric rows to "
                        + table.table() + " at " + snapshot.takenAt() + ".");
            }
            return added;
        } catch (RuntimeException e) {
            if (history != null) {
                history.finish(id, Outcome.FAILED, null, e.getMessage());
            }
            throw e;
        }
    }
}
