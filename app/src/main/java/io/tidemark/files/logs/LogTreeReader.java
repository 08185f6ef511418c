package io.tidemark.files.logs;

import io.tidemark.core.logs.LogNode;
import io.tidemark.core.logs.LogNode.Kind;
import io.tidemark.core.profile.FileLayout.LogFamilySpec;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.TenantFolders;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the log tree from DATA_DIR: service logs by rotation family ({@code x.log}, {@code x.log.1}…, {@code .gz}), the
 * profile's families first and any other log in the folder after; then per tenant its jobs' day files (newest day first)
 * and its runs per job (newest first). Only folders the layout names are listed; nothing is followed outside them.
 */
public final class LogTreeReader {

    /** A rotated member of a family: the base name, an optional generation and an optional .gz. */
    private static final Pattern ROTATED = Pattern.compile("(.+?)(?:\\.(\\d{1,4}))?(\\.gz)?");
    private static final Pattern LOGGISH = Pattern.compile(".*\\.(log|txt|out|err|json|csv)(\\.\\d{1,4})?(\\.gz)?|.*\\.log[.-].*");

    private LogTreeReader() {
    }

    /** The whole tree: "Service logs" and "Tenants". */
    public static LogNode read(DataDirLayout layout, List<LogFamilySpec> families) {
        List<LogNode> top = new ArrayList<>();
        top.add(LogNode.of(Kind.GROUP, "Service logs", null, serviceLogs(layout.logDir(), families)));
        List<LogNode> tenants = new ArrayList<>();
        for (TenantFolders t : layout.tenants()) {
            LogNode tenant = tenant(t, layout.jobLogFolder(), layout.runLogFolder());
            if (tenant != null) {
                tenants.add(tenant);
            }
        }
        top.add(LogNode.of(Kind.GROUP, "Tenants", null, tenants));
        return LogNode.of(Kind.GROUP, "Logs", null, top);
    }

    static List<LogNode> serviceLogs(Path logDir, List<LogFamilySpec> families) {
        Map<String, List<LogNode>> byFamily = new LinkedHashMap<>();
        Map<Path, List<Entry>> folders = new LinkedHashMap<>();
        for (LogFamilySpec spec : families) {
            Path folder = spec.folder().isEmpty() ? logDir : logDir.resolve(spec.folder());
            List<Entry> entries = folders.computeIfAbsent(folder, LogTreeReader::list);
            for (String name : spec.names()) {
                String label = spec.folder().isEmpty() ? name : spec.folder() + "/" + name;
                List<LogNode> members = new ArrayList<>();
                for (Entry e : entries) {
                    if (!e.taken && memberOf(e.name, name)) {
                        e.taken = true;
                        members.add(LogNode.file(e.name, e.path, e.size, e.modified, null));
                    }
                }
                if (!members.isEmpty()) {
                    byFamily.put(label, members);
                }
            }
        }
        // Logs the profile does not name, in the log folder and its direct sub-folders.
        folders.computeIfAbsent(logDir, LogTreeReader::list);
        for (Entry dir : list(logDir)) {
            if (dir.directory) {
                folders.computeIfAbsent(dir.path, LogTreeReader::list);
            }
        }
        folders.forEach((folder, entries) -> {
            String prefix = folder.equals(logDir) ? "" : logDir.relativize(folder) + "/";
            for (Entry e : entries) {
                if (!e.taken && !e.directory && LOGGISH.matcher(e.name).matches()) {
                    Matcher m = ROTATED.matcher(e.name);
                    String base = m.matches() ? m.group(1) : e.name;
                    byFamily.computeIfAbsent(prefix + base, k -> new ArrayList<>())
                            .add(LogNode.file(e.name, e.path, e.size, e.modified, null));
                    e.taken = true;
                }
            }
        });
        List<LogNode> nodes = new ArrayList<>();
        byFamily.forEach((label, members) -> {
            members.sort(Comparator.comparingInt(LogTreeReader::generation));
            nodes.add(LogNode.of(Kind.FAMILY, label, null, members));
        });
        return nodes;
    }

