package io.tidemark.core.storage;

import java.util.Map;

/**
 * Storage limits an administrator set for one platform (the platform itself has none). Sizes in bytes; 0 means no limit.
 *
 * @param freeDiskFloor the least free space the disk under DATA_DIR may have
 * @param dataDir       all of DATA_DIR
 * @param database      the database
 * @param perTenant     each tenant: its files plus its estimated database bytes
 * @param perCategory   each tenant's files of one category
 * @param tenants       limits for one tenant: "total" or a category name, to bytes
 */
public record Quotas(long freeDiskFloor, long dataDir, long database, long perTenant, Map<FileCategory, Long> perCategory,
                     Map<String, Map<String, Long>> tenants) {

    /** No limits at all. */
    public static final Quotas NONE = new Quotas(0, 0, 0, 0, Map.of(), Map.of());

    public Quotas {
        perCategory = Map.copyOf(perCategory);
        tenants = Map.copyOf(tenants);
    }

    /** Whether any limit is set. */
    public boolean any() {
        return freeDiskFloor > 0 || dataDir > 0 || database > 0 || perTenant > 0 || !perCategory.isEmpty() || !tenants.isEmpty();
    }
}
