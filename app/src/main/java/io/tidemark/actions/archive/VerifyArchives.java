package io.tidemark.actions.archive;

import io.tidemark.actions.PlatformSession;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveCheck;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveName;
import io.tidemark.core.archive.ArchiveRecord;
import io.tidemark.core.archive.FolderCheck;
import io.tidemark.db.archive.PostgresArchive;
import io.tidemark.db.archive.SqliteArchive;
import io.tidemark.files.archive.ArchiveFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies archives: a file's format, manifest, row counts and checksums (recomputed, never taken from the manifest),
 * its gzip data, and its archive-table row; and the archive table against the folders.
 */
public final class VerifyArchives {

    private VerifyArchives() {
    }

    /** Verifies one file on its own (no archive-table row to compare with). */
    public static ArchiveCheck file(Path file, Cancellation cancellation) {
        return file(file, null, cancellation);
    }

    /** Verifies one file and, when given, the archive-table row that records it. */
    public static ArchiveCheck file(Path file, ArchiveRecord record, Cancellation cancellation) {
        ArchiveName name;
        try {
            name = ArchiveReading.name(file);
        } catch (TidemarkException e) {
            return new ArchiveCheck(file, null, java.util.Map.of(), List.of(e.getMessage()));
        }
        ArchiveCheck check;
        try {
            if (name.format() == ArchiveFormat.SQLITE) {
                try (ArchiveReading.PlainFile plain = ArchiveReading.plainSqlite(file, name)) {
                    check = verifyPlain(plain.path(), ArchiveFormat.SQLITE, cancellation);
                }
            } else {
                try (InputStream in = ArchiveReading.script(file, name)) {
                    check = toCheck(file, PostgresArchive.verify(in, cancellation));
                }
            }
        } catch (TidemarkException e) {
            return new ArchiveCheck(file, null, java.util.Map.of(), List.of(e.getMessage()));
        } catch (IOException e) {
            return new ArchiveCheck(file, null, java.util.Map.of(), List.of("Cannot read " + file.getFileName() + ": " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>(check.problems());
        if (check.manifest() != null) {
            if (!check.manifest().tenant().equals(name.tenant()) || !check.manifest().day().equals(name.day())) {
                problems.add("The manifest is for tenant " + check.manifest().tenant() + ", " + check.manifest().day()
                        + " but the file is named for tenant " + name.tenant() + ", " + name.day() + ".");
            }
            if (record != null && record.rowCount() != check.manifest().totalRows()) {
                problems.add("The archive table records " + record.rowCount() + " rows but the file holds " + check.manifest().totalRows() + ".");
            }
        }
        if (record != null && record.sha256() != null && !record.sha256().isBlank()) {
            try {
                if (!ArchiveFiles.sha256(file).equalsIgnoreCase(record.sha256())) {
                    problems.add("The file's SHA-256 differs from the one the archive table recorded: it changed since it was written.");
                }
            } catch (IOException e) {
                problems.add("Cannot read " + file.getFileName() + ": " + e.getMessage());
            }
        }
        return new ArchiveCheck(file, check.manifest(), check.actualRows(), problems);
    }

    /** Verifies an uncompressed archive file of a known format. */
    static ArchiveCheck verifyPlain(Path file, ArchiveFormat format, Cancellation cancellation) {
        return verifyPlain(file, format, cancellation, null);
    }

    /**
     * {@link #verifyPlain}, also passing a script's bytes through {@code fileDigest} when given (the export records the
     * file's SHA-256 from the same read).
     */
    static ArchiveCheck verifyPlain(Path file, ArchiveFormat format, Cancellation cancellation, java.security.MessageDigest fileDigest) {
        if (format == ArchiveFormat.SQLITE) {
            return toCheck(file, SqliteArchive.verify(file, cancellation));
        }
        try (InputStream in = fileDigest == null ? Files.newInputStream(file)
                : new java.security.DigestInputStream(Files.newInputStream(file), fileDigest)) {
            return toCheck(file, PostgresArchive.verify(in, cancellation));
        } catch (IOException e) {
            return new ArchiveCheck(file, null, java.util.Map.of(), List.of("Cannot read " + file.getFileName() + ": " + e.getMessage()));
        }
    }

    private static ArchiveCheck toCheck(Path file, SqliteArchive.Verification v) {
        return new ArchiveCheck(file, v.manifest(), v.actualRows(), v.problems());
    }

    /**
     * Verifies every archive of the platform: each file, the rows without files, the files without rows, and temporary
     * files an interrupted export left (deleted when {@code removeLeftovers}).
     */
    public static FolderCheck all(PlatformSession session, boolean removeLeftovers, Progress progress, Cancellation cancellation) {
        ArchiveSite site = ArchiveSite.of(session);
        List<ArchiveEntry> entries = ListArchives.entries(site, null);
        List<ArchiveRecord> rowsWithoutFiles = new ArrayList<>();
        List<Path> filesWithoutRows = new ArrayList<>();
        List<ArchiveCheck> checks = new ArrayList<>();
        int done = 0;
        for (ArchiveEntry e : entries) {
            cancellation.checkpoint();
            progress.report((double) done++ / Math.max(1, entries.size()), "Verifying " + e.name().fileName());
            if (!e.hasFile()) {
                rowsWithoutFiles.add(e.record());
                continue;
            }
            if (!e.recorded() && site.archiveTable().isPresent()) {
                filesWithoutRows.add(e.file());
            }
            checks.add(file(e.file(), e.record(), cancellation));
        }
        List<Path> leftovers = new ArrayList<>();
        for (var tenant : site.tenants()) {
            site.folder(tenant.name()).ifPresent(folder -> leftovers.addAll(ArchiveFiles.list(folder).leftovers()));
        }
        List<Path> remaining = new ArrayList<>();
        for (Path p : leftovers) {
            try {
                if (!removeLeftovers || !ArchiveFiles.deleteInside(p.getParent(), p)) {
                    remaining.add(p);
                }
            } catch (IOException | TidemarkException ex) {
                remaining.add(p);
            }
        }
        progress.report(1, "Verified " + checks.size() + " archives");
        return new FolderCheck(rowsWithoutFiles, filesWithoutRows, removeLeftovers ? remaining : leftovers, checks);
    }
}
