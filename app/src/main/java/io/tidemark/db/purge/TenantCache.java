package io.tidemark.db.purge;

import io.tidemark.core.TidemarkException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.net.URI;
import java.util.List;

/** A tenant's entries in the platform's Redis cache, found by SCAN (never KEYS, which blocks the server) and deleted. */
public final class TenantCache {

    private TenantCache() {
    }

    /**
     * Deletes the keys matching {@code patterns} (with {@code {config}} replaced by the tenant's name).
     *
     * @return how many keys were deleted
     */
    public static long delete(String redisUrl, List<String> patterns, String tenant) {
        long deleted = 0;
        try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
            for (String pattern : patterns) {
                String match = pattern.replace("{config}", escape(tenant));
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(match).count(500));
                    if (!page.getResult().isEmpty()) {
                        deleted += jedis.unlink(page.getResult().toArray(new String[0]));
                    }
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            }
        } catch (RuntimeException e) {
            throw new TidemarkException("The Redis cache at " + redisUrl + " could not be cleaned: " + e.getMessage(), e);
        }
        return deleted;
    }

    /** The tenant's name with Redis glob characters escaped, so a name cannot widen the match. */
    static String escape(String name) {
        return name.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
