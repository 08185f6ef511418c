package io.tidemark.core.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where DATA_DIR's bytes are: per tenant and category, per service log family, the database file and the rest.
 *
 * @param dataDir     the folder scanned
 * @param tenants     per tenant, its usage by category (tenants in name order)
 * @param serviceLogs per rotation family ("logs/gunicorn.log" with its .1….N backups), by name
 * @param database    the platform's SQLite database file and its journal
 * @param unassigned  files of no tenant and no known category
 * @param folders     the folders walked (their own entries count in {@link #totalBytes()} as du counts them)
 * @param problems    what could not be counted or was not followed
 * @param scannedAt   when the scan finished
 * @param took        how long it took
 * @param reusedFolders folders whose content a previous scan's knowledge answered for (unchanged modification time)
 * @param byFolder    each folder's own files per owner and category, for drilling down (sorted by path)
 */
public record DataDirUsage(String dataDir, Map<String, Map<FileCategory, Usage>> tenants, Map<String, Usage> serviceLogs,
                           Usage database, Usage unassigned, Usage folders, List<ScanProblem> problems, Instant scannedAt,
                           Duration took, long reusedFolders, List<FolderFiles> byFolder) {

    /** Every byte counted, files and folders, as {@code du --apparent-size -b} counts them. */
    public long totalBytes() {
        return fileTotal().bytes() + folders.bytes();
    }

    /** All files counted (folders excluded). */
    public Usage fileTotal() {
        Usage total = database.plus(unassigned);
        for (Usage u : serviceLogs.values()) {
            total = total.plus(u);
        }
        for (Map<FileCategory, Usage> byCategory : tenants.values()) {
            for (Usage u : byCategory.values()) {
                total = total.plus(u);
            }
        }
        return total;
    }

    /** One tenant's usage of one category (empty when none). */
    public Usage tenant(String tenant, FileCategory category) {
        return tenants.getOrDefault(tenant, Map.of()).getOrDefault(category, Usage.NONE);
    }

    /** Every tenant's usage of one category together. */
    public Usage category(FileCategory category) {
        Usage sum = Usage.NONE;
        for (Map<FileCategory, Usage> byCategory : tenants.values()) {
            sum = sum.plus(byCategory.getOrDefault(category, Usage.NONE));
        }
        return sum;
    }
}
