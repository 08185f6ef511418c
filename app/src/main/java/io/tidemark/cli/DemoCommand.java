package io.tidemark.cli;

import io.tidemark.actions.DemoPlatform;
import io.tidemark.config.ConfigMapper;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.demo.DemoReport;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tidemark demo}: builds a realistic demo platform to try Tidemark on or to benchmark it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Builds a complete demo platform: the monitoring platform's schema with realistic traffic "
                + "(SQLite in DIR/platform.sqlite3, or the PostgreSQL database of --db), service logs, job and run logs, "
                + "and archives in DIR.",
                "The same --seed, sizes and --last-day give the same platform."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The demo's DATA_DIR (new or empty, or an earlier demo with --replace).")
    Path out;

    @Option(names = "--tenants", paramLabel = "N", description = "Number of tenants (default: 8 small, 40 large).")
    Integer tenants;

    @Option(names = "--days", paramLabel = "D", description = "Days of history (default: 90 small, 365 large).")
    Integer days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", paramLabel = "small|large", defaultValue = "small",
            description = "small builds in seconds; large has 5 million message logs and 300,000 files (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Build the database in this PostgreSQL database instead of SQLite.")
    String database;

    @Option(names = "--last-day", paramLabel = "YYYY-MM-DD", description = "The newest day with data (default: yesterday, UTC).")
    LocalDate lastDay;

    @Option(names = "--replace", description = "Replace an earlier demo in DIR (and its tables in --db).")
    boolean replace;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DemoScale demoScale = switch (scale.toLowerCase(java.util.Locale.ROOT)) {
            case "small" -> DemoScale.SMALL;
            case "large" -> DemoScale.LARGE;
            default -> throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "--scale must be small or large, not '" + scale + "'");
        };
        DemoSpec spec = new DemoSpec(out, tenants != null ? tenants : demoScale.defaultTenants(),
                days != null ? days : demoScale.defaultDays(), seed, demoScale, database,
                lastDay != null ? lastDay : DemoSpec.yesterday(), replace);
        PrintWriter err = command.commandLine().getErr();
        DemoReport report = DemoPlatform.build(spec, new TerminalProgress(err, !json), new Cancellation());
        PrintWriter outWriter = command.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("data_dir", report.dataDir().toString());
            result.put("database", report.database());
            result.put("rows", new TreeMap<>(report.rowsPerTable()));
            result.put("total_rows", report.totalRows());
            result.put("files", report.files());
            result.put("file_bytes", report.fileBytes());
            result.put("seconds", report.took().toMillis() / 1000.0);
            outWriter.println(ConfigMapper.json().writeValueAsString(result));
        } else {
            outWriter.printf("Demo platform built in %.1f s%n", report.took().toMillis() / 1000.0);
            outWriter.printf("  DATA_DIR  %s%n", report.dataDir());
            outWriter.printf("  database  %s%n", report.database());
            new TreeMap<>(report.rowsPerTable()).forEach((table, rows) ->
                    outWriter.printf("  %-26s %,14d rows%n", table, rows));
            outWriter.printf("  files     %,d (%s)%n", report.files(), ByteSize.format(report.fileBytes()));
            outWriter.printf("Open it: java -jar tidemark.jar --db %s --data-dir %s%n", report.database(), report.dataDir());
        }
        outWriter.flush();
        return ExitCode.OK;
    }
}
