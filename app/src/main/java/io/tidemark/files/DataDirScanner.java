package io.tidemark.files;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.DataDirUsage;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.FolderFiles;
import io.tidemark.core.storage.ScanProblem;
import io.tidemark.core.storage.TenantFolders;
import io.tidemark.core.storage.Usage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks DATA_DIR in parallel and counts every file once: per tenant (archives, job logs, run logs, other), per
 * service log rotation family, the database file, and the rest. It never follows a link (a link counts as itself,
 * as du counts it), reports unreadable and vanished paths and goes on, and reuses a {@link ScanMemory} so a rescan
 * of an unchanged tree lists almost nothing.
 */
public final class DataDirScanner {

    /** Files modified less than this long ago are looked at again on every rescan (they may still grow). */
    static final long RECENT_MILLIS = Duration.ofDays(2).toMillis();
    /** Folders modified this recently are not remembered: a file added in the same clock tick would not change their time. */
    static final long UNSETTLED_MILLIS = 2_000;
    private static final Pattern ROTATED = Pattern.compile("^(.+?)(\\.\\d+)?(\\.gz)?$");

    private final ScanMemory memory;
    private final int threads;

    /** A scanner that remembers folders in {@code memory} across scans; {@code threads} walk in parallel. */
    public DataDirScanner(ScanMemory memory, int threads) {
        this.memory = memory;
        this.threads = Math.max(1, Integer.getInteger("tidemark.scan.threads", threads));
    }

