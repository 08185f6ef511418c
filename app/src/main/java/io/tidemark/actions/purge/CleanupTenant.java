package io.tidemark.actions.purge;

import io.tidemark.actions.DataDirLayouts;
import io.tidemark.actions.PlatformSession;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ForeignKey;
import io.tidemark.core.Progress;
import io.tidemark.core.Tenant;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.core.profile.TableSpec;
import io.tidemark.core.profile.TenantModel;
import io.tidemark.core.purge.Dependent;
import io.tidemark.core.purge.FileDelete;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeResult;
import io.tidemark.core.purge.TableStep;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.TenantFolders;
import io.tidemark.db.DatabaseCatalog;
import io.tidemark.db.TenantDirectory;
import io.tidemark.db.purge.CleanupHistory;
import io.tidemark.db.purge.PurgeCounter;
import io.tidemark.db.purge.TenantCache;
import io.tidemark.files.purge.SafeFiles;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Deletes everything of one tenant, as the platform's own config cleanup does: its rows in every table (in batches,
 * children first), its settings and its tenant row, its files and folders inside DATA_DIR, its cache keys when a Redis
 * URL is given, and a row in the platform's cleanup history.
 */
public final class CleanupTenant {

    /**
     * What a cleanup did.
     *
     * @param purge        the rows and files deleted
     * @param folders      the tenant folders removed
     * @param cacheKeys    Redis keys deleted (-1 when no Redis URL was given)
     * @param problems     what could not be done
     */
    public record Result(PurgeResult purge, List<Path> folders, long cacheKeys, List<String> problems) {
    }

    private CleanupTenant() {
    }

