package io.tidemark.demo;

import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkVersion;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.ArchiveName;
import io.tidemark.db.archive.ArchiveFamily;
import io.tidemark.db.archive.SqliteArchive;
import io.tidemark.files.archive.ArchiveFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes one tenant-day archive as the platform's archive job would, in Tidemark's SQLite archive format (the same
 * writer {@code archive export} uses, reading the rows the demo has just committed), gzip-compressed when the tenant
 * asks for it, under a temporary name and then renamed.
 */
final class DemoArchiveFile {

    /** What was written: the file and the figures its archive-table row records. */
    record Written(Path file, long sizeBytes, long rowCount, String sha256) {
    }

    private DemoArchiveFile() {
    }

    static Written write(Connection c, DatabaseKind kind, ArchiveFamily family, Path folder, DemoTenant tenant, LocalDate day,
                         Instant createdAt) throws IOException, SQLException {
        Files.createDirectories(folder);
        ArchiveName plain = new ArchiveName(tenant.name(), day, ArchiveFormat.SQLITE, false);
        ArchiveName name = new ArchiveName(tenant.name(), day, ArchiveFormat.SQLITE, tenant.compressedArchives());
        Path raw = folder.resolve(plain.temporaryName());
        ArchiveManifest manifest = SqliteArchive.write(c, kind, family, tenant.name(), tenant.id(), day, "demo platform",
                TidemarkVersion.current(), createdAt, raw, Progress.NONE, new Cancellation());
        Path temp = raw;
        if (tenant.compressedArchives()) {
            temp = folder.resolve(name.temporaryName());
            ArchiveFiles.gzip(raw, temp);
            Files.delete(raw);
        }
        Path finalFile = folder.resolve(name.fileName());
        String sha256 = ArchiveFiles.sha256(temp);
        long size = Files.size(temp);
        Files.move(temp, finalFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(finalFile, FileTime.from(createdAt));
        return new Written(finalFile, size, manifest.totalRows(), sha256);
    }
}
