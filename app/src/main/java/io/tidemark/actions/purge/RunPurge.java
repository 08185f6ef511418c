package io.tidemark.actions.purge;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.config.purge.PlanJson;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.history.Outcome;
import io.tidemark.core.purge.FileDelete;
import io.tidemark.core.purge.PurgeJournal;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeProgress;
import io.tidemark.core.purge.PurgeResult;
import io.tidemark.core.purge.PurgeState;
import io.tidemark.core.purge.TableStep;
import io.tidemark.db.purge.BatchDeleter;
import io.tidemark.files.purge.SafeFiles;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Executes a purge plan: archive first when the plan asks (nothing of a table/tenant whose archive failed is
 * deleted), each step in bounded batches with its progress journaled after every commit, then the files, then
 * VACUUM (ANALYZE) on PostgreSQL; recorded in the history before and after. Running the same plan again resumes it.
 */
public final class RunPurge {

    /**
     * How to run.
     *
     * @param gate      the archive run before deleting (when the plan says archive first)
     * @param journal   where progress is saved after every batch
     * @param history   the audit history, or null (tests of the engine alone)
     * @param settings  batch sizing and timeouts
     * @param listener  hears every committed batch (progress bars; tests interrupt here)
     * @param configuration the merged configuration handed to archive plugins
     */
    public record Options(ArchiveGate gate, PurgeJournal journal, HistoryStore history, BatchDeleter.Settings settings,
                          Consumer<PurgeProgress> listener, Map<String, Object> configuration) {

        /** Defaults: the given journal and history, no archive, standard batches. */
        public static Options of(PurgeJournal journal, HistoryStore history) {
            return new Options(ArchiveGate.NONE, journal, history, BatchDeleter.Settings.DEFAULT, p -> { }, Map.of());
        }

        public Options withGate(ArchiveGate g, Map<String, Object> config) {
            return new Options(g, journal, history, settings, listener, config);
        }

        public Options withListener(Consumer<PurgeProgress> l) {
            return new Options(gate, journal, history, settings, l, configuration);
        }

        public Options withSettings(BatchDeleter.Settings s) {
            return new Options(gate, journal, history, s, listener, configuration);
        }
    }

    private RunPurge() {
    }

    /**
     * Runs {@code plan} on {@code session}'s platform.
     *
     * @throws TidemarkException when the plan belongs to another platform or the role may not delete (nothing is deleted)
     */
    public static PurgeResult run(PlatformSession session, PurgePlan plan, Options options, Progress progress, Cancellation cancellation) {
        if (!plan.platformKey().equals(session.key())) {
            throw new Refused("This plan was made for " + plan.platformKey() + ", not for " + session.key() + ": make a new plan here.");
        }
        if (session.info().readOnly()) {
            throw new Refused("Nothing was purged: " + session.info().readOnlyReason());
        }
        long historyId = -1;
        if (options.history() != null) {
            historyId = options.history().begin(session.historyStart(plan.tenantCleanup() == null ? "purge" : "tenant-cleanup",
                    subject(plan), PlanJson.write(plan)));
        }
        long started = System.nanoTime();
        Map<String, Long> rowsByTable = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        long[] files = {0, 0};
        long[] maxBatch = {0};
        List<String> vacuumed = new ArrayList<>();
        PurgeResult.Outcome outcome = PurgeResult.Outcome.DONE;
        String failure = null;
        try {
            options.journal().start(plan);
            PurgeState state = options.journal().load(plan.id()).orElse(new PurgeState(plan.id(), null));
            PurgePlan allowed = plan.archiveFirst() ? gated(plan, options, cancellation, problems) : plan;
            BatchDeleter deleter = new BatchDeleter(session.database(), options.settings());
            long planned = allowed.rows();
            long[] doneRows = {state.steps().values().stream().mapToLong(PurgeState.StepState::rows).sum()};
            PurgeState[] current = {state};
            for (TableStep step : allowed.steps()) {
                cancellation.checkpoint();
                long before = current[0].step(step.id()).rows();
                PurgeState.StepState end = deleter.run(step, current[0].step(step.id()), cancellation, batch -> {
                    current[0] = current[0].with(step.id(), batch.state());
                    options.journal().save(current[0]);
                    batch.byTable().forEach((t, n) -> rowsByTable.merge(t, n, Long::sum));
                    doneRows[0] += batch.rows();
                    maxBatch[0] = Math.max(maxBatch[0], batch.longestNanos() / 1_000_000);
                    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                    double rate = doneRows[0] / seconds;
                    Duration eta = rate <= 0 ? null : Duration.ofSeconds((long) (Math.max(0, planned - doneRows[0]) / rate));
                    PurgeProgress p = new PurgeProgress(step.id(), step.table(), doneRows[0], planned, rate, eta,
                            batch.nanos() / 1_000_000, batch.state());
                    progress.report(p.fraction(), p.message());
                    options.listener().accept(p);
                });
                if (end.done()) {
                    dropped.addAll(step.partitions());
                }
                current[0] = current[0].with(step.id(), end);
                options.journal().save(current[0]);
                if (end.rows() > before) {
                    rowsByTable.putIfAbsent(step.table(), 0L);
                }
            }
            for (FileDelete f : allowed.files()) {
                cancellation.checkpoint();
                try {
                    if (SafeFiles.deleteFile(f.root(), f.path())) {
                        files[0]++;
                        files[1] += f.bytes();
                    }
                } catch (SafeFiles.OutsideRootException e) {
                    problems.add("Not deleted: " + e.getMessage());
                } catch (IOException e) {
                    problems.add("Could not delete " + f.path() + ": " + e.getMessage());
                }
            }
            if (allowed.vacuum() && session.info().kind() == DatabaseKind.POSTGRESQL) {
                List<String> touched = rowsByTable.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
                progress.report(-1, "VACUUM (ANALYZE) of " + String.join(", ", touched));
                vacuumed.addAll(deleter.vacuum(touched));
            }
            options.journal().finish(plan.id());
            if (!problems.isEmpty()) {
                outcome = PurgeResult.Outcome.PARTIAL;
            }
        } catch (Cancellation.CancelledException e) {
            outcome = PurgeResult.Outcome.CANCELLED;
            failure = "Cancelled after the current batch; run the same plan again to resume.";
        } catch (TidemarkException e) {
            outcome = PurgeResult.Outcome.FAILED;
            failure = e.getMessage() + " What was deleted stays deleted and consistent; run the same plan again to resume.";
        } catch (RuntimeException e) {
            outcome = PurgeResult.Outcome.FAILED;
            failure = "The purge stopped: " + e.getMessage() + ". Run the same plan again to resume.";
        }
        if (failure != null) {
            problems.add(0, failure);
        }
        PurgeResult result = new PurgeResult(outcome, rowsByTable, files[0], files[1], dropped,
                Duration.ofNanos(System.nanoTime() - started), maxBatch[0], vacuumed, problems);
        if (historyId >= 0) {
            options.history().finish(historyId, historyOutcome(outcome), PlanJson.text(PlanJson.tree(result)),
                    problems.isEmpty() ? null : String.join(" ", problems));
        }
        return result;
    }

