package io.tidemark.actions.maintenance;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.DiskSpace;
import io.tidemark.core.Progress;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.HistoryQuery;
import io.tidemark.core.history.HistoryStart;
import io.tidemark.core.history.Outcome;
import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.core.maintenance.MaintenanceTable;
import io.tidemark.core.maintenance.TableEstimate;
import io.tidemark.core.maintenance.MaintenanceRefused;
import io.tidemark.core.maintenance.MaintenanceRequest;
import io.tidemark.core.maintenance.MaintenanceResult;
import io.tidemark.core.maintenance.PreFlight;
import io.tidemark.core.maintenance.RewriteRate;
import io.tidemark.core.profile.TableSpec;
import io.tidemark.core.storage.TableStats;
import io.tidemark.db.StorageStatistics;
import io.tidemark.db.maintenance.PostgresMaintenance;
import io.tidemark.db.maintenance.SqliteMaintenance;
import io.tidemark.files.Disks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The maintenance use cases the CLI and the window share: the tables with their dead rows and bloat, the pre-flight report
 * of a command, and running it after its confirmation, recorded in the history from start to end.
 */
public final class Maintenance {

    /** How often a running command's progress is read from the server. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);

    private final PlatformSession session;
    private final HistoryStore history;
    private final Duration poll;

    public Maintenance(PlatformSession session, HistoryStore history) {
        this(session, history, DEFAULT_POLL);
    }

    public Maintenance(PlatformSession session, HistoryStore history, Duration poll) {
        this.session = session;
        this.history = history;
        this.poll = poll;
    }

    /**
     * Every user table with its size, dead rows and last (auto)vacuum, largest first, and what a rewrite would return:
     * on PostgreSQL the VACUUM FULL estimate from statistics (the pre-flight measures when it can); on SQLite the unused
     * bytes inside the table's pages (dbstat), which VACUUM repacks.
     */
    public List<MaintenanceTable> tables(Cancellation cancellation) {
        var profileTables = session.profile().tables().stream().map(TableSpec::name).map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<TableStats> stats = new StorageStatistics(session.database()).read(profileTables, false, cancellation).tables();
        if (session.database().kind() != DatabaseKind.POSTGRESQL) {
            return stats.stream().map(t -> new MaintenanceTable(t, t.bloatBytes(), 0, t.bloatSource().label())).toList();
        }
        cancellation.checkpoint();
        Map<String, TableEstimate> estimates = new HashMap<>();
        new PostgresMaintenance(session.database(), poll).estimates().forEach(e -> estimates.put(e.table(), e));
        return stats.stream().map(t -> {
            TableEstimate e = estimates.get(t.table());
            return e == null ? new MaintenanceTable(t, -1, 0, "partitioned: VACUUM FULL works per partition")
                    : new MaintenanceTable(t, e.reclaimBytes(), e.errorBytes(), e.method());
        }).toList();
    }

    /** This server's VACUUM FULL rate, learnt from the earlier runs the history holds for this platform. */
    public RewriteRate rewriteRate() {
        List<RewriteRate.PastRewrite> past = new ArrayList<>();
        for (HistoryEntry e : history.list(new HistoryQuery(session.key(), MaintenanceKind.VACUUM_FULL.historyKind(), null, 50))) {
            long[] figures = e.outcome() == Outcome.DONE ? MaintenanceJson.rewrite(e.resultJson()) : null;
            if (figures != null) {
                past.add(new RewriteRate.PastRewrite(figures[0], figures[1]));
            }
        }
        return RewriteRate.of(past);
    }

