package io.tidemark.actions.archive;

import io.tidemark.actions.PlatformSession;
import io.tidemark.core.Tenant;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveName;
import io.tidemark.core.archive.ArchiveRecord;
import io.tidemark.files.archive.ArchiveFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lists a platform's archives: every archive file in the tenants' archive folders, joined with the archive table's rows. */
public final class ListArchives {

    private ListArchives() {
    }

    /** Every archive (of one tenant when {@code tenant} is not null), by tenant then day. */
    public static List<ArchiveEntry> list(PlatformSession session, String tenant) {
        return entries(ArchiveSite.of(session), tenant);
    }

    /** The tenants' names. */
    public static List<String> tenants(PlatformSession session) {
        return session.tenants().stream().map(Tenant::name).toList();
    }

    static List<ArchiveEntry> entries(ArchiveSite site, String tenant) {
        Map<String, ArchiveRecord> records = new HashMap<>();
        for (ArchiveRecord r : site.records()) {
            if (tenant == null || tenant.equals(r.tenant())) {
                records.put(r.tenant() + "/" + r.fileName(), r);
            }
        }
        List<ArchiveEntry> entries = new ArrayList<>();
        for (Tenant t : site.tenants()) {
            if (tenant != null && !tenant.equals(t.name())) {
                continue;
            }
            Path folder = site.folder(t.name()).orElse(null);
            if (folder == null) {
                continue;
            }
            for (Path file : ArchiveFiles.list(folder).archives()) {
                ArchiveName name = ArchiveName.parse(file.getFileName().toString()).orElseThrow();
                ArchiveRecord record = records.remove(t.name() + "/" + file.getFileName());
                entries.add(new ArchiveEntry(t.name(), name, file, size(file), record));
            }
        }
        for (ArchiveRecord r : records.values()) {
            ArchiveName name = ArchiveName.parse(r.fileName()).orElse(new ArchiveName(r.tenant() == null ? "?" : r.tenant(), r.day(),
                    "postgres".equalsIgnoreCase(r.format()) ? ArchiveFormat.POSTGRES : ArchiveFormat.SQLITE, r.compressed()));
            entries.add(new ArchiveEntry(r.tenant() == null ? "?" : r.tenant(), name, null, r.sizeBytes(), r));
        }
        entries.sort(Comparator.comparing(ArchiveEntry::tenant).thenComparing(e -> e.name().day())
                .thenComparing(e -> e.name().fileName()));
        return entries;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
