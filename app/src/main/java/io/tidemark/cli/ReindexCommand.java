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

/** {@code tidemark reindex}: rebuilds indexes behind the pre-flight report and --yes. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"REINDEX tables or the whole database. Without --yes it prints the pre-flight report and exits 3.",
                "Plain REINDEX blocks writes while each index is rebuilt; --concurrently (PostgreSQL 12+) does not."})
final class ReindexCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--table", paramLabel = "T", description = "A table (repeat for more); default: the whole database.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--concurrently", description = "REINDEX CONCURRENTLY: writes continue (PostgreSQL 12+).")
    boolean concurrently;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "5", description = "Lock wait limit (default: ${DEFAULT-VALUE} s).")
    double lockTimeout;

    @Option(names = "--yes", description = "Run it (without: print the pre-flight report only).")
    boolean yes;

    @Option(names = "--json", description = "Print the report and the result as JSON (docs/maintenance-json.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return MaintenanceRunner.run(command, connection, new MaintenanceRequest(MaintenanceKind.REINDEX, tables,
                MaintenanceOptions.defaults().withConcurrently(concurrently).withLockTimeout(VacuumCommand.seconds(command, lockTimeout))),
                false, yes, null, json);
    }
}
