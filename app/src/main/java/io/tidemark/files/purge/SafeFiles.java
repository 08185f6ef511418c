package io.tidemark.files.purge;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes files and folders only inside a root: the path must lie lexically under the root with no {@code ..}, and
 * every step from the root down is opened without following links (a {@link SecureDirectoryStream} where the platform
 * has one, so a folder swapped for a link while we work cannot redirect the delete). Links are never followed.
 */
public final class SafeFiles {

    private SafeFiles() {
    }

    /** Thrown when a path would take a delete outside its root; nothing is deleted. */
    public static final class OutsideRootException extends IOException {
        public OutsideRootException(String message) {
            super(message);
        }
    }

    /** The names from {@code root} down to {@code path}, refusing anything that leaves the root. */
    static List<String> relativeNames(Path root, Path path) throws OutsideRootException {
        Path r = root.toAbsolutePath().normalize();
        Path raw = path.isAbsolute() ? path : r.resolve(path);
        for (Path part : raw) {
            if (part.toString().equals("..")) {
                throw new OutsideRootException(path + " contains '..'");
            }
        }
        Path p = raw.normalize();
        if (!p.startsWith(r) || p.equals(r)) {
            throw new OutsideRootException(path + " is not inside " + r);
        }
        List<String> names = new ArrayList<>();
        for (Path part : r.relativize(p)) {
            names.add(part.toString());
        }
        return names;
    }

    /**
     * Deletes the regular file {@code path} inside {@code root}.
     *
     * @return false when the file was already gone
     * @throws OutsideRootException when the path leaves the root, crosses a link, or is not a regular file
     */
    public static boolean deleteFile(Path root, Path path) throws IOException {
        List<String> names = relativeNames(root, path);
        Path realRoot = checkedRoot(root);
        try (DirectoryStream<Path> top = Files.newDirectoryStream(realRoot)) {
            if (top instanceof SecureDirectoryStream<Path> secure) {
                return deleteSecure(secure, names, 0);
            }
        }
        return deletePlain(realRoot, names);
    }

    private static boolean deleteSecure(SecureDirectoryStream<Path> dir, List<String> names, int index) throws IOException {
        Path name = Path.of(names.get(index));
        if (index == names.size() - 1) {
            BasicFileAttributes attrs;
            try {
                attrs = dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
            } catch (NoSuchFileException e) {
                return false;
            }
            if (!attrs.isRegularFile()) {
                throw new OutsideRootException(name + " is " + (attrs.isSymbolicLink() ? "a link" : "not a regular file") + ": not deleted");
            }
            dir.deleteFile(name);
            return true;
        }
        SecureDirectoryStream<Path> child;
        try {
            BasicFileAttributes attrs = dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
            if (!attrs.isDirectory()) {
                throw new OutsideRootException(name + " is " + (attrs.isSymbolicLink() ? "a link" : "not a folder") + ": nothing below it is deleted");
            }
            child = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        try (child) {
            return deleteSecure(child, names, index + 1);
        }
    }

    private static boolean deletePlain(Path realRoot, List<String> names) throws IOException {
        Path current = realRoot;
        for (int i = 0; i < names.size(); i++) {
            current = current.resolve(names.get(i));
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (Files.isSymbolicLink(current)) {
                throw new OutsideRootException(current + " is a link: not deleted");
            }
        }
        if (!Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutsideRootException(current + " is not a regular file: not deleted");
        }
        if (!current.toRealPath().startsWith(realRoot)) {
            throw new OutsideRootException(current + " is not inside " + realRoot);
        }
        Files.delete(current);
        return true;
    }

    /**
     * Deletes the folder {@code path} inside {@code root} with everything in it; links inside are removed as links,
     * never followed.
     *
     * @return the files deleted and their bytes
     */
    public static long[] deleteTree(Path root, Path path) throws IOException {
        List<String> names = relativeNames(root, path);
        Path realRoot = checkedRoot(root);
        Path current = realRoot;
        for (String n : names) {
            current = current.resolve(n);
            if (Files.isSymbolicLink(current)) {
                throw new OutsideRootException(current + " is a link: the folder is not deleted");
            }
        }
        if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
            return new long[] {0, 0};
        }
        if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS) || !current.toRealPath().startsWith(realRoot)) {
            throw new OutsideRootException(current + " is not a folder inside " + realRoot);
        }
        long[] counts = {0, 0};
        deleteRecursively(current, counts);
        return counts;
    }

    private static void deleteRecursively(Path dir, long[] counts) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    deleteRecursively(entry, counts);
                } else {
                    counts[0]++;
                    counts[1] += attrs.isSymbolicLink() ? 0 : attrs.size();
                    Files.delete(entry); // a link is removed itself; its target is untouched
                }
            }
        }
        Files.delete(dir);
    }

    private static Path checkedRoot(Path root) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            throw new OutsideRootException(abs + " is a link: its files are not deleted");
        }
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(abs.toString());
        }
        return abs.toRealPath();
    }
}
