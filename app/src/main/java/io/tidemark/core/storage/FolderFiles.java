package io.tidemark.core.storage;

/**
 * The files directly in one folder that belong to one owner and category (a folder's subfolders count apart).
 *
 * @param folder   the folder's absolute path
 * @param owner    the tenant, the service log family, or "" for the database file and unassigned files
 * @param category their category
 * @param files    how many
 * @param bytes    their size
 */
public record FolderFiles(String folder, String owner, FileCategory category, long files, long bytes) {
}