    private static PurgePlan gated(PurgePlan plan, Options options, Cancellation cancellation, List<String> problems) {
        ArchiveGate.GateResult gate;
        try {
            gate = options.gate().archiveBefore(plan, options.configuration(), cancellation);
        } catch (Cancellation.CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            gate = new ArchiveGate.GateResult(List.of(new ArchiveGate.Failure(null, null,
                    "The archive failed (" + e.getMessage() + "): nothing is deleted.")));
        }
        if (gate.failures().isEmpty()) {
            return plan;
        }
        List<TableStep> steps = new ArrayList<>();
        Map<String, Long> tenantIds = new LinkedHashMap<>();
        for (TableStep s : plan.steps()) {
            if (s.tenantIds().size() == 1) {
                tenantIds.put(s.scope(), s.tenantIds().get(0));
            }
        }
        for (ArchiveGate.Failure f : gate.failures()) {
            problems.add(f.message());
        }
        for (TableStep s : plan.steps()) {
            TableStep kept = s;
            for (ArchiveGate.Failure f : gate.failures()) {
                if (kept == null) {
                    break;
                }
                boolean table = f.table() == null || f.table().equalsIgnoreCase(s.table()) || family(s).contains(f.table().toLowerCase());
                if (!table) {
                    continue;
                }
                if (f.tenant() == null || s.tenantColumn() == null || s.scope().equals(f.tenant())) {
                    kept = null;
                } else if (s.tenantIds().isEmpty()) {
                    Long id = tenantIds.get(f.tenant());
                    kept = id == null ? null : kept.excluding(List.of(id)); // unknown id: keep everything of the step
                }
            }
            if (kept != null) {
                steps.add(kept);
            }
        }
        Set<String> blockedTenants = gate.failures().stream().map(ArchiveGate.Failure::tenant).collect(Collectors.toSet());
        List<FileDelete> files = blockedTenants.contains(null) ? List.of()
                : plan.files().stream().filter(f -> !blockedTenants.contains(f.tenant())).toList();
        return plan.withSteps(steps, files);
    }

    private static Set<String> family(TableStep s) {
        Set<String> names = new java.util.HashSet<>();
        collect(s.dependents(), names);
        return names;
    }

    private static void collect(List<io.tidemark.core.purge.Dependent> ds, Set<String> into) {
        for (io.tidemark.core.purge.Dependent d : ds) {
            into.add(d.table().toLowerCase());
            collect(d.dependents(), into);
        }
    }

    private static String subject(PurgePlan plan) {
        if (plan.tenantCleanup() != null) {
            return "tenant " + plan.tenantCleanup();
        }
        return String.join(", ", plan.tables()) + (plan.files().isEmpty() ? "" : " + " + plan.files().size() + " files");
    }

    private static Outcome historyOutcome(PurgeResult.Outcome o) {
        return switch (o) {
            case DONE -> Outcome.DONE;
            case PARTIAL -> Outcome.PARTIAL;
            case CANCELLED -> Outcome.CANCELLED;
            case FAILED -> Outcome.FAILED;
            case REFUSED -> Outcome.REFUSED;
        };
    }

    /** A purge refused before anything was deleted (another platform's plan, a read-only role). */
    public static final class Refused extends TidemarkException {
        public Refused(String message) {
            super(message);
        }
    }
}
