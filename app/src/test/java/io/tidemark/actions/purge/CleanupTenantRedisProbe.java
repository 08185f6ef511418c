package io.tidemark.actions.purge;

import java.util.List;

/** Lets CLI-level tests reach the Redis adapter the way the cleanup does (test code only). */
public final class CleanupTenantRedisProbe {

    private CleanupTenantRedisProbe() {
    }

    public static long delete(String url, String tenant) {
        return io.tidemark.db.purge.TenantCache.delete(url, List.of("{config}:*", "*:{config}:*"), tenant);
    }
}
