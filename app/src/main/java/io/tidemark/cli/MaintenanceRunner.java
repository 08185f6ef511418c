package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.maintenance.Maintenance;
import io.tidemark.actions.maintenance.MaintenanceJson;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.maintenance.LockHolder;
import io.tidemark.core.maintenance.MaintenanceRefused;
import io.tidemark.core.maintenance.MaintenanceRequest;
import io.tidemark.core.maintenance.MaintenanceResult;
import io.tidemark.core.maintenance.PreFlight;
import io.tidemark.core.maintenance.TableEstimate;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;

/** What vacuum, analyze and reindex share: the pre-flight report, the --yes / --confirm gate, the run and its output. */
final class MaintenanceRunner {

    private MaintenanceRunner() {
    }

    /**
     * Prints the pre-flight report and, when {@code yes}, runs the command.
     *
     * @param confirm the typed name (VACUUM FULL), or null
     * @return the exit code
     */
    static int run(CommandSpec command, ConnectionOptions connection, MaintenanceRequest request, boolean measure, boolean yes,
                   String confirm, boolean json) throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
            Maintenance maintenance = new Maintenance(session, HistoryStore.open(UserFolders.current()));
            PreFlight plan = maintenance.preFlight(request, measure);
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("preflight", MaintenanceJson.preFlight(plan));
            if (plan.refusal() != null || !yes) {
                if (json) {
                    tree.put("result", null);
                    tree.put("refused", plan.refusal() != null ? plan.refusal() : "not confirmed: add --yes" + confirmHint(plan));
                    out.println(ConfigMapper.json().writeValueAsString(tree));
                } else {
                    print(out, plan);
                    out.println();
                    out.println(plan.refusal() != null ? "Refused: " + plan.refusal()
                            : "Nothing was done. To run it, add --yes" + confirmHint(plan) + ".");
                }
                out.flush();
                return ExitCode.REFUSED;
            }
            if (!json) {
                print(out, plan);
                out.println();
                out.flush();
            }
            Cancellation cancellation = new Cancellation();
            CountDownLatch ended = new CountDownLatch(1);
            // Ctrl-C: ask the server to cancel the backend before the JVM goes, so the command does not run on unattended.
            Thread onInterrupt = new Thread(() -> {
                cancellation.cancel();
                try {
                    ended.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            MaintenanceResult result;
            try {
                result = maintenance.run(plan, confirm, new TerminalProgress(err, !json), cancellation);
            } catch (MaintenanceRefused e) {
                err.println("tidemark: " + e.getMessage());
                err.flush();
                if (json) {
                    tree.put("result", null);
                    tree.put("refused", e.getMessage());
                    out.println(ConfigMapper.json().writeValueAsString(tree));
                    out.flush();
                }
                return ExitCode.REFUSED;
            } finally {
                ended.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is going away: the hook runs and finds the work ended
                }
            }
            if (json) {
                tree.put("result", MaintenanceJson.result(result));
                out.println(ConfigMapper.json().writeValueAsString(tree));
            } else {
                out.println(Maintenance.summary(result));
                if (result.pagesBefore() != null) {
                    out.printf("Free-list pages %,d → %,d (page size %,d bytes); pages %,d → %,d%n", result.pagesBefore().freelistCount(),
                            result.pagesAfter().freelistCount(), result.pagesBefore().pageSize(), result.pagesBefore().pageCount(),
                            result.pagesAfter().pageCount());
                }
                if (plan.reclaimBytes() > 0) {
                    out.printf("Estimated %s ± %s (%s)%n", ByteSize.format(plan.reclaimBytes()), ByteSize.format(plan.errorBytes()),
                            plan.reclaimMethod());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private static String confirmHint(PreFlight plan) {
        return plan.confirmName() == null ? "" : " --confirm " + plan.confirmName();
    }

    /** The pre-flight report as an administrator reads it. */
    static void print(PrintWriter out, PreFlight plan) {
        out.printf("%s · %s%n", plan.request().describe(), plan.engine());
        plan.statements().forEach(s -> out.println("  " + s + ";"));
        out.printf("%n%-28s %10s %10s %10s %12s %12s %16s%n", "Table", "Total", "Table", "Indexes", "Live rows", "Dead rows", "Reclaim");
        for (TableEstimate t : plan.tables()) {
            out.printf("%-28s %10s %10s %10s %12s %12s %16s%n", t.table(), ByteSize.format(t.totalBytes()), ByteSize.format(t.tableBytes()),
                    ByteSize.format(t.indexBytes()), t.liveRows() < 0 ? "-" : ByteSize.count(t.liveRows()),
                    t.deadRows() < 0 ? "-" : ByteSize.count(t.deadRows()),
                    t.reclaimBytes() < 0 ? "?" : ByteSize.format(t.reclaimBytes()) + (t.errorBytes() > 0 ? " ± " + ByteSize.format(t.errorBytes()) : ""));
        }
        out.println();
        if (plan.reclaimBytes() > 0 || plan.request().kind().needsTypedName()) {
            out.printf("Reclaim    %s ± %s, %s%n", ByteSize.format(plan.reclaimBytes()), ByteSize.format(plan.errorBytes()), plan.reclaimMethod());
        }
        if (plan.diskNeededBytes() >= 0) {
            out.printf("Disk       needs %s free; %s%n", ByteSize.format(plan.diskNeededBytes()),
                    plan.diskFreeBytes() >= 0 ? ByteSize.format(plan.diskFreeBytes()) + " " + plan.diskNote() : plan.diskNote());
        }
        out.printf("Duration   %s%s%n", plan.expectedSeconds() >= 0 ? "about " + plan.expectedSeconds() + " s, from " : "", plan.durationNote());
        out.printf("Lock wait  at most %.1f s (lock_timeout)%n", plan.request().options().lockTimeout().toMillis() / 1000.0);
        if (plan.locks().isEmpty()) {
            out.println("Locks      no other session holds a lock on " + (plan.tables().size() == 1 ? "the table" : "these tables") + " now");
        } else {
            out.println("Locks      held or awaited now:");
            for (LockHolder l : plan.locks()) {
                out.println("  " + l.describe() + (l.query() == null ? "" : ": " + l.query().replaceAll("\\s+", " ")));
            }
        }
        plan.warnings().forEach(w -> out.println("warning: " + w));
        if (plan.confirmName() != null) {
            out.println("Confirm    type the name: --confirm " + plan.confirmName());
        }
    }
}
