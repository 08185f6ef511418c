package io.tidemark.cli;

import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.core.maintenance.MaintenanceOptions;
import io.tidemark.core.maintenance.MaintenanceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tidemark analyze}: refreshes the planner's statistics; it blocks nobody, so it runs without --yes. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "ANALYZE tables or the whole database (reads a sample of each table; blocks no reads or writes).")
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--table", paramLabel = "T", description = "A table (repeat for more); default: every table.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "5", description = "Lock wait limit (default: ${DEFAULT-VALUE} s).")
    double lockTimeout;

    @Option(names = "--json", description = "Print the report and the result as JSON (docs/maintenance-json.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return MaintenanceRunner.run(command, connection, new MaintenanceRequest(MaintenanceKind.ANALYZE, tables,
                MaintenanceOptions.defaults().withLockTimeout(VacuumCommand.seconds(command, lockTimeout))), false, true, null, json);
    }
}
