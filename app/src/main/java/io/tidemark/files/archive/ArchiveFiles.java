package io.tidemark.files.archive;

import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveName;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/** File work for archives: durable writes (fsync, atomic rename), gzip, checksums, and listing an archive folder. */
public final class ArchiveFiles {

    private ArchiveFiles() {
    }

    /** Flushes a file's bytes to the disk. */
    public static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Flushes a folder's entries (the rename) to the disk, where the file system allows it. */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) do not open folders; the rename is still atomic there.
        }
    }

    /** Renames {@code from} to {@code to} in one step (same folder); never replaces an existing file. */
    public static void publish(Path from, Path to) throws IOException {
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw new TidemarkException(to.getFileName() + " already exists; it is left as it is.");
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(to.getParent());
    }

    /** The plain bytes a .gz holds, as their count and CRC-32 (what gzip's own trailer records). */
    public record Plain(long bytes, long crc32) {
    }

    /**
     * Compresses {@code from} into {@code to} (fsynced) at gzip's fastest level (as {@code gzip -1}): on archives it
     * compresses about twice as fast as the default level 6 for files a few percent larger (BENCHMARKS.md). Returns the
     * count and CRC-32 of the bytes compressed, read once.
     */
    public static Plain gzip(Path from, Path to) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        long bytes = 0;
        try (InputStream in = Files.newInputStream(from);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(to), 1 << 16) {
                 {
                     def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                 }
             }) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
                bytes += n;
            }
        }
        sync(to);
        return new Plain(bytes, crc.getValue());
    }

    /** What a .gz decompresses to, and the SHA-256 of the .gz file itself. */
    public record Gunzipped(Plain plain, String fileSha256) {
    }

    /**
     * Decompresses {@code gz} whole (the stream checks each member's CRC-32 and length against its trailer) and returns
     * the count and CRC-32 of the bytes it decompresses to, and the SHA-256 of its own bytes.
     *
     * @throws TidemarkException saying whether the gzip data is truncated or corrupt
     */
    public static Gunzipped gunzipCheck(Path gz) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        MessageDigest file = sha256Digest();
        long bytes = 0;
        try (InputStream in = new GZIPInputStream(new DigestInputStream(Files.newInputStream(gz), file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                bytes += n;
            }
        } catch (IOException e) {
            throw gzipProblem(gz, e);
        }
        return new Gunzipped(new Plain(bytes, crc.getValue()), HexFormat.of().formatHex(file.digest()));
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Decompresses {@code from} into {@code to}.
     *
     * @throws TidemarkException saying whether the gzip data is truncated or corrupt
     */
    public static void gunzip(Path from, Path to) {
        try (InputStream in = gzipStream(from); OutputStream out = Files.newOutputStream(to)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw gzipProblem(from, e);
        }
    }

    /** A decompressing stream over a .gz file. */
    public static InputStream gzipStream(Path file) throws IOException {
        return new GZIPInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The sentence for a gzip read that failed. */
    public static TidemarkException gzipProblem(Path file, IOException e) {
        if (e instanceof EOFException || String.valueOf(e.getMessage()).contains("Unexpected end")) {
            return new TidemarkException(file.getFileName() + " is truncated: its gzip data ends before the archive does.", e);
        }
        if (e instanceof ZipException) {
            return new TidemarkException(file.getFileName() + " is corrupt: its gzip data does not decompress (" + e.getMessage() + ").", e);
        }
        return new TidemarkException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }

    /** SHA-256 of a file's bytes, as hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** What an archive folder holds: archive files by name and temporary leftovers. */
    public record FolderContent(List<Path> archives, List<Path> leftovers) {
    }

    /** Lists an archive folder (regular files only; links are not followed). An absent folder is empty. */
    public static FolderContent list(Path folder) {
        List<Path> archives = new ArrayList<>();
        List<Path> leftovers = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return new FolderContent(archives, leftovers);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String name = p.getFileName().toString();
                if (ArchiveName.isTemporary(name)) {
                    leftovers.add(p);
                } else if (ArchiveName.parse(name).isPresent()) {
                    archives.add(p);
                }
            }
        } catch (IOException e) {
            throw new TidemarkException("Cannot list the archive folder " + folder + ": " + e.getMessage(), e);
        }
        archives.sort(null);
        leftovers.sort(null);
        return new FolderContent(archives, leftovers);
    }

    /**
     * Deletes {@code file} only when it is a regular file directly inside {@code folder} (no link, no "..", no escape).
     *
     * @return whether a file was deleted
     */
    public static boolean deleteInside(Path folder, Path file) throws IOException {
        Path normalized = file.toAbsolutePath().normalize();
        if (!normalized.getParent().equals(folder.toAbsolutePath().normalize())) {
            throw new TidemarkException("Refusing to delete " + file + ": it is not in the archive folder " + folder + ".");
        }
        if (!Files.isRegularFile(normalized, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return Files.deleteIfExists(normalized);
    }
}
