package io.tidemark.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.DataDirUsage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder the scan may not read is reported and the rest is counted. Root reads everything, so as root the scan
 * runs in a child JVM as user nobody (setpriv); as anyone else, in this JVM.
 */
class UnreadableFolderTest {

    @TempDir
    Path temp;

    @Test
    void anUnreadableFolderIsReportedAndTheRestCounted() throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.write(data.resolve("readable.bin"), new byte[1234]);
        Path locked = Files.createDirectories(data.resolve("locked"));
        Files.write(locked.resolve("secret.bin"), new byte[999]);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            String output = "root".equals(System.getProperty("user.name")) ? scanAsNobody(data) : scanHere(data);
            assertThat(output).contains("files 1 bytes 1234").contains("problem unreadable " + locked);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static String scanHere(Path data) {
        DataDirUsage usage = new DataDirScanner(new ScanMemory(), 2).scan(new DataDirLayout(data, data.resolve("logs"), List.of(),
                "archive", "logs/jobs", "logs/runs", List.of()), Progress.NONE, new Cancellation());
        StringBuilder out = new StringBuilder("files " + usage.fileTotal().files() + " bytes " + usage.fileTotal().bytes() + "\n");
        usage.problems().forEach(p -> out.append("problem ").append(p.kind()).append(' ').append(p.path()).append('\n'));
        return out.toString();
    }

    /** Runs {@link ScanMain} as nobody, from a copy of the classes nobody may read. */
    private String scanAsNobody(Path data) throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        for (String dir : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path source = Path.of(dir);
            if (Files.isDirectory(source)) {
                copyTree(source, classes);
            }
        }
        openUp(classes);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                java, "-cp", classes.toString(), ScanMain.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void openUp(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
