package io.tidemark.core.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an archive says it holds, written inside it: whose day, from where, and each table's row count and checksum.
 *
 * @param formatVersion   the archive format's version (1)
 * @param tenant          the tenant's name
 * @param tenantId        the tenant's key in the tenant table
 * @param day             the day whose rows it holds (UTC)
 * @param family          the profile's table family ("message_log")
 * @param source          the platform it came from ({@code PlatformSession.key()})
 * @param createdAt       when it was written
 * @param tidemarkVersion the Tidemark that wrote it
 * @param tables          its tables, parents first
 */
public record ArchiveManifest(int formatVersion, String tenant, long tenantId, LocalDate day, String family, String source,
                              Instant createdAt, String tidemarkVersion, List<TableContent> tables) {

    /** The current format version. */
    public static final int FORMAT_VERSION = 1;

    public ArchiveManifest {
        tables = List.copyOf(tables);
    }

    /** This manifest holding {@code tables} instead (a writer fills its heading's table list as it goes). */
    public ArchiveManifest withTables(List<TableContent> tables) {
        return new ArchiveManifest(formatVersion, tenant, tenantId, day, family, source, createdAt, tidemarkVersion, tables);
    }

    /** Rows in every table. */
    public long totalRows() {
        return tables.stream().mapToLong(TableContent::rows).sum();
    }

    /** A table's entry, if the archive holds it. */
    public java.util.Optional<TableContent> table(String name) {
        return tables.stream().filter(t -> t.table().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * One table in an archive.
     *
     * @param table   the table's name in the platform database
     * @param key     its primary key column (rows are stored and checksummed in its order)
     * @param columns its columns, in order
     * @param rows    how many rows it holds
     * @param sha256  SHA-256 over the canonical encoding of its rows in key order (hex)
     */
    public record TableContent(String table, String key, List<String> columns, long rows, String sha256) {
        public TableContent {
            columns = List.copyOf(columns);
        }
    }
}
