package io.tidemark.cli;

import io.tidemark.core.TidemarkException;
import io.tidemark.core.TidemarkVersion;
import java.util.concurrent.Callable;
import io.tidemark.core.WindowRequest;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tidemark}: with no command, opens the desktop window; with one, runs it headless. */
@Command(name = "tidemark", mixinStandardHelpOptions = true, versionProvider = TidemarkCommand.Version.class,
        description = {"Storage, logs, archive, purge and VACUUM console for multi-tenant platforms.",
                "Without a command, opens the desktop window."},
        subcommands = {DemoCommand.class, CheckCommand.class, ScanCommand.class, ProfilesCommand.class,
                LogsCommand.class, SnapshotCommand.class, GrowthCommand.class,
                ArchiveCommand.class, PurgeCommand.class, CleanupTenantCommand.class,
                VacuumCommand.class, AnalyzeCommand.class, ReindexCommand.class,
                HistoryCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed, 2 usage error, 3 refused (nothing changed), 4 partly done."})
public final class TidemarkCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "Open the bundled demo platform (built in your data folder on first use).")
    boolean demo;

    @Mixin
    ConnectionOptions connection;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "ARCHIVE",
            description = "An archive file (.archive.sqlite, .archive.sqlite.gz, .archive) to open in the archive browser.")
    java.nio.file.Path archive;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Consumer<WindowRequest> desktop;

    /** @param desktop opens the desktop window; the command line itself knows nothing of it */
    public TidemarkCommand(Consumer<WindowRequest> desktop) {
        this.desktop = desktop;
    }

    @Override
    public Integer call() {
        if (archive != null && !archive.getFileName().toString().contains(".archive")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Unknown command or file: '" + archive
                    + "' (tidemark --help lists the commands; a file to open is an .archive.sqlite[.gz] or .archive archive)");
        }
        if (archive != null && !java.nio.file.Files.isRegularFile(archive)) {
            throw new TidemarkException("There is no archive file " + archive.toAbsolutePath() + ".");
        }
        desktop.accept(new WindowRequest(demo, connection.given() ? connection.spec() : null,
                archive == null ? null : archive.toAbsolutePath().normalize()));
        return ExitCode.OK;
    }

    /** A command line wired with Tidemark's exit codes and plain-sentence errors. */
    public static CommandLine commandLine(Consumer<WindowRequest> desktop) {
        CommandLine cli = new CommandLine(new TidemarkCommand(desktop));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof TidemarkException || e instanceof io.tidemark.core.Cancellation.CancelledException) {
                commandLine.getErr().println("tidemark: " + e.getMessage());
                commandLine.getErr().flush();
                return ExitCode.FAILED;
            }
            // A defect, not a user's mistake: one line for the user, the whole trace for the report.
            org.slf4j.LoggerFactory.getLogger(TidemarkCommand.class).debug("Unexpected failure", e);
            commandLine.getErr().println("tidemark: unexpected error: " + e + " (run with TIDEMARK_LOG_LEVEL=DEBUG for details)");
            commandLine.getErr().flush();
            return ExitCode.FAILED;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("tidemark: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            e.getCommandLine().getErr().flush();
            return ExitCode.USAGE;
        });
        return cli;
    }

    /** Prints the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Tidemark " + TidemarkVersion.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
