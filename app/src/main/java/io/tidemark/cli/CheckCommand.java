package io.tidemark.cli;

import io.tidemark.actions.OverviewFigures;
import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.ReadOverview;
import io.tidemark.config.ConfigMapper;
import io.tidemark.core.ByteSize;
import io.tidemark.core.storage.TableStats;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tidemark check}: connects to a platform and prints what Tidemark sees, to test a connection from a shell or cron. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Connects to a platform and prints its database, rights, tables, tenants and DATA_DIR disk.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
            OverviewFigures figures = ReadOverview.read(session);
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                out.println(ConfigMapper.json().writeValueAsString(asJson(session, figures)));
            } else {
                print(out, session, figures);
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, PlatformSession session, OverviewFigures f) {
        out.printf("Platform   %s (profile %s)%n", session.profile().title(), session.profile().name());
        out.printf("Database   %s · %s · %s as %s%n", f.database().engineLabel(), f.database().name(),
                ByteSize.format(f.databaseBytes()), f.database().role());
        out.printf("Rights     %s%n", f.database().readOnly() ? "read-only: " + f.database().readOnlyReason() : "read-write");
        if (session.profile().hasTenants()) {
            out.printf("Tenants    %d (%d active)%n", f.tenants(), f.activeTenants());
        }
        if (f.dataDir() != null) {
            out.printf("DATA_DIR   %s · %s free of %s%n", f.dataDir().folder(), ByteSize.format(f.dataDir().freeBytes()),
                    ByteSize.format(f.dataDir().totalBytes()));
        }
        out.println();
        out.printf("%-28s %16s %12s%n", "Table", "Rows", "Size");
        for (TableStats t : f.tables()) {
            String rows = t.rows() < 0 ? "not analyzed" : (t.rowsExact() ? "" : "≈") + ByteSize.count(t.rows());
            out.printf("%-28s %16s %12s%n", t.table(), rows, ByteSize.format(t.totalBytes()));
        }
    }

    private static Map<String, Object> asJson(PlatformSession session, OverviewFigures f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", session.profile().name());
        json.put("engine", f.database().kind().displayName());
        json.put("version", f.database().version());
        json.put("database", f.database().name());
        json.put("role", f.database().role());
        json.put("read_only", f.database().readOnly());
        json.put("read_only_reason", f.database().readOnlyReason());
        json.put("database_bytes", f.databaseBytes());
        json.put("tenants", f.tenants());
        json.put("active_tenants", f.activeTenants());
        if (f.dataDir() != null) {
            Map<String, Object> disk = new LinkedHashMap<>();
            disk.put("path", f.dataDir().folder());
            disk.put("total_bytes", f.dataDir().totalBytes());
            disk.put("free_bytes", f.dataDir().freeBytes());
            json.put("data_dir", disk);
        }
        List<Map<String, Object>> tables = f.tables().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", t.table());
            row.put("rows", t.rows());
            row.put("rows_exact", t.rowsExact());
            row.put("total_bytes", t.totalBytes());
            return row;
        }).toList();
        json.put("tables", tables);
        return json;
    }
}
