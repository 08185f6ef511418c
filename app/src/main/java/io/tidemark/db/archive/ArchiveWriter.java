package io.tidemark.db.archive;

import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Writes one archive file: its tables one after the other, parents first, each table's rows in key order, then the
 * manifest. Rows come as PostgreSQL COPY text ({@link CopyText}) or, from a SQLite platform, as values. A writer that
 * fails or is closed before {@link #finish} leaves a partial file that its caller deletes.
 */
public sealed interface ArchiveWriter extends AutoCloseable permits PostgresArchive.Writer, SqliteArchive.Writer {

    /**
     * Opens a writer of {@code format} on a new file {@code target}.
     *
     * @param heading the manifest's fields (its table list is ignored: the writer fills it)
     */
    static ArchiveWriter open(ArchiveFormat format, Path target, ArchiveManifest heading) throws IOException, SQLException {
        return format == ArchiveFormat.POSTGRES ? new PostgresArchive.Writer(target, heading) : new SqliteArchive.Writer(target, heading);
    }

    /** Starts a table. */
    void beginTable(ArchivedTable table) throws IOException, SQLException;

    /** One row of the current table as a COPY text line, its newline included, in {@code row[0..length)}. */
    void copyRow(byte[] row, int length) throws IOException, SQLException;

    /** Ends the current table and says what it holds. */
    ArchiveManifest.TableContent endTable() throws IOException, SQLException;

    /** Writes the manifest and closes the file; returns the manifest. */
    ArchiveManifest finish() throws IOException, SQLException;

    /** Releases the file (after {@link #finish}, or to abandon it). */
    @Override
    void close();
}
