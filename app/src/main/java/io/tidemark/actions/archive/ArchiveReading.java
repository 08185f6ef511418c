package io.tidemark.actions.archive;

import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveName;
import io.tidemark.files.archive.ArchiveFiles;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens an archive file whatever its compression: a SQLite archive as a plain file, a script as a stream. */
final class ArchiveReading {

    private ArchiveReading() {
    }

    /** The archive's name, or a sentence saying the file is not named like an archive. */
    static ArchiveName name(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TidemarkException("There is no archive file " + file + ".");
        }
        return ArchiveName.parse(file.getFileName().toString()).orElseThrow(() -> new TidemarkException(file.getFileName()
                + " is not named like an archive (<tenant>_YYYY_MM_DD.archive, .archive.sqlite, optionally .gz)."));
    }

    /** A SQLite archive ready to open: the file itself, or a decompressed temporary copy the caller closes. */
    static PlainFile plainSqlite(Path file, ArchiveName name) {
        if (!name.compressed()) {
            return new PlainFile(file, false);
        }
        try {
            Path temp = Files.createTempFile("tidemark-archive-", ".sqlite");
            try {
                ArchiveFiles.gunzip(file, temp);
            } catch (RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return new PlainFile(temp, true);
        } catch (IOException e) {
            throw new TidemarkException("Cannot decompress " + file.getFileName() + " into a temporary file: " + e.getMessage(), e);
        }
    }

    /** A script archive's bytes, decompressed when needed; gzip damage surfaces as a sentence, not an IOException. */
    static InputStream script(Path file, ArchiveName name) throws IOException {
        if (name.format() != ArchiveFormat.POSTGRES) {
            throw new IllegalArgumentException("not a script archive");
        }
        if (!name.compressed()) {
            return Files.newInputStream(file);
        }
        InputStream gz;
        try {
            gz = ArchiveFiles.gzipStream(file);
        } catch (IOException e) {
            throw ArchiveFiles.gzipProblem(file, e);
        }
        return new FilterInputStream(gz) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw ArchiveFiles.gzipProblem(file, e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw ArchiveFiles.gzipProblem(file, e);
                }
            }
        };
    }

    /** A plain SQLite file, deleted on close when it is a temporary copy. */
    record PlainFile(Path path, boolean temporary) implements AutoCloseable {
        @Override
        public void close() {
            if (temporary) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // the system's temporary folder is cleaned by the system
                }
            }
        }
    }
}