    /** Whether {@code file} is {@code base}, {@code base.N}, {@code base.gz} or {@code base.N.gz}. */
    static boolean memberOf(String file, String base) {
        if (!file.startsWith(base)) {
            return false;
        }
        String rest = file.substring(base.length());
        return rest.isEmpty() || rest.matches("(\\.\\d{1,4})?(\\.gz)?");
    }

    /** 0 for the file being written, N for {@code x.log.N}: newest first. */
    private static int generation(LogNode file) {
        Matcher m = Pattern.compile(".*?\\.(\\d{1,4})(\\.gz)?").matcher(file.name());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static LogNode tenant(TenantFolders t, String jobFolder, String runFolder) {
        List<LogNode> parts = new ArrayList<>();
        Path jobs = t.jobLogDir().resolve(jobFolder);
        List<LogNode> jobNodes = new ArrayList<>();
        for (Entry job : sortedDirs(jobs)) {
            List<LogNode> days = new ArrayList<>();
            for (Entry day : list(job.path)) {
                if (!day.directory) {
                    days.add(LogNode.file(day.name, day.path, day.size, day.modified, t.tenant()));
                }
            }
            days.sort(Comparator.comparing(LogNode::name).reversed()); // YYYY-MM-DD.log: newest day first
            if (!days.isEmpty()) {
                jobNodes.add(LogNode.of(Kind.JOB, job.name, t.tenant(), days));
            }
        }
        if (!jobNodes.isEmpty()) {
            parts.add(LogNode.of(Kind.GROUP, "Jobs", t.tenant(), jobNodes));
        }
        Path runs = t.jobLogDir().resolve(runFolder);
        List<LogNode> runNodes = new ArrayList<>();
        for (Entry job : sortedDirs(runs)) {
            List<LogNode> files = new ArrayList<>();
            for (Entry run : list(job.path)) {
                if (!run.directory) {
                    files.add(LogNode.file(run.name, run.path, run.size, run.modified, t.tenant()));
                }
            }
            files.sort(Comparator.comparing(LogNode::modified).reversed().thenComparing(LogNode::name, Comparator.reverseOrder()));
            if (!files.isEmpty()) {
                runNodes.add(LogNode.of(Kind.JOB, job.name, t.tenant(), files));
            }
        }
        if (!runNodes.isEmpty()) {
            parts.add(LogNode.of(Kind.GROUP, "Runs", t.tenant(), runNodes));
        }
        return parts.isEmpty() ? null : LogNode.of(Kind.TENANT, t.tenant(), t.tenant(), parts);
    }

    private static List<Entry> sortedDirs(Path dir) {
        List<Entry> dirs = new ArrayList<>();
        for (Entry e : list(dir)) {
            if (e.directory) {
                dirs.add(e);
            }
        }
        dirs.sort(Comparator.comparing(e -> e.name));
        return dirs;
    }

    private static final class Entry {
        final String name;
        final Path path;
        final long size;
        final Instant modified;
        final boolean directory;
        boolean taken;

        Entry(String name, Path path, long size, Instant modified, boolean directory) {
            this.name = name;
            this.path = path;
            this.size = size;
            this.modified = modified;
            this.directory = directory;
        }
    }

    /** The folder's entries by name; a missing or unreadable folder lists nothing. Symbolic links are not followed. */
    private static List<Entry> list(Path dir) {
        Map<String, Entry> entries = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return new ArrayList<>();
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (a.isDirectory() || a.isRegularFile()) {
                        String name = p.getFileName().toString();
                        entries.put(name, new Entry(name, p, a.size(), a.lastModifiedTime().toInstant(), a.isDirectory()));
                    }
                } catch (IOException e) {
                    // gone between the listing and the look: the next refresh shows the folder as it is
                }
            }
        } catch (IOException e) {
            return new ArrayList<>();
        }
        return new ArrayList<>(entries.values());
    }
}