    /**
     * What the command will cost. Changes nothing, except that on PostgreSQL, for VACUUM FULL with
     * {@code installPgstattuple}, a superuser role installs pgstattuple to measure the reclaim (the report says so).
     */
    public PreFlight preFlight(MaintenanceRequest request, boolean installPgstattuple) {
        PreFlight plan;
        if (session.database().kind() == DatabaseKind.POSTGRESQL) {
            PostgresMaintenance pg = new PostgresMaintenance(session.database(), poll);
            plan = pg.preFlight(request, rewriteRate(), installPgstattuple);
            Optional<Path> folder = pg.tablespaceFolder(request).filter(Files::isDirectory);
            if (folder.isPresent() && isLocal()) {
                DiskSpace disk = Disks.spaceOf(folder.get());
                plan = plan.withDisk(disk.freeBytes(), "free on " + disk.filesystem() + " under " + folder.get()
                        + " (the server runs on this machine); WAL for the new copy comes on top unless wal_level is minimal");
            } else {
                plan = plan.withDisk(-1, "the server's disk cannot be seen from here (a remote server, or data_directory not "
                        + "readable by this role): check the free space of its tablespace yourself; WAL for the new copy comes on top");
            }
        } else {
            SqliteMaintenance sqlite = new SqliteMaintenance(session.database());
            plan = sqlite.preFlight(request);
            DiskSpace disk = Disks.spaceOf(sqlite.file().toAbsolutePath().getParent());
            plan = plan.withDisk(disk.freeBytes(), "free on " + disk.filesystem() + " beside " + sqlite.file().getFileName()
                    + " (the copy needs the file's size plus " + Math.round(SqliteMaintenance.DISK_MARGIN * 100) + "%)");
        }
        if (session.info().readOnly() && plan.refusal() == null) {
            plan = plan.refused("This connection is read-only: " + session.info().readOnlyReason());
        }
        return plan;
    }

    /** Whether the PostgreSQL server is on this machine (a local host name), so its folders here are its folders. */
    private boolean isLocal() {
        String url = session.database().target().location();
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        String host = rest.split("[/:?]", 2)[0].toLowerCase(Locale.ROOT);
        return host.isEmpty() || host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    /**
     * Runs the command the pre-flight describes, after checking its confirmation: for VACUUM FULL, {@code typedName} must
     * be the table's (or database's) name. Refusals, failures, cancels and results all go to the history.
     *
     * @throws MaintenanceRefused when the confirmation is missing or wrong, the role is read-only or the disk too small
     */
    public MaintenanceResult run(PreFlight plan, String typedName, Progress progress, Cancellation cancellation) {
        String refusal = plan.refusal();
        if (refusal == null && plan.confirmName() != null && !plan.confirmName().equals(typedName)) {
            refusal = typedName == null || typedName.isBlank()
                    ? plan.request().kind().verb() + " needs the name " + plan.confirmName() + " typed to confirm; nothing was changed."
                    : "The name typed (" + typedName + ") is not " + plan.confirmName() + "; nothing was changed.";
        }
        if (refusal == null && plan.notEnoughDisk()) {
            refusal = "Not enough free disk: " + plan.request().kind().verb() + " needs " + ByteSize.format(plan.diskNeededBytes()) + " and "
                    + ByteSize.format(plan.diskFreeBytes()) + " is free; nothing was changed.";
        }
        String planJson = MaintenanceJson.text(MaintenanceJson.preFlight(plan));
        long id = history.begin(new HistoryStart(plan.request().kind().historyKind(), session.key(),
                session.spec().name() + " · " + session.info().engineLabel(), session.info().role(), subject(plan.request()), planJson));
        if (refusal != null) {
            history.finish(id, Outcome.REFUSED, null, refusal);
            throw new MaintenanceRefused(refusal);
        }
        try {
            MaintenanceResult result = session.database().kind() == DatabaseKind.POSTGRESQL
                    ? new PostgresMaintenance(session.database(), poll).run(plan, progress, cancellation)
                    : new SqliteMaintenance(session.database()).run(plan, progress, cancellation);
            history.finish(id, Outcome.DONE, MaintenanceJson.text(MaintenanceJson.result(result)), summary(result));
            return result;
        } catch (Cancellation.CancelledException e) {
            history.finish(id, Outcome.CANCELLED, null, "Cancelled: the statement in flight was rolled back by the server.");
            throw e;
        } catch (RuntimeException e) {
            history.finish(id, Outcome.FAILED, null, e.getMessage());
            throw e;
        }
    }

    /** "VACUUM FULL returned 812 MB (1.2 GB → 410 MB) in 42 s". */
    public static String summary(MaintenanceResult r) {
        return String.format(Locale.ROOT, "%s %s %s (%s → %s) in %.1f s", r.request().kind().verb(),
                r.bytesReturned() >= 0 ? "returned" : "grew by", ByteSize.format(Math.abs(r.bytesReturned())),
                ByteSize.format(r.sizeBefore()), ByteSize.format(r.sizeAfter()), r.took().toMillis() / 1000.0);
    }

    private String subject(MaintenanceRequest request) {
        return request.wholeDatabase() ? "database " + session.info().name() : String.join(", ", request.tables());
    }
}
