package io.tidemark.actions;

import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.FolderFiles;
import io.tidemark.core.storage.SizeNode;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.storage.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Arranges a storage review as nested boxes: database → tables; DATA_DIR → tenants → categories → folders. */
public final class StorageTree {

    private StorageTree() {
    }

    /**
     * The whole platform as one tree. A SQLite database that lives in DATA_DIR is a box inside DATA_DIR (its tables
     * inside it), so nothing is counted twice; a database elsewhere stands beside DATA_DIR.
     */
    public static SizeNode of(StorageReport report) {
        SizeNode database = database(report);
        if (report.dataDir() == null) {
            return database;
        }
        if (report.databaseInDataDir()) {
            return dataDir(report.dataDir(), database);
        }
        return SizeNode.of("Platform", "The database and DATA_DIR", List.of(database, dataDir(report.dataDir(), null)));
    }

    private static SizeNode database(StorageReport report) {
        List<SizeNode> tables = new ArrayList<>();
        long listed = 0;
        for (TableStats t : report.database().tables()) {
            if (t.totalBytes() > 0) {
                tables.add(SizeNode.leaf(t.table(), t.totalBytes(), "Table, indexes and TOAST" + (t.inProfile() ? "" : " · not in the profile")));
                listed += t.totalBytes();
            }
        }
        long rest = report.database().totalBytes() - listed;
        if (rest > 0) {
            tables.add(SizeNode.leaf("catalog and free pages", rest, "The database's size beyond its user tables"));
        }
        return new SizeNode("Database", Math.max(report.database().totalBytes(), listed), "The database's size on disk", tables);
    }

    private static SizeNode dataDir(DataDirUsage usage, SizeNode databaseInside) {
        Path root = Path.of(usage.dataDir());
        Map<String, Map<FileCategory, List<SizeNode>>> folders = new LinkedHashMap<>();
        List<SizeNode> unassignedFolders = new ArrayList<>();
        for (FolderFiles f : usage.byFolder()) {
            SizeNode node = SizeNode.leaf(relative(root, f.folder()), f.bytes(), f.files() + " files directly in this folder");
            switch (f.category()) {
                case ARCHIVES, JOB_LOGS, RUN_LOGS, TENANT_OTHER ->
                        folders.computeIfAbsent(f.owner(), k -> new LinkedHashMap<>()).computeIfAbsent(f.category(), k -> new ArrayList<>()).add(node);
                case UNASSIGNED -> unassignedFolders.add(node);
                default -> { }
            }
        }
        List<SizeNode> children = new ArrayList<>();
        for (Map.Entry<String, Map<FileCategory, Usage>> tenant : usage.tenants().entrySet()) {
            List<SizeNode> categories = new ArrayList<>();
            for (Map.Entry<FileCategory, Usage> c : tenant.getValue().entrySet()) {
                List<SizeNode> inside = folders.getOrDefault(tenant.getKey(), Map.of()).getOrDefault(c.getKey(), List.of());
                categories.add(new SizeNode(c.getKey().label(), c.getValue().bytes(), c.getValue().files() + " files", inside));
            }
            children.add(SizeNode.of(tenant.getKey(), "Tenant " + tenant.getKey() + ": its files in every category", categories));
        }
        List<SizeNode> families = new ArrayList<>();
        usage.serviceLogs().forEach((family, u) -> families.add(SizeNode.leaf(family, u.bytes(), u.files() + " files with its backups")));
        children.add(SizeNode.of("service logs", "The platform's global logs, by rotation family", families));
        children.add(databaseInside == null
                ? SizeNode.leaf("database file", usage.database().bytes(), "The SQLite database file and its journal")
                : new SizeNode("database file", usage.database().bytes(), "The SQLite database file and its journal: its tables inside",
                        databaseInside.children()));
        children.add(new SizeNode("other files", usage.unassigned().bytes(), "Files of no tenant and no category", unassignedFolders));
        children.add(SizeNode.leaf("folder entries", usage.folders().bytes(), "The folders themselves, as du counts them"));
        return new SizeNode("DATA_DIR", usage.totalBytes(), usage.dataDir(), children);
    }

    private static String relative(Path root, String folder) {
        Path path = Path.of(folder);
        return path.startsWith(root) && !path.equals(root) ? root.relativize(path).toString() : folder;
    }
}