    /** Scans the layout's folders. Stops with {@link Cancellation.CancelledException} when cancelled. */
    public DataDirUsage scan(DataDirLayout layout, Progress progress, Cancellation cancellation) {
        Instant started = Instant.now();
        Walk walk = new Walk(layout, progress, cancellation, System.currentTimeMillis() - RECENT_MILLIS);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Tally tally = pool.invoke(new FolderTask(walk, walk.regions()));
            cancellation.checkpoint();
            return walk.result(tally, started);
        } finally {
            pool.shutdown();
            progress.report(1, "Scan finished");
        }
    }

    /** A subtree and how to name its files. */
    private record Region(Path root, Kind kind, String tenant) {
        /** Identifies the region in the scan memory. */
        String key() {
            return kind + ":" + tenant;
        }
    }

    private enum Kind { REST, SERVICE_LOGS, TENANT, TENANT_LOGS }

    /** One scan's shared state: the roots, the problems met, counters for progress. */
    private final class Walk {
        final DataDirLayout layout;
        final Progress progress;
        final Cancellation cancellation;
        final long recentSince;
        final Map<Path, Region> roots = new HashMap<>();
        final List<Path> allowed = new ArrayList<>();
        final ConcurrentLinkedQueue<ScanProblem> problems = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<FolderFiles> folderFiles = new ConcurrentLinkedQueue<>();
        final AtomicLong files = new AtomicLong();
        final AtomicLong reused = new AtomicLong();

        Walk(DataDirLayout layout, Progress progress, Cancellation cancellation, long recentSince) {
            this.layout = layout;
            this.progress = progress;
            this.cancellation = cancellation;
            this.recentSince = recentSince;
            Path dataDir = normal(layout.dataDir());
            addRoot(new Region(dataDir, Kind.REST, ""));
            addRoot(new Region(normal(layout.logDir()), Kind.SERVICE_LOGS, ""));
            for (TenantFolders t : layout.tenants()) {
                if (!FolderNames.isSafeSegment(t.tenant())) {
                    problems.add(new ScanProblem(t.tenant(), "unsafe-tenant", "The tenant name '" + t.tenant()
                            + "' is not a plain folder name; its folders were not scanned."));
                    continue;
                }
                addRoot(new Region(normal(t.tenantDir()), Kind.TENANT, t.tenant()));
                Path logs = normal(t.jobLogDir());
                if (!roots.containsKey(logs)) {
                    addRoot(new Region(logs, Kind.TENANT_LOGS, t.tenant()));
                }
            }
        }

        private void addRoot(Region region) {
            Region claimed = roots.putIfAbsent(region.root(), region);
            if (claimed != null && !claimed.tenant().equals(region.tenant())) {
                problems.add(new ScanProblem(region.root().toString(), "shared-folder", "The folder of tenant '" + region.tenant()
                        + "' is also " + (claimed.tenant().isEmpty() ? "a platform folder" : "the folder of tenant '" + claimed.tenant() + "'")
                        + ": its files are counted once, under the first."));
                return;
            }
            allowed.add(region.root());
            try {
                allowed.add(region.root().toRealPath()); // DATA_DIR/logs may itself be a link to /var/log/…
            } catch (IOException e) {
                // a root that does not exist holds nothing to compare against
            }
        }

        List<FolderVisit> regions() {
            List<FolderVisit> visits = new ArrayList<>();
            for (Region r : roots.values()) {
                // A root inside another root is reached by the walk of the outer one only if that walk skips it: it does.
                visits.add(new FolderVisit(r.root(), r, ""));
            }
            return visits;
        }

        Bucket bucket(Region region, String relative, String name) {
            return switch (region.kind()) {
                case SERVICE_LOGS -> new Bucket(FileCategory.SERVICE_LOGS, family(relative, name));
                case REST -> relative.isEmpty() && isDatabaseFile(name) ? new Bucket(FileCategory.DATABASE, "")
                        : new Bucket(FileCategory.UNASSIGNED, "");
                case TENANT, TENANT_LOGS -> new Bucket(tenantCategory(region, relative), region.tenant());
            };
        }

        /** The bucket of every file in a folder of a tenant's region, or null where it depends on the file's name. */
        Bucket folderBucket(Region region, String relative) {
            return region.kind() == Kind.TENANT || region.kind() == Kind.TENANT_LOGS
                    ? new Bucket(tenantCategory(region, relative), region.tenant()) : null;
        }

        private FileCategory tenantCategory(Region region, String relative) {
            String path = relative + "/";
            if (region.kind() == Kind.TENANT && startsWithFolder(path, layout.archiveFolder())) {
                return FileCategory.ARCHIVES;
            }
            if (startsWithFolder(path, layout.jobLogFolder())) {
                return FileCategory.JOB_LOGS;
            }
            if (startsWithFolder(path, layout.runLogFolder())) {
                return FileCategory.RUN_LOGS;
            }
            return FileCategory.TENANT_OTHER;
        }

        private boolean isDatabaseFile(String name) {
            for (String db : layout.databaseFiles()) {
                if (name.equals(db) || name.equals(db + "-wal") || name.equals(db + "-shm") || name.equals(db + "-journal")) {
                    return true;
                }
            }
            return false;
        }

        void linkFound(Path link) {
            try {
                Path target = normal(link.getParent().resolve(Files.readSymbolicLink(link)));
                try {
                    target = target.toRealPath();
                } catch (IOException e) {
                    // a dangling link: judge it by where it points
                }
                boolean inside = allowed.stream().anyMatch(target::startsWith);
                if (!inside) {
                    problems.add(new ScanProblem(link.toString(), "link-outside", "A link pointing outside the scanned folders (to "
                            + target + "): counted as a link, not followed."));
                }
            } catch (IOException e) {
                problems.add(new ScanProblem(link.toString(), "unreadable", "A link that cannot be read: " + e.getMessage()));
            }
        }

        void failed(Path path, IOException e) {
            if (e instanceof NoSuchFileException) {
                problems.add(new ScanProblem(path.toString(), "vanished", "It disappeared during the scan."));
            } else if (e instanceof AccessDeniedException) {
                problems.add(new ScanProblem(path.toString(), "unreadable", "Permission denied: its content is not counted."));
            } else {
                problems.add(new ScanProblem(path.toString(), "unreadable", "It cannot be read: " + e.getMessage()));
            }
        }

        void counted(long n) {
            long total = files.addAndGet(n);
            if (total / 5_000 != (total - n) / 5_000) {
                progress.report(-1, String.format(java.util.Locale.ROOT, "%,d files counted", total));
            }
        }

        DataDirUsage result(Tally tally, Instant started) {
            Map<String, Map<FileCategory, Usage>> tenants = new TreeMap<>();
            for (TenantFolders t : layout.tenants()) {
                if (FolderNames.isSafeSegment(t.tenant())) {
                    tenants.put(t.tenant(), new LinkedHashMap<>());
                }
            }
            Map<String, Usage> serviceLogs = new TreeMap<>();
            Usage database = Usage.NONE;
            Usage unassigned = Usage.NONE;
            for (Map.Entry<Bucket, Usage> e : tally.buckets.entrySet()) {
                Bucket b = e.getKey();
                switch (b.category()) {
                    case SERVICE_LOGS -> serviceLogs.merge(b.owner(), e.getValue(), Usage::plus);
                    case DATABASE -> database = database.plus(e.getValue());
                    case UNASSIGNED -> unassigned = unassigned.plus(e.getValue());
                    default -> tenants.computeIfAbsent(b.owner(), k -> new LinkedHashMap<>()).merge(b.category(), e.getValue(), Usage::plus);
                }
            }
            List<ScanProblem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparing(ScanProblem::path));
            Instant now = Instant.now();
            List<FolderFiles> byFolder = new ArrayList<>(folderFiles);
            byFolder.sort(java.util.Comparator.comparing(FolderFiles::folder).thenComparing(FolderFiles::category));
            return new DataDirUsage(normal(layout.dataDir()).toString(), tenants, serviceLogs, database, unassigned, tally.folders,
                    Collections.unmodifiableList(sorted), now, Duration.between(started, now), reused.get(), byFolder);
        }
    }

    private static boolean startsWithFolder(String path, String folder) {
        return folder != null && !folder.isEmpty() && path.startsWith(folder + "/");
    }

    /** "gunicorn.log.3.gz" in "" → "gunicorn.log"; "django/django.log.1" → "django/django.log". */
    static String family(String relative, String name) {
        Matcher m = ROTATED.matcher(name);
        String base = m.matches() ? m.group(1) : name;
        return relative.isEmpty() ? base : relative + "/" + base;
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** A folder to visit, the region it belongs to, and its path relative to the region's root. */
    private record FolderVisit(Path folder, Region region, String relative) {
    }

    /** Totals of a subtree. */
    private static final class Tally {
        final Map<Bucket, Usage> buckets = new HashMap<>();
        Usage folders = Usage.NONE;

        void add(Bucket bucket, Usage usage) {
            buckets.merge(bucket, usage, Usage::plus);
        }

        void addAll(Map<Bucket, Usage> other) {
            other.forEach(this::add);
        }

        Tally merge(Tally other) {
            addAll(other.buckets);
            folders = folders.plus(other.folders);
            return this;
        }
    }

    /** Visits folders and forks their subfolders. */
    private final class FolderTask extends RecursiveTask<Tally> {
        private final Walk walk;
        private final List<FolderVisit> visits;

        FolderTask(Walk walk, List<FolderVisit> visits) {
            this.walk = walk;
            this.visits = visits;
        }

        @Override
        protected Tally compute() {
            Tally tally = new Tally();
            List<FolderVisit> next = new ArrayList<>();
            for (FolderVisit visit : visits) {
                if (walk.cancellation.isCancelled()) {
                    return tally;
                }
                visit(visit, tally, next);
            }
            if (next.isEmpty()) {
                return tally;
            }
            // Split the subfolders in chunks so that both wide and deep trees keep every thread busy.
            List<FolderTask> forks = new ArrayList<>();
            int chunk = Math.max(1, next.size() / 8);
            for (int i = 0; i < next.size(); i += chunk) {
                forks.add(new FolderTask(walk, next.subList(i, Math.min(next.size(), i + chunk))));
            }
            for (FolderTask t : invokeAll(forks)) {
                tally.merge(t.join());
            }
            return tally;
        }

        private void visit(FolderVisit visit, Tally tally, List<FolderVisit> next) {
            Path folder = visit.folder();
            BasicFileAttributes attrs;
            try {
                // A root may itself be a link (DATA_DIR on a mount, say): roots are followed, nothing below them is.
                attrs = visit.relative().isEmpty()
                        ? Files.readAttributes(folder, BasicFileAttributes.class)
                        : Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                if (!visit.relative().isEmpty()) {
                    walk.failed(folder, e);
                }
                return; // a configured root that does not exist holds nothing
            } catch (IOException e) {
                walk.failed(folder, e);
                return;
            }
            if (!attrs.isDirectory()) {
                return;
            }
            tally.folders = tally.folders.plus(Usage.of(attrs.size(), attrs.lastModifiedTime().toMillis()));
            String key = folder.toString();
            long modified = attrs.lastModifiedTime().toMillis();
            ScanMemory.Folder known = memory.get(key);
            List<String> subfolders;
            Tally direct = new Tally(); // this folder's own files, kept per folder for the drill-down
            if (known != null && known.modifiedMillis() == modified && known.region().equals(visit.region().key())
                    && visit.region().kind() != Kind.SERVICE_LOGS) {
                walk.reused.incrementAndGet();
                direct.addAll(known.settled());
                for (ScanMemory.RecentFile recent : known.recent()) {
                    statAgain(folder.resolve(recent.name()), recent.bucket(), direct);
                }
                walk.counted(known.recent().size());
                subfolders = known.subfolders();
            } else {
                subfolders = list(visit, direct, modified);
                if (subfolders == null) {
                    return;
                }
            }
            tally.addAll(direct.buckets);
            direct.buckets.forEach((bucket, usage) -> walk.folderFiles.add(
                    new FolderFiles(key, bucket.owner(), bucket.category(), usage.files(), usage.bytes())));
            for (String name : subfolders) {
                Path child = folder.resolve(name);
                if (walk.roots.containsKey(child)) {
                    continue; // walked as its own region
                }
                next.add(new FolderVisit(child, visit.region(), visit.relative().isEmpty() ? name : visit.relative() + "/" + name));
            }
        }

        private void statAgain(Path file, Bucket bucket, Tally tally) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                tally.add(bucket, Usage.of(a.size(), a.lastModifiedTime().toMillis()));
            } catch (NoSuchFileException e) {
                // deleted since: the folder's time changed too, unless it was replaced in place; either way it is gone
            } catch (IOException e) {
                walk.failed(file, e);
            }
        }

        /** Lists a folder, counts its files, remembers it; returns its subfolders, or null when it cannot be read. */
        private List<String> list(FolderVisit visit, Tally tally, long modified) {
            Path folder = visit.folder();
            List<String> subfolders = new ArrayList<>();
            Map<Bucket, Usage> settled = new HashMap<>();
            List<ScanMemory.RecentFile> recent = new ArrayList<>();
            // In a tenant's folder every file has the same bucket: count it with plain longs, not a map per file.
            Bucket folderBucket = walk.folderBucket(visit.region(), visit.relative());
            long counted = 0;
            long files = 0;
            long bytes = 0;
            long oldest = Long.MAX_VALUE;
            long newest = Long.MIN_VALUE;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                // Where the OS offers it, stat each entry relative to the open folder (fstatat): no path lookup per file.
                SecureDirectoryStream<Path> secure = entries instanceof SecureDirectoryStream<Path> s ? s : null;
                for (Path entry : entries) {
                    BasicFileAttributes a;
                    try {
                        a = secure != null
                                ? secure.getFileAttributeView(entry.getFileName(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                                        .readAttributes()
                                : Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        walk.failed(entry, e);
                        continue;
                    }
                    if (a.isDirectory()) {
                        subfolders.add(entry.getFileName().toString());
                        continue;
                    }
                    if (a.isSymbolicLink()) {
                        walk.linkFound(entry);
                    }
                    counted++;
                    long mtime = a.lastModifiedTime().toMillis();
                    Bucket bucket = folderBucket != null ? folderBucket
                            : walk.bucket(visit.region(), visit.relative(), entry.getFileName().toString());
                    if (mtime >= walk.recentSince) {
                        recent.add(new ScanMemory.RecentFile(entry.getFileName().toString(), bucket));
                        tally.add(bucket, Usage.of(a.size(), mtime));
                    } else if (folderBucket != null) {
                        files++;
                        bytes += a.size();
                        oldest = Math.min(oldest, mtime);
                        newest = Math.max(newest, mtime);
                    } else {
                        Usage one = Usage.of(a.size(), mtime);
                        tally.add(bucket, one);
                        settled.merge(bucket, one, Usage::plus);
                    }
                }
            } catch (IOException e) {
                walk.failed(folder, e);
                return null;
            } catch (java.nio.file.DirectoryIteratorException e) {
                // An I/O error in the middle of a listing (a stale share): keep what was read, report it, remember nothing.
                walk.failed(folder, e.getCause());
                if (files > 0) {
                    tally.add(folderBucket, new Usage(files, bytes, oldest, newest));
                }
                walk.counted(counted);
                return subfolders;
            }
            if (files > 0) {
                Usage old = new Usage(files, bytes, oldest, newest);
                tally.add(folderBucket, old);
                settled.merge(folderBucket, old, Usage::plus);
            }
            walk.counted(counted);
            // A folder changed within the filesystem's time granularity may change again unseen: list it next time too.
            if (System.currentTimeMillis() - modified > UNSETTLED_MILLIS) {
                memory.put(folder.toString(), new ScanMemory.Folder(visit.region().key(), modified, List.copyOf(subfolders),
                        Map.copyOf(settled), List.copyOf(recent)));
            }
            return subfolders;
        }
    }
}
