package io.tidemark.core.archive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the platform's archive table ({@code cpiarchive}): an archive the platform believes it has.
 *
 * @param id         the row's key
 * @param tenantId   the tenant's key
 * @param tenant     the tenant's name
 * @param day        the archived day
 * @param fileName   the archive's file name in the tenant's archive folder
 * @param format     "sqlite" or "postgres"
 * @param compressed whether the file is gzip-compressed
 * @param sizeBytes  the file's size when written
 * @param rowCount   the rows it holds
 * @param sha256     SHA-256 of the file's bytes (hex)
 * @param createdAt  when it was written
 */
public record ArchiveRecord(long id, long tenantId, String tenant, LocalDate day, String fileName, String format,
                            boolean compressed, long sizeBytes, long rowCount, String sha256, Instant createdAt) {
}
