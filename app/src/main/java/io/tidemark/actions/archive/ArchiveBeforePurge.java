package io.tidemark.actions.archive;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveCheck;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchivePlugin;
import io.tidemark.core.archive.ArchivePluginContext;
import io.tidemark.core.archive.ArchiveScope;
import io.tidemark.db.archive.ScopeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a purge calls before it deletes anything: exports and verifies each tenant-day asked for, then runs every
 * archive plugin the configuration enables on each scope. It answers which scopes are covered (the purge may delete
 * them) and which failed, with the reason; a scope that failed must not be purged.
 */
public final class ArchiveBeforePurge {

    /**
     * What to keep before a purge.
     *
     * @param scopes        what the purge will delete, one scope per table (and tenant)
     * @param exports       the tenant-days to export into archives first (the archived family's tables)
     * @param format        the archives' format
     * @param gzip          whether to compress them
     * @param configuration the whole configuration; {@code enabled_plugins.archives} names the plugins to run
     */
    public record Request(List<ArchiveScope> scopes, List<TenantDay> exports, ArchiveFormat format, boolean gzip,
                          Map<String, Object> configuration) {
        public Request {
            scopes = List.copyOf(scopes);
            exports = List.copyOf(exports);
            configuration = configuration == null ? Map.of() : configuration;
        }
    }

    /** One tenant's day to export. */
    public record TenantDay(String tenant, LocalDate day) {
    }

    /**
     * The answer.
     *
     * @param covered  scopes whose rows are kept: the purge may delete them
     * @param failed   scopes whose rows are not safely kept, each with the sentence why: the purge must not touch them
     * @param archives the archives written or found verified for the exports asked
     */
    public record Result(List<ArchiveScope> covered, Map<ArchiveScope, String> failed, List<ArchiveEntry> archives) {

        public Result {
            covered = List.copyOf(covered);
            failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
            archives = List.copyOf(archives);
        }

        /** Whether every scope is covered. */
        public boolean allCovered() {
            return failed.isEmpty();
        }
    }

    private ArchiveBeforePurge() {
    }

    public static Result run(PlatformSession session, Request request, HistoryStore history, Progress progress, Cancellation cancellation) {
        ArchiveSite site = ArchiveSite.of(session);
        Map<ArchiveScope, String> failed = new LinkedHashMap<>();
        List<ArchiveEntry> archives = new ArrayList<>();
        List<String> familyTables = site.family().tables().stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toList();

        // 1. Archives of the days asked, exported and verified (an existing verified archive counts).
        int done = 0;
        int steps = request.exports().size() + request.scopes().size();
        for (TenantDay td : request.exports()) {
            cancellation.checkpoint();
            progress.report((double) done++ / Math.max(1, steps), "Archiving tenant " + td.tenant() + ", " + td.day());
            String problem = null;
            try {
                archives.add(existingOrExport(site, td, request, history, cancellation));
            } catch (TidemarkException e) {
                problem = "The archive of tenant " + td.tenant() + ", " + td.day() + " failed: " + e.getMessage();
            }
            if (problem != null) {
                for (ArchiveScope scope : request.scopes()) {
                    if ((scope.tenant() == null || scope.tenant().equals(td.tenant()))
                            && familyTables.contains(scope.table().toLowerCase(java.util.Locale.ROOT))) {
                        failed.putIfAbsent(scope, problem);
                    }
                }
            }
        }

        // 2. The enabled plugins, each on each scope.
        Map<String, ArchivePlugin> installed = ArchivePlugins.installed();
        List<ArchivePlugin> plugins = new ArrayList<>();
        for (String name : ArchivePlugins.enabled(request.configuration())) {
            ArchivePlugin plugin = installed.get(name);
            if (plugin == null) {
                String why = "The archive plugin '" + name + "' is enabled but not installed (installed: " + installed.keySet() + ").";
                request.scopes().forEach(s -> failed.putIfAbsent(s, why));
            } else {
                plugins.add(plugin);
            }
        }
        for (ArchiveScope scope : request.scopes()) {
            cancellation.checkpoint();
            progress.report((double) done++ / Math.max(1, steps), "Archive plugins: " + scope.describe());
            if (failed.containsKey(scope)) {
                continue;
            }
            for (ArchivePlugin plugin : plugins) {
                try {
                    plugin.beforePurge(request.configuration(), scope, context(site, plugin, scope, progress, cancellation));
                } catch (Cancellation.CancelledException e) {
                    throw e;
                } catch (Exception e) {
                    failed.put(scope, "The archive plugin '" + plugin.name() + "' failed on " + scope.describe() + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "; that scope is not purged.");
                    break;
                }
            }
        }
        List<ArchiveScope> covered = request.scopes().stream().filter(s -> !failed.containsKey(s)).toList();
        progress.report(1, covered.size() + " of " + request.scopes().size() + " scopes kept");
        return new Result(covered, failed, archives);
    }

    private static ArchiveEntry existingOrExport(ArchiveSite site, TenantDay td, Request request, HistoryStore history,
                                                 Cancellation cancellation) {
        for (ArchiveEntry e : ListArchives.entries(site, td.tenant())) {
            if (e.name().day().equals(td.day()) && e.name().format() == request.format() && e.hasFile() && e.recorded()) {
                ArchiveCheck check = VerifyArchives.file(e.file(), e.record(), cancellation);
                if (!check.ok()) {
                    throw new TidemarkException("its existing archive " + e.name().fileName() + " does not verify (" + check.summary() + ")");
                }
                return e;
            }
        }
        return ExportArchive.run(site, new ExportArchive.Request(td.tenant(), td.day(), request.format(), request.gzip()),
                history, Progress.NONE, cancellation, ExportArchive.StepHook.NONE, java.time.Clock.systemUTC()).entry();
    }

    private static ArchivePluginContext context(ArchiveSite site, ArchivePlugin plugin, ArchiveScope scope, Progress progress,
                                                Cancellation cancellation) throws IOException {
        if (!io.tidemark.files.FolderNames.isSafeSegment(plugin.name())) {
            throw new TidemarkException("The plugin name '" + plugin.name() + "' is not a plain folder name.");
        }
        Path base = scope.tenant() == null
                ? site.session().dataDir().orElseThrow().resolve("tidemark-archive-plugins")
                : site.requireFolder(scope.tenant());
        Path folder = Files.createDirectories(base.resolve("plugins").resolve(plugin.name()));
        Long tenantId = scope.tenant() == null ? null : site.tenant(scope.tenant()).id();
        return new ArchivePluginContext() {
            @Override
            public Path outputFolder() {
                return folder;
            }

            @Override
            public void readRows(ScopeRows visitor) throws Exception {
                try (Connection c = site.session().database().connection()) {
                    ScopeReader.read(c, site.session().info().kind(), site.session().profile(), scope.table(), tenantId, scope.cutoff(),
                            new ScopeReader.Rows() {
                                @Override
                                public void columns(List<String> columns) throws Exception {
                                    visitor.columns(columns);
                                }

                                @Override
                                public void row(Object[] values) throws Exception {
                                    visitor.row(values);
                                }
                            });
                }
            }

            @Override
            public Progress progress() {
                return progress;
            }

            @Override
            public Cancellation cancellation() {
                return cancellation;
            }
        };
    }

}
