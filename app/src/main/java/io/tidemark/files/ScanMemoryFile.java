package io.tidemark.files;

import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.Usage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link ScanMemory} between runs (the nightly CLI, the next GUI start), one file per DATA_DIR in the user's
 * data folder. A missing, old or damaged file only means the next scan walks everything.
 */
public final class ScanMemoryFile {

    private static final Logger LOG = LoggerFactory.getLogger(ScanMemoryFile.class);
    private static final int FORMAT = 2;

    private final Path file;

    /** The memory file for {@code dataDir} in {@code dataFolder}. */
    public ScanMemoryFile(Path dataFolder, Path dataDir) {
        this.file = dataFolder.resolve("scan-memory").resolve(digest(dataDir.toAbsolutePath().normalize().toString()) + ".bin");
    }

    /** The memory saved last time, or an empty one. */
    public ScanMemory load() {
        ScanMemory memory = new ScanMemory();
        if (!Files.isRegularFile(file)) {
            return memory;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
            if (in.readInt() != FORMAT) {
                return memory;
            }
            int folders = in.readInt();
            for (int i = 0; i < folders; i++) {
                String path = in.readUTF();
                String region = in.readUTF();
                long modified = in.readLong();
                List<String> subfolders = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    subfolders.add(in.readUTF());
                }
                Map<Bucket, Usage> settled = new HashMap<>();
                for (int n = in.readInt(); n > 0; n--) {
                    Bucket bucket = readBucket(in);
                    settled.put(bucket, new Usage(in.readLong(), in.readLong(), in.readLong(), in.readLong()));
                }
                List<ScanMemory.RecentFile> recent = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    String name = in.readUTF();
                    recent.add(new ScanMemory.RecentFile(name, readBucket(in)));
                }
                memory.put(path, new ScanMemory.Folder(region, modified, List.copyOf(subfolders), Map.copyOf(settled), List.copyOf(recent)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Scan memory {} is unreadable ({}); the next scan walks everything", file, e.toString());
            memory.clear();
        }
        return memory;
    }

    /** Saves {@code memory}, replacing the previous file in one rename. */
    public void save(ScanMemory memory) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "scan-memory", ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16)))) {
            out.writeInt(FORMAT);
            Map<String, ScanMemory.Folder> folders = memory.snapshot();
            out.writeInt(folders.size());
            for (Map.Entry<String, ScanMemory.Folder> e : folders.entrySet()) {
                ScanMemory.Folder f = e.getValue();
                out.writeUTF(e.getKey());
                out.writeUTF(f.region());
                out.writeLong(f.modifiedMillis());
                out.writeInt(f.subfolders().size());
                for (String s : f.subfolders()) {
                    out.writeUTF(s);
                }
                out.writeInt(f.settled().size());
                for (Map.Entry<Bucket, Usage> s : f.settled().entrySet()) {
                    writeBucket(out, s.getKey());
                    Usage u = s.getValue();
                    out.writeLong(u.files());
                    out.writeLong(u.bytes());
                    out.writeLong(u.oldestMillis());
                    out.writeLong(u.newestMillis());
                }
                out.writeInt(f.recent().size());
                for (ScanMemory.RecentFile r : f.recent()) {
                    out.writeUTF(r.name());
                    writeBucket(out, r.bucket());
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Bucket readBucket(DataInputStream in) throws IOException {
        return new Bucket(FileCategory.values()[in.readByte()], in.readUTF());
    }

    private static void writeBucket(DataOutputStream out, Bucket bucket) throws IOException {
        out.writeByte(bucket.category().ordinal());
        out.writeUTF(bucket.owner());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
