package io.tidemark.core.profile;

import java.util.List;
import java.util.Optional;

/**
 * How one kind of platform lays out its data: which tables grow and how they relate, where tenants are,
 * where its logs and archives live, and its default retentions. Loaded from a YAML file; the engine
 * never names a platform's tables itself. {@code metrics} is the platform's metric snapshot table, or null;
 * {@code jobRuns} its record of worker job runs, or null.
 */
public record PlatformProfile(
        String name,
        String title,
        TenantModel tenants,
        List<TableSpec> tables,
        FileLayout files,
        RetentionDefaults retention,
        MetricTable metrics,
        JobRunTable jobRuns) {

    public PlatformProfile {
        tables = tables == null ? List.of() : List.copyOf(tables);
        retention = retention == null ? RetentionDefaults.STANDARD : retention;
    }

    /** The table with this name (case-insensitive), if the profile knows it. */
    public Optional<TableSpec> table(String tableName) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(tableName)).findFirst();
    }

    /** Whether the platform separates its data by tenant. */
    public boolean hasTenants() {
        return tenants != null;
    }

    /** Whether the platform keeps files (logs, archives) in a DATA_DIR. */
    public boolean hasFiles() {
        return files != null;
    }
}
