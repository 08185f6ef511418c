package io.tidemark.files;

import io.tidemark.core.storage.FileCategory;

/**
 * Where a file's bytes are counted: a tenant's category, a service log family, the database, or unassigned.
 *
 * @param category the category
 * @param owner    the tenant's name, the service log family, or "" for the database and unassigned files
 */
record Bucket(FileCategory category, String owner) {
}
