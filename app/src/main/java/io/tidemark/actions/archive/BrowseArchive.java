package io.tidemark.actions.archive;

import io.tidemark.core.Cancellation;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.ArchiveName;
import io.tidemark.core.archive.BrowsePage;
import io.tidemark.db.archive.PostgresArchive;
import io.tidemark.db.archive.SqliteArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Opens an archive to read its rows: its manifest (tables and counts) and pages of a table's rows with a search.
 * A compressed SQLite archive is decompressed once into a temporary file, deleted on {@link #close()}.
 */
public final class BrowseArchive implements AutoCloseable {

    private final Path file;
    private final ArchiveName name;
    private final ArchiveReading.PlainFile plain;
    private final ArchiveManifest manifest;

    private BrowseArchive(Path file, ArchiveName name, ArchiveReading.PlainFile plain, ArchiveManifest manifest) {
        this.file = file;
        this.name = name;
        this.plain = plain;
        this.manifest = manifest;
    }

    /** Opens {@code file} (any archive format, compressed or not). */
    public static BrowseArchive open(Path file, Cancellation cancellation) {
        ArchiveName name = ArchiveReading.name(file);
        if (name.format() == ArchiveFormat.SQLITE) {
            ArchiveReading.PlainFile plain = ArchiveReading.plainSqlite(file, name);
            try {
                return new BrowseArchive(file, name, plain, SqliteArchive.manifest(plain.path()));
            } catch (RuntimeException e) {
                plain.close();
                throw e;
            }
        }
        try (InputStream in = ArchiveReading.script(file, name)) {
            ArchiveManifest manifest = PostgresArchive.read(in, (i, line, length) -> { }, cancellation);
            return new BrowseArchive(file, name, null, manifest);
        } catch (IOException | SQLException e) {
            throw new TidemarkException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The archive's manifest: its tables and their row counts. */
    public ArchiveManifest manifest() {
        return manifest;
    }

    /** The archive's file. */
    public Path file() {
        return file;
    }

    /** One page of {@code table}'s rows whose values contain {@code search} (case-insensitive; blank for every row). */
    public BrowsePage page(String table, String search, long offset, int limit, Cancellation cancellation) {
        if (limit <= 0 || offset < 0) {
            throw new TidemarkException("A page needs a positive size and an offset of 0 or more.");
        }
        if (plain != null) {
            return SqliteArchive.browse(plain.path(), table, search, offset, limit);
        }
        try (InputStream in = ArchiveReading.script(file, name)) {
            return PostgresArchive.browse(in, table, search, offset, limit, cancellation);
        } catch (IOException | SQLException e) {
            throw new TidemarkException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (plain != null) {
            plain.close();
        }
    }
}
