package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.maintenance.Maintenance;
import io.tidemark.actions.maintenance.MaintenanceJson;
import io.tidemark.actions.maintenance.PreFlightText;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.maintenance.MaintenanceRefused;
import io.tidemark.core.maintenance.MaintenanceRequest;
import io.tidemark.core.maintenance.MaintenanceResult;
import io.tidemark.core.maintenance.PreFlight;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
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
                    out.println(plan.refusal() != null ? "Nothing was done." : "Nothing was done. To run it, add --yes" + confirmHint(plan) + ".");
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
            // Ctrl-C: ask the server to cancel the backend before the JVM goes, so the command does not run on unattended.
            MaintenanceResult result;
            try (CtrlC ignored = CtrlC.cancels(cancellation)) {
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

    /** The pre-flight report, and the name to type when one is needed. */
    static void print(PrintWriter out, PreFlight plan) {
        out.print(PreFlightText.format(plan));
        if (plan.confirmName() != null) {
            out.println("Confirm    type the name: --confirm " + plan.confirmName());
        }
    }
}
