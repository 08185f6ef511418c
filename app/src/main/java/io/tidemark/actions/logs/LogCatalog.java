package io.tidemark.actions.logs;

import io.tidemark.actions.DataDirLayouts;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.UserFolders;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.logs.LogNode;
import io.tidemark.core.profile.FileLayout;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.TenantFolders;
import io.tidemark.files.FolderNames;
import io.tidemark.files.logs.LogTreeReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every log of a platform: where they are (the profile's layout and each tenant's path settings), the tree, and the
 * scopes a search or a trace runs over. Only the files the tree lists, or files inside DATA_DIR, are ever opened.
 */
public final class LogCatalog {

    private final DataDirLayout layout;
    private final List<FileLayout.LogFamilySpec> families;

    private LogCatalog(DataDirLayout layout, List<FileLayout.LogFamilySpec> families) {
        this.layout = layout;
        this.families = List.copyOf(families);
    }

    /** The logs of an open platform: tenants and their path settings from its database. */
    public static LogCatalog of(PlatformSession session) {
        return new LogCatalog(DataDirLayouts.of(session), families(session.profile()));
    }

    /**
     * The logs of a DATA_DIR without its database: the tenants are the folders that hold job or run logs where the
     * profile puts them (path settings in the database are not known, so moved tenants are not seen).
     */
    public static LogCatalog of(Path dataDir, PlatformProfile profile) {
        Path root = dataDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new TidemarkException("The DATA_DIR " + root + " is not a folder.");
        }
        DataDirLayout bare = DataDirLayouts.of(root, profile, List.of());
        List<TenantFolders> tenants = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (FolderNames.isSafeSegment(name) && !folder.equals(bare.logDir())
                        && (Files.isDirectory(folder.resolve(bare.jobLogFolder())) || Files.isDirectory(folder.resolve(bare.runLogFolder())))) {
                    tenants.add(new TenantFolders(name, folder, folder));
                }
            }
        } catch (IOException e) {
            throw new TidemarkException("Cannot list DATA_DIR " + root + ": " + e.getMessage(), e);
        }
        tenants.sort(java.util.Comparator.comparing(TenantFolders::tenant));
        return new LogCatalog(new DataDirLayout(root, bare.logDir(), tenants, bare.archiveFolder(), bare.jobLogFolder(),
                bare.runLogFolder(), bare.databaseFiles()), families(profile));
    }

    private static List<FileLayout.LogFamilySpec> families(PlatformProfile profile) {
        return profile.files() == null ? List.of() : profile.files().serviceLogs();
    }

    /** DATA_DIR. */
    public Path dataDir() {
        return layout.dataDir();
    }

    /** The tree as the disk holds it now. */
    public LogNode tree() {
        return LogTreeReader.read(layout, families);
    }

    /** The tenants whose logs the catalog knows. */
    public List<String> tenants() {
        return layout.tenants().stream().map(TenantFolders::tenant).toList();
    }

    /** One tenant's subtree; an unknown or unsafe name is refused. */
    public LogNode tenant(LogNode tree, String tenant) {
        if (!FolderNames.isSafeSegment(tenant) || !tenants().contains(tenant)) {
            throw new TidemarkException("No tenant named '" + tenant + "' has logs here" + (tenants().isEmpty() ? "."
                    : " (tenants: " + String.join(", ", tenants().subList(0, Math.min(8, tenants().size())))
                    + (tenants().size() > 8 ? ", …" : "") + ")."));
        }
        LogNode node = tree.find(LogNode.Kind.TENANT, tenant);
        return node != null ? node : LogNode.of(LogNode.Kind.TENANT, tenant, tenant, List.of());
    }

    /**
     * The files a scope names: {@code all}, {@code tenant:NAME}, {@code family:NAME} (a service log family) or
     * {@code file:PATH} (relative to DATA_DIR, or absolute inside it).
     */
    public List<LogNode> scope(LogNode tree, String scope) {
        if (scope == null || scope.equals("all")) {
            return tree.files();
        }
        if (scope.startsWith("tenant:")) {
            return tenant(tree, scope.substring("tenant:".length())).files();
        }
        if (scope.startsWith("family:")) {
            LogNode family = tree.find(LogNode.Kind.FAMILY, scope.substring("family:".length()));
            if (family == null) {
                throw new TidemarkException("No service log family is named '" + scope.substring(7) + "'.");
            }
            return family.files();
        }
        if (scope.startsWith("file:")) {
            Path file = resolveFile(tree, scope.substring("file:".length()));
            LogNode node = tree.fileAt(file);
            return List.of(node != null ? node : LogNode.file(dataDir().relativize(file).toString(), file, size(file), null, null));
        }
        throw new TidemarkException("Unknown scope '" + scope + "': use all, tenant:NAME, family:NAME or file:PATH.");
    }

    /**
     * The log {@code file} names: a path relative to DATA_DIR or absolute. It must be a file of the tree or lie inside
     * DATA_DIR (after resolving "..", and symbolic links), so a name like ../../etc/passwd opens nothing.
     */
    public Path resolveFile(LogNode tree, String file) {
        Path given = Path.of(file);
        Path resolved = (given.isAbsolute() ? given : dataDir().resolve(given)).normalize();
        if (tree.fileAt(resolved) == null) {
            boolean inside = resolved.startsWith(dataDir());
            try {
                inside = inside && Files.exists(resolved) && resolved.toRealPath().startsWith(dataDir().toRealPath());
            } catch (IOException e) {
                inside = false;
            }
            if (!inside) {
                throw new TidemarkException("The log " + file + " is not a log of this platform's DATA_DIR (" + dataDir() + ").");
            }
        }
        if (!Files.isRegularFile(resolved)) {
            throw new TidemarkException("The log " + file + " does not exist.");
        }
        return resolved;
    }

    /** A file's name for people: its path relative to DATA_DIR when inside it. */
    public String label(Path file) {
        return file.startsWith(dataDir()) ? dataDir().relativize(file).toString() : file.toString();
    }

    /** Where decompressed copies of .gz logs are kept. */
    public static Path cacheDir(UserFolders folders) {
        return folders.data().resolve("cache").resolve("logs");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
