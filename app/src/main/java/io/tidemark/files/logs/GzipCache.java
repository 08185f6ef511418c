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
 */
public final class GzipCache {

    private GzipCache() {
    }

    /** The decompressed copy of {@code gz}, made now unless a current one exists. */
    public static Path decompressed(Path gz, Path cacheDir, Progress progress, Cancellation cancel) throws IOException {
        Path dir = cacheDir != null ? cacheDir : Path.of(System.getProperty("java.io.tmpdir"), "tidemark-logs");
        Files.createDirectories(dir);
        BasicFileAttributes attrs = Files.readAttributes(gz, BasicFileAttributes.class);
        Path copy = dir.resolve(key(gz, attrs) + ".log");
        if (Files.isRegularFile(copy)) {
            return copy;
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
        return copy;
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
