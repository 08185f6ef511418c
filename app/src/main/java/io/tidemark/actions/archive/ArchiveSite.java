package io.tidemark.actions.archive;

import io.tidemark.actions.DataDirLayouts;
import io.tidemark.actions.PlatformSession;
import io.tidemark.core.Tenant;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveRecord;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.TenantFolders;
import io.tidemark.db.TenantDirectory;
import io.tidemark.db.archive.ArchiveFamily;
import io.tidemark.db.archive.ArchiveTable;
import io.tidemark.files.FolderNames;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where one platform's archives are: its tenants, their archive folders, the archive table and the archived family. */
final class ArchiveSite {

    private final PlatformSession session;
    private final List<Tenant> tenants;
    private final Path dataDir;
    private final String archiveFolder;
    /** Each tenant's folders, read from its settings rows when first needed. */
    private final Map<String, TenantFolders> folders = new ConcurrentHashMap<>();
    private volatile Optional<ArchiveTable> archiveTable;
    private volatile ArchiveFamily family;

    private ArchiveSite(PlatformSession session, List<Tenant> tenants, DataDirLayout layout) {
        this.session = session;
        this.tenants = tenants;
        this.dataDir = layout.dataDir();
        this.archiveFolder = layout.archiveFolder();
    }

    static ArchiveSite of(PlatformSession session) {
        if (!session.profile().hasTenants() || !session.profile().hasFiles()) {
            throw new TidemarkException("The profile " + session.profile().name() + " has no tenant archives.");
        }
        if (session.dataDir().isEmpty()) {
            throw new TidemarkException("Archives live in DATA_DIR: give it with --data-dir.");
        }
        Path dataDir = session.dataDir().get();
        return new ArchiveSite(session, session.tenants(), DataDirLayouts.of(dataDir, session.profile(), List.of()));
    }

    PlatformSession session() {
        return session;
    }

    List<Tenant> tenants() {
        return tenants;
    }

    /** The tenant named {@code name}, or a sentence listing the known ones. */
    Tenant tenant(String name) {
        return tenants.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new TidemarkException(
                "No tenant is named '" + name + "'; the platform has " + tenants.stream().map(Tenant::name).toList() + "."));
    }

    /**
     * A tenant's archive folder. A tenant whose name is not one plain folder name ("../../etc") has none: Tidemark
     * never builds a path from it.
     */
    Optional<Path> folder(String tenant) {
        if (!FolderNames.isSafeSegment(tenant)) {
            return Optional.empty();
        }
        TenantFolders own = tenants.stream().filter(t -> t.name().equals(tenant)).findFirst()
                .map(t -> folders.computeIfAbsent(tenant, k -> DataDirLayouts.tenantFolders(session, t))).orElse(null);
        Path tenantDir = (own != null ? own.tenantDir() : dataDir.resolve(tenant)).toAbsolutePath().normalize();
        Path folder = tenantDir.resolve(archiveFolder).normalize();
        if (!folder.startsWith(tenantDir) || Files.isSymbolicLink(folder)) {
            return Optional.empty();
        }
        return Optional.of(folder);
    }

    /** A tenant's archive folder, or the sentence why Tidemark will not write there. */
    Path requireFolder(String tenant) {
        return folder(tenant).orElseThrow(() -> new TidemarkException("The tenant name '" + tenant + "' is not a plain folder name "
                + "(or its archive folder is a link): Tidemark does not write archives outside the tenant's folder."));
    }

    /** The archive table, when the platform has one. */
    Optional<ArchiveTable> archiveTable() {
        if (archiveTable == null) {
            archiveTable = ArchiveTable.of(session.database(), session.profile());
        }
        return archiveTable;
    }

    /** The archive table's rows (none when there is no table). */
    List<ArchiveRecord> records() {
        return archiveTable().map(ArchiveTable::list).orElse(List.of());
    }

    /** The archived family's tables, as the database has them (read once per site). */
    ArchiveFamily family() {
        if (family == null) {
            try (Connection c = session.database().connection()) {
                family = ArchiveFamily.read(c, session.profile());
            } catch (SQLException e) {
                throw new TidemarkException("Cannot read the archived tables: " + e.getMessage(), e);
            }
        }
        return family;
    }

    /** Whether {@code path} is a regular file (not a link). */
    static boolean isFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** A label people recognise for the platform, for the history. */
    String title() {
        return session.spec().name() == null ? session.key() : session.spec().name();
    }
}
