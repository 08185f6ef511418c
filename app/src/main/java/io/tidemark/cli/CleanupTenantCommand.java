package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.purge.CleanupTenant;
import io.tidemark.actions.purge.RunPurge;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.config.purge.PlanJson;
import io.tidemark.config.purge.PurgeJournalFile;
import io.tidemark.core.Cancellation;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tidemark cleanup-tenant NAME --confirm NAME}: deletes everything of one tenant. */
@Command(name = "cleanup-tenant", mixinStandardHelpOptions = true,
        description = {"Deletes everything of one tenant: its rows in every table (in batches, children first), its settings and "
                + "tenant row, its folders inside DATA_DIR, its Redis cache keys (with --redis-url), and records it in the platform's "
                + "cleanup history.", "Prints the plan; deletes only when --confirm repeats the tenant's name."},
        footer = {"", "Exit codes: 0 done, 1 failed, 3 refused (name not confirmed), 4 partly done."})
final class CleanupTenantCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "NAME", description = "The tenant.")
    String tenant;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The tenant's name again, to confirm.")
    String confirm;

    @Option(names = "--redis-url", paramLabel = "URL", description = "The platform's Redis (redis://host:6379/0), to delete the tenant's cache keys.")
    String redisUrl;

    @Option(names = "--json", description = "Print the plan and the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        UserFolders folders = UserFolders.current();
        try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
            PurgePlan plan = CleanupTenant.plan(session, tenant, new TerminalProgress(err, !json));
            if (!json) {
                PurgeCommand.print(out, session, plan);
            }
            if (!tenant.equals(confirm)) {
                if (json) {
                    out.println(ConfigMapper.json().writeValueAsString(Map.of("plan", PlanJson.tree(plan), "deleted", false)));
                    out.flush();
                }
                err.println("tidemark: nothing deleted: to delete every row and file of '" + tenant + "', add --confirm " + tenant + ".");
                return ExitCode.REFUSED;
            }
            CleanupTenant.Result result;
            try {
                result = CleanupTenant.run(session, plan, RunPurge.Options.of(PurgeJournalFile.of(folders), HistoryStore.open(folders)),
                        redisUrl, new TerminalProgress(err, !json), new Cancellation());
            } catch (RunPurge.Refused e) {
                err.println("tidemark: refused: " + e.getMessage());
                return ExitCode.REFUSED;
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("plan", PlanJson.tree(plan));
                doc.put("deleted", true);
                doc.put("result", PlanJson.tree(result.purge()));
                doc.put("folders_removed", result.folders().stream().map(Object::toString).toList());
                doc.put("cache_keys_deleted", result.cacheKeys());
                doc.put("problems", result.problems());
                out.println(ConfigMapper.json().writeValueAsString(doc));
            } else {
                PurgeCommand.printResult(out, result.purge());
                result.folders().forEach(f -> out.println("  folder removed: " + f));
                if (result.cacheKeys() >= 0) {
                    out.printf("  %,d cache keys deleted%n", result.cacheKeys());
                }
            }
            out.flush();
            result.problems().forEach(p -> err.println("tidemark: " + p));
            if (result.purge().outcome() == PurgeResult.Outcome.DONE && result.problems().isEmpty()) {
                return ExitCode.OK;
            }
            return result.purge().rows() > 0 || result.purge().outcome() == PurgeResult.Outcome.DONE ? ExitCode.PARTIAL : ExitCode.FAILED;
        }
    }
}
