package io.tidemark.files.logs;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Random access into a {@code .gz} log. java.util.zip cannot resume inflating at a bit offset (what zran does with zlib),
 * so the file is decompressed once, streaming, into the cache folder and the copy is mapped and indexed like any log.
 * The copy is named after the .gz's path, size and modification time, so a changed .gz is decompressed again.
 * <p>
 * The folder is bounded: after each new copy the copies used least recently are deleted until the folder holds at most
 * {@link #LIMIT_BYTES} (the copy just made stays; only files named as this class names its copies), and a copy is not started when the disk has not room for it (the
 * size a gzip file records of its content) plus a margin. Half-made copies left by a crash go after a day.
 */
public final class GzipCache {

    /** What the cache folder may hold: 4 GiB. */
    public static final long LIMIT_BYTES = 4L << 30;
    /** Free space left on the disk after a copy. */
    static final long MARGIN_BYTES = 512L << 20;

    private GzipCache() {
    }

    /** The decompressed copy of {@code gz}, made now unless a current one exists. */
    public static Path decompressed(Path gz, Path cacheDir, Progress progress, Cancellation cancel) throws IOException {
        return decompressed(gz, cacheDir, LIMIT_BYTES, progress, cancel);
    }

    static Path decompressed(Path gz, Path cacheDir, long limit, Progress progress, Cancellation cancel) throws IOException {
        Path dir = cacheDir != null ? cacheDir : Path.of(System.getProperty("java.io.tmpdir"), "tidemark-logs");
        Files.createDirectories(dir);
        BasicFileAttributes attrs = Files.readAttributes(gz, BasicFileAttributes.class);
        Path copy = dir.resolve(key(gz, attrs) + ".log");
        if (Files.isRegularFile(copy)) {
            touch(copy); // recently used: the last to go
            return copy;
        }
        long expected = recordedSize(gz, attrs.size());
        if (Files.getFileStore(dir).getUsableSpace() < expected + MARGIN_BYTES) {
            trim(dir, Math.max(0, limit - expected), null);
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < expected + MARGIN_BYTES) {
                throw new io.tidemark.core.TidemarkException("Not enough free disk in " + dir + " to decompress " + gz.getFileName()
                        + " for reading (about " + io.tidemark.core.ByteSize.format(expected) + " needed, "
                        + io.tidemark.core.ByteSize.format(free) + " free): free some space, or read it with zless.");
            }
        }
        Path partial = Files.createTempFile(dir, "inflating-", ".part");
        try (InputStream counted = Files.newInputStream(gz);
             CountingStream source = new CountingStream(counted);
             InputStream in = new GZIPInputStream(source, 1 << 16);
             OutputStream out = Files.newOutputStream(partial)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                cancel.checkpoint();
                progress.report(attrs.size() == 0 ? -1 : Math.min(1.0, (double) source.count / attrs.size()),
                        "Decompressing " + gz.getFileName());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
                throw new io.tidemark.core.TidemarkException("The file " + gz + " is not a complete gzip file ("
                        + e.getMessage() + ").", e);
            }
            throw e;
        }
        Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        trim(dir, limit, copy);
        return copy;
    }

    /**
     * Deletes the least recently used copies until the folder holds at most {@code limit} bytes ({@code keep} stays),
     * and half-made copies older than a day. A copy still open elsewhere stays readable where the system allows its
     * deletion (its mapping lives on), and stays in place where it does not.
     */
    static void trim(Path dir, long limit, Path keep) {
        java.util.List<Path> copies = new java.util.ArrayList<>();
        long now = System.currentTimeMillis();
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.matches("inflating-\\d+\\.part")
                        && now - Files.getLastModifiedTime(p).toMillis() > java.util.concurrent.TimeUnit.DAYS.toMillis(1)) {
                    Files.deleteIfExists(p);
                } else if (name.matches("[0-9a-f]{32}\\.log") && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    // only the copies this class names (key(...)): another .log in the folder is never deleted
                    copies.add(p);
                }
            }
        } catch (IOException e) {
            return; // the cache is a convenience: a folder that cannot be listed is left as it is
        }
        java.util.Map<Path, long[]> facts = new java.util.HashMap<>();
        long total = 0;
        for (Path p : copies) {
            try {
                long[] f = {Files.size(p), Files.getLastModifiedTime(p).toMillis()};
                facts.put(p, f);
                total += f[0];
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        java.util.List<Path> oldestFirst = new java.util.ArrayList<>(facts.keySet());
        oldestFirst.sort(java.util.Comparator.comparingLong(p -> facts.get(p)[1]));
        for (Path p : oldestFirst) {
            if (total <= limit) {
                break;
            }
            if (p.equals(keep)) {
                continue;
            }
            try {
                Files.deleteIfExists(p);
                total -= facts.get(p)[0];
            } catch (IOException e) {
                // in use where the system forbids deleting it: it goes another time
            }
        }
    }

    private static void touch(Path copy) {
        try {
            Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // a read-only cache still serves
        }
    }

    /** The size a gzip file records of its content (its last four bytes, modulo 4 GiB), at least its own size. */
    static long recordedSize(Path gz, long fileSize) {
        if (fileSize < 18) {
            return fileSize;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(gz)) {
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(tail, fileSize - 4);
            tail.flip();
            long isize = tail.remaining() == 4 ? Integer.toUnsignedLong(tail.getInt()) : 0;
            return Math.max(isize, fileSize);
        } catch (IOException e) {
            return fileSize;
        }
    }

    private static String key(Path gz, BasicFileAttributes attrs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((gz.toAbsolutePath().normalize() + "\n" + attrs.size() + "\n" + attrs.lastModifiedTime().toMillis())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
