package io.tidemark.cli;

import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.core.maintenance.MaintenanceOptions;
import io.tidemark.core.maintenance.MaintenanceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tidemark vacuum}: VACUUM or VACUUM FULL behind a pre-flight report and a confirmation. */
@Command(name = "vacuum", mixinStandardHelpOptions = true,
        description = {"VACUUM (or VACUUM FULL) tables or the whole database. Without --yes it prints the pre-flight report "
                + "(reclaim, free disk needed, expected duration, sessions holding locks, what it blocks) and exits 3.",
                "VACUUM FULL also needs --confirm with the table's name (one table) or the database's name.",
                "On SQLite: VACUUM of the file, or PRAGMA incremental_vacuum when auto_vacuum is INCREMENTAL."})
final class VacuumCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--full", description = "VACUUM FULL: rewrite each table to give its free space back to the disk (locks it for the whole run).")
    boolean full;

    @Option(names = "--analyze", description = "Refresh the planner's statistics as well.")
    boolean analyze;

    @Option(names = "--freeze", description = "Freeze every row now (VACUUM FREEZE).")
    boolean freeze;

    @Option(names = "--skip-locked", description = "Skip a table whose lock is taken (PostgreSQL 12+).")
    boolean skipLocked;

    @Option(names = "--index-cleanup", paramLabel = "AUTO|ON|OFF", description = "INDEX_CLEANUP (PostgreSQL 12+; AUTO 14+).")
    String indexCleanup;

    @Option(names = "--truncate", negatable = true, description = "Give empty end pages back to the disk (PostgreSQL 12+; server default: on).")
    Boolean truncate;

    @Option(names = "--parallel", paramLabel = "N", description = "Index vacuum workers (PostgreSQL 13+, not with --full).")
    Integer parallel;

    @Option(names = "--buffer-usage-limit", paramLabel = "SIZE", description = "Shared buffers the vacuum may use, e.g. 256MB (PostgreSQL 16+).")
    String bufferUsageLimit;

    @Option(names = "--table", paramLabel = "T", description = "A table (repeat for more); default: every table of the database.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Give up when a table's lock is not free within this time (default: ${DEFAULT-VALUE} s).")
    double lockTimeout;

    @Option(names = "--measure", description = "Measure the reclaim with pgstattuple_approx, installing the pgstattuple "
            + "extension first when this role may (superuser); without it, figures are estimated from statistics unless it is installed.")
    boolean measure;

    @Option(names = "--yes", description = "Run it (without: print the pre-flight report only).")
    boolean yes;

    @Option(names = "--confirm", paramLabel = "NAME", description = "For --full: the table's (or database's) name, typed.")
    String confirm;

    @Option(names = "--json", description = "Print the report and the result as JSON (docs/maintenance-json.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        MaintenanceOptions options;
        try {
            options = new MaintenanceOptions(analyze, freeze, skipLocked, indexCleanup, truncate, parallel, null, bufferUsageLimit, false,
                    seconds(command, lockTimeout));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        return MaintenanceRunner.run(command, connection, new MaintenanceRequest(full ? MaintenanceKind.VACUUM_FULL : MaintenanceKind.VACUUM,
                tables, options), measure, yes, confirm, json);
    }

    static Duration seconds(CommandSpec command, double value) {
        if (!(value > 0)) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), "--lock-timeout must be more than 0 seconds");
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
