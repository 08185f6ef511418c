package io.tidemark.actions.archive;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.purge.ArchiveGate;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.Tenant;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveScope;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.TableStep;
import io.tidemark.db.archive.ArchiveFamily;
import io.tidemark.db.archive.ArchivedDays;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Archive first, as the purge asks for it: every tenant-day of the archived family that the plan would delete gets a
 * verified archive (an existing verified one counts, otherwise it is exported), then the enabled archive plugins run on
 * each table the plan touches. What did not archive is reported to the purge, which then leaves it alone.
 */
public final class ArchiveFirstGate implements ArchiveGate {

    private final PlatformSession session;
    private final HistoryStore history;
    private final Progress progress;

    /** @param history where the exports are recorded, or null */
    public ArchiveFirstGate(PlatformSession session, HistoryStore history, Progress progress) {
        this.session = session;
        this.history = history;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    @Override
    public GateResult archiveBefore(PurgePlan plan, Map<String, Object> configuration, Cancellation cancellation) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Tenant t : session.tenants()) {
            names.put(t.id(), t.name());
        }
        List<ArchiveScope> scopes = new ArrayList<>();
        Map<ArchiveScope, TableStep> stepOf = new LinkedHashMap<>();
        for (TableStep step : plan.steps()) {
            if (step.tenantIds().isEmpty()) {
                ArchiveScope scope = new ArchiveScope(null, step.table(), step.cutoff(), step.rows());
                scopes.add(scope);
                stepOf.put(scope, step);
            } else {
                for (Long id : step.tenantIds()) {
                    ArchiveScope scope = new ArchiveScope(names.getOrDefault(id, String.valueOf(id)), step.table(), step.cutoff(), -1);
                    scopes.add(scope);
                    stepOf.put(scope, step);
                }
            }
        }
        List<ArchiveBeforePurge.TenantDay> exports = exports(plan, names);
        ArchiveBeforePurge.Result result = ArchiveBeforePurge.run(session, new ArchiveBeforePurge.Request(scopes, exports,
                ArchiveFormat.SQLITE, false, configuration), history, progress, cancellation);
        List<Failure> failures = new ArrayList<>();
        result.failed().forEach((scope, why) -> failures.add(new Failure(scope.table(), scope.tenant(), why)));
        return new GateResult(failures);
    }

    /** The tenant-days of the archived family the plan deletes rows of. */
    private List<ArchiveBeforePurge.TenantDay> exports(PurgePlan plan, Map<Long, String> names) {
        if (!session.profile().hasTenants() || !session.profile().hasFiles() || session.dataDir().isEmpty()) {
            return List.of();
        }
        try (Connection c = session.database().connection()) {
            ArchiveFamily family = ArchiveFamily.read(c, session.profile());
            Set<String> familyTables = new LinkedHashSet<>();
            family.tables().forEach(t -> familyTables.add(t.name().toLowerCase(Locale.ROOT)));
            TableStep rootStep = plan.steps().stream()
                    .filter(s -> s.table().equalsIgnoreCase(family.root().name())).findFirst().orElse(null);
            if (rootStep == null) {
                return List.of();
            }
            List<ArchiveBeforePurge.TenantDay> days = new ArrayList<>();
            for (ArchivedDays.TenantDay d : ArchivedDays.before(c, session.info().kind(), family, rootStep.cutoff())) {
                boolean inPlan = rootStep.tenantIds().isEmpty() ? !rootStep.excludedTenantIds().contains(d.tenantId())
                        : rootStep.tenantIds().contains(d.tenantId());
                String name = names.get(d.tenantId());
                if (inPlan && name != null) {
                    days.add(new ArchiveBeforePurge.TenantDay(name, d.day()));
                }
            }
            return days;
        } catch (SQLException e) {
            throw new TidemarkException("Cannot list the days to archive before the purge: " + e.getMessage(), e);
        }
    }
}
