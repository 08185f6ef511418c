package io.tidemark.actions.purge;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.actions.DataDirLayouts;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.ConfigMapper;
import io.tidemark.core.ForeignKey;
import io.tidemark.core.Progress;
import io.tidemark.core.Tenant;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.core.profile.TableSpec;
import io.tidemark.core.purge.Dependent;
import io.tidemark.core.purge.FileDelete;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.RetentionPolicy;
import io.tidemark.core.purge.TableStep;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.TenantFolders;
import io.tidemark.db.DatabaseCatalog;
import io.tidemark.db.TenantDirectory;
import io.tidemark.db.purge.PurgeCounter;
import io.tidemark.files.purge.RetentionFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Makes the plan of a purge, always before anything is deleted: per table and tenant group the rows older than a
 * cutoff fixed now, counted with their dependents (found from the database's foreign keys and the profile), tables
 * ordered children before parents; then the job and run logs past their retention and the archives past their window.
 */
public final class MakePurgePlan {

    private MakePurgePlan() {
    }

    /** The plan of {@code request} on {@code session}'s platform. */
    public static PurgePlan make(PlatformSession session, PurgeRequest request, Progress progress) {
        PlatformProfile profile = session.profile();
        RetentionPolicy policy = request.policy();
        PurgeCounter counter = new PurgeCounter(session.database());
        Instant now = request.now() != null ? request.now() : counter.now();
        ZoneId zone = counter.zone();
        List<String> notes = new ArrayList<>();
        List<ForeignKey> keys = new DatabaseCatalog(session.database()).foreignKeys();

        for (String asked : request.tables()) {
            TableSpec spec = profile.table(asked).orElseThrow(() -> new TidemarkException(
                    "The table " + asked + " is not in the " + profile.name() + " profile: its tables are "
                            + profile.tables().stream().map(TableSpec::name).toList() + "."));
            if (spec.retentionColumn() == null) {
                throw new TidemarkException("The table " + asked + " has no age of its own: it is purged with its parent "
                        + (spec.parent() == null ? "" : spec.parent().table()) + ".");
            }
        }
        Tenants tenants = Tenants.read(session, request.tenant());

        List<TableSpec> present = new ArrayList<>();
        for (TableSpec t : profile.tables()) {
            if (!counter.exists(t.name())) {
                if (!t.optional()) {
                    notes.add("The table " + t.name() + " of the profile is not in the database: skipped.");
                }
                continue;
            }
            present.add(t);
        }
        List<TableSpec> ordered = childrenFirst(present, keys);
        List<TableStep> steps = new ArrayList<>();
        boolean everything = false;
        int done = 0;
        for (TableSpec t : ordered) {
            progress.report((double) done++ / Math.max(1, ordered.size()), "Counting " + t.name());
            if (t.retentionColumn() == null) {
                continue; // purged with its parent, as a dependent
            }
            if (!request.tables().isEmpty() && request.tables().stream().noneMatch(n -> n.equalsIgnoreCase(t.name()))) {
                continue;
            }
            String tenantColumn = t.tenantColumn() != null && profile.hasTenants() ? t.tenantColumn() : null;
            if (request.tenant() != null && tenantColumn == null) {
                notes.add("The table " + t.name() + " has no tenant column: not purged for one tenant.");
                continue;
            }
            List<Dependent> dependents = dependents(t.name(), present, keys, new HashSet<>(Set.of(t.name())));
            int tableDays = policy.daysFor(t.name());
            List<TableStep> mine = new ArrayList<>();
            if (request.tenant() != null) {
                int days = tenants.daysFor(request.tenant(), tableDays);
                mine.add(step(t, now, days, tenantColumn, List.of(tenants.id(request.tenant())), List.of(), request.tenant(), dependents));
            } else {
                List<Long> own = new ArrayList<>();
                if (tenantColumn != null) {
                    for (Map.Entry<String, Integer> e : tenants.ownDays().entrySet()) {
                        if (e.getValue() != tableDays) {
                            own.add(tenants.id(e.getKey()));
                            mine.add(step(t, now, e.getValue(), tenantColumn, List.of(tenants.id(e.getKey())), List.of(), e.getKey(), dependents));
                        }
                    }
                }
                mine.add(0, step(t, now, tableDays, tenantColumn, List.of(), own, own.isEmpty() ? "all tenants" : "other tenants", dependents));
            }
            for (TableStep s : mine) {
                everything |= s.days() == 0;
                steps.add(counter.count(s, steps));
            }
        }
        List<FileDelete> files = new ArrayList<>();
        List<FileDelete> archives = new ArrayList<>();
        if (request.withFiles() && request.tables().isEmpty() && profile.hasFiles() && session.dataDir().isPresent()) {
            progress.report(0.95, "Listing logs past their retention");
            listFiles(session, tenants, policy, now, zone, request.tenant(), files, archives, notes);
        }
        progress.report(1, "Plan ready");
        String policyText = "days_to_keep " + policy.daysToKeep()
                + (policy.daysToKeepPerTable().isEmpty() ? "" : ", per table " + policy.daysToKeepPerTable())
                + (tenants.ownDays().isEmpty() ? "" : ", tenants " + tenants.ownDays())
                + ", logs " + policy.logRetentionDays() + " days";
        return new PurgePlan(UUID.randomUUID().toString(), session.key(), session.info().name(), now, policyText, steps, files,
                // Enabled archive plugins run before every purge, as in xivo-purge-db; unlike it, a failure stops the delete.
                request.archiveFirst() || !policy.archivePlugins().isEmpty(), policy.vacuum(), everything, null, archives, notes);
    }

    private static TableStep step(TableSpec t, Instant now, int days, String tenantColumn, List<Long> ids, List<Long> excluded,
                                  String scope, List<Dependent> dependents) {
        Instant cutoff = now.minus(days, ChronoUnit.DAYS);
        return new TableStep(t.name(), t.key(), t.retentionColumn(), cutoff, days, tenantColumn, ids, excluded, scope, 0, 0,
                dependents, 0, List.of());
    }

    /**
     * Tables that reference {@code table} (foreign keys without ON DELETE CASCADE, and the profile's parent links),
     * with theirs in turn.
     */
    static List<Dependent> dependents(String table, List<TableSpec> profileTables, List<ForeignKey> keys, Set<String> seen) {
        Map<String, Dependent> found = new LinkedHashMap<>();
        for (ForeignKey k : keys) {
            if (k.parentTable().equalsIgnoreCase(table) && !k.cascades() && !"SET NULL".equals(k.onDelete())
                    && !k.childTable().equalsIgnoreCase(table) && !seen.contains(k.childTable().toLowerCase(Locale.ROOT))) {
                found.putIfAbsent(k.childTable().toLowerCase(Locale.ROOT) + "." + k.childColumn().toLowerCase(Locale.ROOT),
                        dependent(k.childTable(), keyOf(k.childTable(), profileTables), k.childColumn(), k.parentColumn(),
                                profileTables, keys, seen));
            }
        }
        for (TableSpec t : profileTables) {
            if (t.parent() != null && t.parent().table().equalsIgnoreCase(table) && !seen.contains(t.name().toLowerCase(Locale.ROOT))) {
                found.putIfAbsent(t.name().toLowerCase(Locale.ROOT) + "." + t.parent().column().toLowerCase(Locale.ROOT),
                        dependent(t.name(), t.key(), t.parent().column(), keyOf(table, profileTables), profileTables, keys, seen));
            }
        }
        return List.copyOf(found.values());
    }

    private static Dependent dependent(String child, String key, String column, String referenced, List<TableSpec> profileTables,
                                       List<ForeignKey> keys, Set<String> seen) {
        Set<String> deeper = new HashSet<>(seen);
        deeper.add(child.toLowerCase(Locale.ROOT));
        return new Dependent(child, key, column, referenced, dependents(child, profileTables, keys, deeper));
    }

    private static String keyOf(String table, List<TableSpec> profileTables) {
        return profileTables.stream().filter(t -> t.name().equalsIgnoreCase(table)).map(TableSpec::key).findFirst().orElse("id");
    }

    /** The profile's tables, each after every table that references it (children before parents). */
    static List<TableSpec> childrenFirst(List<TableSpec> tables, List<ForeignKey> keys) {
        Map<String, Set<String>> children = new LinkedHashMap<>();
        for (TableSpec t : tables) {
            children.put(t.name().toLowerCase(Locale.ROOT), new HashSet<>());
        }
        for (ForeignKey k : keys) {
            String parent = k.parentTable().toLowerCase(Locale.ROOT);
            String child = k.childTable().toLowerCase(Locale.ROOT);
            if (children.containsKey(parent) && children.containsKey(child) && !parent.equals(child)) {
                children.get(parent).add(child);
            }
        }
        for (TableSpec t : tables) {
            if (t.parent() != null && children.containsKey(t.parent().table().toLowerCase(Locale.ROOT))) {
                children.get(t.parent().table().toLowerCase(Locale.ROOT)).add(t.name().toLowerCase(Locale.ROOT));
            }
        }
        List<TableSpec> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (TableSpec t : tables) {
            place(t, tables, children, placed, new HashSet<>(), out);
        }
        return out;
    }

    private static void place(TableSpec t, List<TableSpec> tables, Map<String, Set<String>> children, Set<String> placed,
                              Set<String> visiting, List<TableSpec> out) {
        String name = t.name().toLowerCase(Locale.ROOT);
        if (placed.contains(name) || !visiting.add(name)) {
            return;
        }
        for (TableSpec c : tables) {
            if (children.get(name).contains(c.name().toLowerCase(Locale.ROOT))) {
                place(c, tables, children, placed, visiting, out);
            }
        }
        placed.add(name);
        out.add(t);
    }

    private static void listFiles(PlatformSession session, Tenants tenants, RetentionPolicy policy, Instant now, ZoneId zone,
                                  String onlyTenant, List<FileDelete> files, List<FileDelete> archives, List<String> notes) {
        DataDirLayout layout = DataDirLayouts.of(session);
        Path dataDir = layout.dataDir().toAbsolutePath().normalize();
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (TenantFolders folders : layout.tenants()) {
            if (onlyTenant != null && !onlyTenant.equals(folders.tenant())) {
                continue;
            }
            Path tenantDir = folders.tenantDir().toAbsolutePath().normalize();
            Path logRoot = folders.jobLogDir().toAbsolutePath().normalize();
            if (!inside(dataDir, tenantDir) || !inside(dataDir, logRoot) || folders.tenant().contains("..")
                    || folders.tenant().contains("/") || folders.tenant().contains("\\")) {
                notes.add("The folders of tenant '" + folders.tenant() + "' are not inside DATA_DIR: its files are left alone.");
                continue;
            }
            int logDays = tenants.logDaysFor(folders.tenant(), policy.logRetentionDays());
            try {
                files.addAll(RetentionFiles.jobLogs(logRoot.resolve(layout.jobLogFolder()), folders.tenant(), today.minusDays(logDays)));
                files.addAll(RetentionFiles.runLogs(logRoot.resolve(layout.runLogFolder()), folders.tenant(),
                        now.minus(logDays, ChronoUnit.DAYS), zone));
                archives.addAll(RetentionFiles.archives(tenantDir.resolve(layout.archiveFolder()), folders.tenant(),
                        today.minusDays(policy.archiveDeleteOlderThan())));
            } catch (IOException e) {
                notes.add("The folders of tenant '" + folders.tenant() + "' could not be listed: " + e.getMessage());
            }
        }
    }

    static boolean inside(Path root, Path p) {
        return p.startsWith(root) && !p.equals(root);
    }

    /** The platform's tenants with their own retention settings. */
    record Tenants(Map<String, Long> ids, Map<String, Integer> ownDays, Map<String, Integer> ownLogDays) {

        static Tenants read(PlatformSession session, String only) {
            Map<String, Long> ids = new LinkedHashMap<>();
            Map<String, Integer> days = new LinkedHashMap<>();
            Map<String, Integer> logDays = new LinkedHashMap<>();
            PlatformProfile profile = session.profile();
            if (!profile.hasTenants()) {
                if (only != null) {
                    throw new TidemarkException("The " + profile.name() + " profile has no tenants: purge without --tenant.");
                }
                return new Tenants(ids, days, logDays);
            }
            TenantDirectory directory = new TenantDirectory(session.database(), profile.tenants());
            for (Tenant t : directory.tenants()) {
                ids.put(t.name(), t.id());
                Map<String, String> settings = directory.settings(t.id());
                Integer own = number(settings.get(profile.tenants().retentionSetting()), "days_to_keep");
                if (own != null) {
                    days.put(t.name(), own);
                }
                Integer ownLog = number(settings.get(profile.tenants().logRetentionSetting()), "retention_days");
                if (ownLog != null) {
                    logDays.put(t.name(), ownLog);
                }
            }
            if (only != null && !ids.containsKey(only)) {
                throw new TidemarkException("There is no tenant named '" + only + "'.");
            }
            return new Tenants(ids, days, logDays);
        }

        long id(String tenant) {
            return ids.get(tenant);
        }

        int daysFor(String tenant, int fallback) {
            return ownDays.getOrDefault(tenant, fallback);
        }

        int logDaysFor(String tenant, int fallback) {
            return ownLogDays.getOrDefault(tenant, fallback);
        }

        private static Integer number(String json, String field) {
            if (json == null) {
                return null;
            }
            try {
                JsonNode node = ConfigMapper.json().readTree(json);
                JsonNode v = node == null ? null : node.get(field);
                return v != null && v.canConvertToInt() && v.asInt() >= 0 ? v.asInt() : null;
            } catch (IOException e) {
                return null; // a settings row that is not JSON sets nothing, as on the platform
            }
        }
    }
}
