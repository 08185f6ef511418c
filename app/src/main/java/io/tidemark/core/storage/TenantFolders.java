package io.tidemark.core.storage;

import java.nio.file.Path;

/**
 * Where one tenant's files are, after its settings.
 *
 * @param tenant     the tenant's name
 * @param tenantDir  its folder (archives, other files)
 * @param jobLogDir  the folder holding its {@code logs/jobs} and {@code logs/runs} (its tenant folder unless a setting moves them)
 */
public record TenantFolders(String tenant, Path tenantDir, Path jobLogDir) {
}