    /** The plan of a cleanup of {@code tenant}. */
    public static PurgePlan plan(PlatformSession session, String tenant, Progress progress) {
        PlatformProfile profile = session.profile();
        if (!profile.hasTenants()) {
            throw new TidemarkException("The " + profile.name() + " profile has no tenants to clean up.");
        }
        TenantModel model = profile.tenants();
        Tenant t = new TenantDirectory(session.database(), model).tenants().stream().filter(x -> x.name().equals(tenant)).findFirst()
                .orElseThrow(() -> new TidemarkException("There is no tenant named '" + tenant + "'."));
        PurgeCounter counter = new PurgeCounter(session.database());
        List<ForeignKey> keys = new DatabaseCatalog(session.database()).foreignKeys();
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        for (TableSpec spec : profile.tables()) {
            if (spec.tenantColumn() != null && counter.exists(spec.name())) {
                tables.put(spec.name().toLowerCase(Locale.ROOT), spec);
            }
        }
        for (ForeignKey k : keys) {
            if (k.parentTable().equalsIgnoreCase(model.table()) && !k.childTable().equalsIgnoreCase(model.table())) {
                tables.putIfAbsent(k.childTable().toLowerCase(Locale.ROOT),
                        new TableSpec(k.childTable(), null, "id", null, k.childColumn(), null, false));
            }
        }
        if (model.configTable() != null && counter.exists(model.configTable())) {
            tables.putIfAbsent(model.configTable().toLowerCase(Locale.ROOT),
                    new TableSpec(model.configTable(), null, "id", null, model.configTenantColumn(), null, false));
        }
        List<TableSpec> ordered = MakePurgePlan.childrenFirst(new ArrayList<>(tables.values()), keys);
        List<TableSpec> all = new ArrayList<>(profile.tables());
        all.addAll(tables.values());
        List<TableStep> steps = new ArrayList<>();
        int i = 0;
        for (TableSpec spec : ordered) {
            progress.report((double) i++ / (ordered.size() + 1), "Counting " + spec.name());
            List<Dependent> dependents = MakePurgePlan.dependents(spec.name(), all, keys, new java.util.HashSet<>(Set.of(spec.name())))
                    .stream().filter(d -> !tables.containsKey(d.table().toLowerCase(Locale.ROOT))).toList();
            steps.add(counter.count(new TableStep(spec.name(), spec.key(), null, null, -1, spec.tenantColumn(), List.of(t.id()), List.of(),
                    tenant, 0, 0, dependents, 0, List.of())));
        }
        steps.add(counter.count(new TableStep(model.table(), model.idColumn(), null, null, -1, model.idColumn(), List.of(t.id()), List.of(),
                tenant, 0, 0, List.of(), 0, List.of())));
        List<FileDelete> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path folder : folders(session, tenant, notes)) {
            files.addAll(listFiles(folder, tenant));
        }
        progress.report(1, "Plan ready");
        return new PurgePlan(UUID.randomUUID().toString(), session.key(), session.info().name(), counter.now(),
                "every row and file of tenant " + tenant, steps, files, false, true, true, tenant, List.of(), notes);
    }

    /** Runs a cleanup plan made by {@link #plan}. */
    public static Result run(PlatformSession session, PurgePlan plan, RunPurge.Options options, String redisUrl, Progress progress,
                             Cancellation cancellation) {
        if (plan.tenantCleanup() == null) {
            throw new TidemarkException("This plan is not a tenant cleanup.");
        }
        String tenant = plan.tenantCleanup();
        TableStep tenantRow = plan.steps().get(plan.steps().size() - 1);
        long tenantId = tenantRow.tenantIds().get(0);
        Instant started = Instant.now();
        List<String> folderNotes = new ArrayList<>();
        List<Path> tenantFolders = folders(session, tenant, folderNotes); // read before the tenant row goes
        PurgeResult purge = RunPurge.run(session, plan, options, progress, cancellation);
        List<String> problems = new ArrayList<>(purge.problems());
        problems.addAll(folderNotes);
        List<Path> removed = new ArrayList<>();
        long cacheKeys = -1;
        if (purge.outcome() == PurgeResult.Outcome.DONE) {
            Path dataDir = session.dataDir().orElse(null);
            for (Path folder : tenantFolders) {
                try {
                    SafeFiles.deleteTree(dataDir, folder);
                    removed.add(folder);
                } catch (IOException e) {
                    problems.add("The folder " + folder + " was not removed: " + e.getMessage());
                }
            }
            TenantModel model = session.profile().tenants();
            if (redisUrl != null && !redisUrl.isBlank() && !model.cacheKeyPatterns().isEmpty()) {
                try {
                    cacheKeys = TenantCache.delete(redisUrl, model.cacheKeyPatterns(), tenant);
                } catch (TidemarkException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        TenantModel model = session.profile().tenants();
        if (model.cleanupHistoryTable() != null && new PurgeCounter(session.database()).exists(model.cleanupHistoryTable())) {
            String status = problems.isEmpty() ? "done" : purge.outcome() == PurgeResult.Outcome.DONE ? "partial"
                    : purge.outcome().name().toLowerCase(Locale.ROOT);
            CleanupHistory.record(session.database(), model.cleanupHistoryTable(), tenantId, tenant, started, Instant.now(), status,
                    purge.rows(), "Tidemark cleanup-tenant: " + purge.rowsByTable() + ", " + purge.filesDeleted() + " files"
                            + (cacheKeys >= 0 ? ", " + cacheKeys + " cache keys" : "") + (problems.isEmpty() ? "" : "; " + String.join(" ", problems)));
        }
        return new Result(purge, removed, cacheKeys, problems);
    }

    /** The tenant's folders inside DATA_DIR (its own, and its log folder when a setting moves it). */
    static List<Path> folders(PlatformSession session, String tenant, List<String> notes) {
        if (session.dataDir().isEmpty() || !session.profile().hasFiles()) {
            return List.of();
        }
        DataDirLayout layout = DataDirLayouts.of(session);
        Path dataDir = layout.dataDir().toAbsolutePath().normalize();
        Set<Path> out = new LinkedHashSet<>();
        for (TenantFolders f : layout.tenants()) {
            if (!f.tenant().equals(tenant)) {
                continue;
            }
            for (Path p : List.of(f.tenantDir(), f.jobLogDir())) {
                Path n = p.toAbsolutePath().normalize();
                if (!MakePurgePlan.inside(dataDir, n) || tenant.contains("..") || tenant.contains("/") || tenant.contains("\\")) {
                    notes.add("The folder " + p + " of tenant '" + tenant + "' is not inside DATA_DIR: left alone.");
                } else if (Files.isDirectory(n, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(n);
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<FileDelete> listFiles(Path folder, String tenant) {
        List<FileDelete> files = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        String s = file.toString();
                        FileDelete.Kind kind = s.contains("/archive/") ? FileDelete.Kind.ARCHIVE
                                : s.contains("/runs/") ? FileDelete.Kind.RUN_LOG : FileDelete.Kind.JOB_LOG;
                        files.add(new FileDelete(folder, file, kind, tenant, attrs.size(),
                                LocalDate.ofInstant(attrs.lastModifiedTime().toInstant(), ZoneOffset.UTC)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return files;
        }
        return files;
    }
}
