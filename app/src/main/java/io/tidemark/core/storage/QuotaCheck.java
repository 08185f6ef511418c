package io.tidemark.core.storage;

import io.tidemark.core.ByteSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compares what a storage review measured with the administrator's limits. */
public final class QuotaCheck {

    private QuotaCheck() {
    }

    /**
     * The warnings for these figures, exceeded ones first.
     *
     * @param databaseBytes the database's size
     * @param usage         DATA_DIR's usage, or null
     * @param freeDiskBytes free space under DATA_DIR, or -1 when unknown
     * @param tenantDbBytes each tenant's estimated database bytes, by name
     */
    public static List<StorageWarning> check(Quotas quotas, long databaseBytes, DataDirUsage usage, long freeDiskBytes,
                                             Map<String, Long> tenantDbBytes) {
        List<StorageWarning> warnings = new ArrayList<>();
        if (quotas.freeDiskFloor() > 0 && freeDiskBytes >= 0) {
            if (freeDiskBytes < quotas.freeDiskFloor()) {
                warnings.add(new StorageWarning(StorageWarning.Level.EXCEEDED, "free disk", freeDiskBytes, quotas.freeDiskFloor(),
                        "Only " + ByteSize.format(freeDiskBytes) + " free under DATA_DIR, below the floor of "
                                + ByteSize.format(quotas.freeDiskFloor())));
            } else if (freeDiskBytes < quotas.freeDiskFloor() / StorageWarning.NEAR_FRACTION) {
                warnings.add(new StorageWarning(StorageWarning.Level.NEAR, "free disk", freeDiskBytes, quotas.freeDiskFloor(),
                        ByteSize.format(freeDiskBytes) + " free under DATA_DIR, close to the floor of "
                                + ByteSize.format(quotas.freeDiskFloor())));
            }
        }
        limit(warnings, "the database", databaseBytes, quotas.database());
        if (usage != null) {
            limit(warnings, "DATA_DIR", usage.totalBytes(), quotas.dataDir());
        }
        // Every tenant with files or rows: one with rows but no folder (or no DATA_DIR at all) is still held to its limit.
        java.util.Set<String> tenants = new java.util.TreeSet<>(tenantDbBytes.keySet());
        if (usage != null) {
            tenants.addAll(usage.tenants().keySet());
        }
        for (String tenant : tenants) {
            Map<FileCategory, Usage> files = usage == null ? Map.of() : usage.tenants().getOrDefault(tenant, Map.of());
            long total = files.values().stream().mapToLong(Usage::bytes).sum() + tenantDbBytes.getOrDefault(tenant, 0L);
            Map<String, Long> own = quotas.tenants().getOrDefault(tenant, Map.of());
            limit(warnings, "tenant " + tenant, total, own.getOrDefault("total", quotas.perTenant()));
            for (FileCategory category : List.of(FileCategory.ARCHIVES, FileCategory.JOB_LOGS, FileCategory.RUN_LOGS,
                    FileCategory.TENANT_OTHER)) {
                long limit = own.getOrDefault(key(category), quotas.perCategory().getOrDefault(category, 0L));
                limit(warnings, "tenant " + tenant + " " + category.label(), files.getOrDefault(category, Usage.NONE).bytes(), limit);
            }
        }
        warnings.sort(Comparator.comparing(StorageWarning::level).reversed()
                .thenComparing(Comparator.comparingDouble((StorageWarning w) -> (double) w.used() / Math.max(1, w.limit())).reversed()));
        return warnings;
    }

    /** A category's name in a quota file ("archives", "job_logs", "run_logs", "other"). */
    public static String key(FileCategory category) {
        return switch (category) {
            case ARCHIVES -> "archives";
            case JOB_LOGS -> "job_logs";
            case RUN_LOGS -> "run_logs";
            case TENANT_OTHER -> "other";
            default -> category.name().toLowerCase(Locale.ROOT);
        };
    }

    private static void limit(List<StorageWarning> warnings, String subject, long used, long limit) {
        if (limit <= 0 || used < 0) {
            return;
        }
        String share = String.format(Locale.ROOT, "%.0f %%", 100.0 * used / limit);
        if (used > limit) {
            warnings.add(new StorageWarning(StorageWarning.Level.EXCEEDED, subject, used, limit,
                    capitalised(subject) + " uses " + ByteSize.format(used) + ", over its limit of " + ByteSize.format(limit) + " (" + share + ")"));
        } else if (used >= limit * StorageWarning.NEAR_FRACTION) {
            warnings.add(new StorageWarning(StorageWarning.Level.NEAR, subject, used, limit,
                    capitalised(subject) + " uses " + ByteSize.format(used) + ", " + share + " of its limit of " + ByteSize.format(limit)));
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
