package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.growth.GrowthForecasts;
import io.tidemark.actions.growth.GrowthReport;
import io.tidemark.actions.growth.ReadGrowth;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.growth.Dimension;
import io.tidemark.core.growth.Forecast;
import io.tidemark.core.growth.GrowthPoint;
import io.tidemark.core.growth.GrowthSeries;
import io.tidemark.core.growth.RetentionWhatIf;
import io.tidemark.core.growth.StorageSnapshot;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tidemark growth}: daily storage history, forecasts and the retention what-if. */
@Command(name = "growth", mixinStandardHelpOptions = true,
        description = {"How each table, tenant or category grew, day by day: from the snapshots `tidemark snapshot` recorded "
                + "and, before the first one, rebuilt from the data itself (row timestamps, dates in archive and job log names, "
                + "run log modification times; marked as rebuilt).",
                "--forecast says when the disk under DATA_DIR, each limit of quotas.yml or a chosen size is reached at the "
                + "current pace; --what-if-days-to-keep N gives each table's and tenant's steady-state size under that retention."})
final class GrowthCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb|k|m|g|t)?\\s*");

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--by", paramLabel = "table|tenant|category", description = "Which series to list (default: category).")
    String by = "category";

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only days from this one on.")
    String since;

    @Option(names = "--forecast", description = "When the disk, each quota, or --until SIZE is reached at the current pace.")
    boolean forecast;

    @Option(names = "--window", paramLabel = "DAYS", description = "The recent days a forecast fits (default: ${DEFAULT-VALUE}).")
    int window = GrowthForecasts.DEFAULT_WINDOW_DAYS;

    @Option(names = "--until", paramLabel = "SIZE", description = "With --forecast: also when the total reaches SIZE (e.g. 2TB).")
    String until;

    @Option(names = "--what-if-days-to-keep", paramLabel = "N", description = "Steady-state size of each table and tenant "
            + "if rows were kept N days.")
    Integer whatIfDays;

    @Option(names = "--log-retention-days", paramLabel = "M", description = "With --what-if-days-to-keep: days of job and run "
            + "logs kept (default: the profile's log retention).")
    Integer logRetentionDays;

    @Option(names = "--json", description = "Print the result as JSON (fields documented in docs/growth-json.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Dimension dimension = dimension(by);
        LocalDate from = since == null ? null : date(since);
        long untilBytes = until == null ? 0 : size(until);
        if (whatIfDays != null && whatIfDays < 1) {
            throw new TidemarkException("--what-if-days-to-keep must be at least 1 day.");
        }
        if (window < 3) {
            throw new TidemarkException("--window must be at least 3 days.");
        }
        try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
            GrowthReport report = ReadGrowth.read(session, UserFolders.current(),
                    new TerminalProgress(command.commandLine().getErr(), !json), new Cancellation());
            PrintWriter out = command.commandLine().getOut();
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("platform", session.key());
            j.put("snapshots", report.history().snapshots());
            j.put("first_snapshot", report.history().firstSnapshot() == null ? null : report.history().firstSnapshot().toString());
            j.put("rebuild_seconds", report.rebuildTook().toMillis() / 1000.0);
            if (forecast) {
                List<Forecast> forecasts = GrowthForecasts.of(report, window, untilBytes);
                if (json) {
                    j.put("window_days", window);
                    j.put("forecasts", forecasts.stream().map(GrowthCommand::forecastJson).toList());
                } else {
                    printForecasts(out, report, forecasts);
                }
            } else if (whatIfDays != null) {
                int logDays = logRetentionDays != null ? logRetentionDays : session.profile().retention().logRetentionDays();
                LocalDate lastDay = report.history().total().last() == null ? LocalDate.now() : report.history().total().last().day();
                RetentionWhatIf whatIf = RetentionWhatIf.of(report.volumes(), report.history().bytesPerRow(), lastDay, whatIfDays,
                        logDays, 28);
                if (json) {
                    j.put("what_if", whatIfJson(whatIf, lastDay));
                } else {
                    printWhatIf(out, whatIf, lastDay);
                }
            } else {
                List<GrowthSeries> series = report.history().of(dimension).stream().map(s -> s.since(from))
                        .filter(s -> !s.points().isEmpty()).toList();
                if (json) {
                    j.put("by", dimension.key());
                    j.put("since", from == null ? null : from.toString());
                    j.put("series", series.stream().map(GrowthCommand::seriesJson).toList());
                } else {
                    printSeries(out, report, dimension, series);
                }
            }
            if (json) {
                out.println(ConfigMapper.json().writeValueAsString(j));
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private static Dimension dimension(String by) {
        return switch (by.toLowerCase(Locale.ROOT)) {
            case "table" -> Dimension.TABLE;
            case "tenant" -> Dimension.TENANT;
            case "category" -> Dimension.CATEGORY;
            default -> throw new TidemarkException("--by takes table, tenant or category, not '" + by + "'.");
        };
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new TidemarkException("--since takes a date as YYYY-MM-DD, not '" + text + "'.");
        }
    }

    /** "2TB", "750 MB", "1.5g" or bytes, 1024-based. */
    static long size(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new TidemarkException("--until takes a size such as 2TB, 750GB or 1.5TB, not '" + text + "'.");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int power = "bkmgt".indexOf(unit.charAt(0));
        return Math.round(Double.parseDouble(m.group(1)) * Math.pow(1024, power));
    }

    private static void printSeries(PrintWriter out, GrowthReport report, Dimension dimension, List<GrowthSeries> series) {
        LocalDate first = report.history().firstSnapshot();
        out.println(first == null
                ? "No snapshot yet: every point is rebuilt from the data (row timestamps, archive and job log names, run log times)."
                : "Points before " + first + " are rebuilt from the data; from it on, " + report.history().snapshots()
                        + " snapshot(s) measured them.");
        out.printf("%n%-28s %-10s %-10s %12s %12s %12s %12s %9s%n", capitalised(dimension.key()), "From", "To", "Size", "Last 7 d",
                "Last 30 d", "Per day", "Rebuilt");
        for (GrowthSeries s : series) {
            GrowthPoint last = s.last();
            long rebuilt = s.points().stream().filter(GrowthPoint::rebuilt).count();
            out.printf("%-28s %-10s %-10s %12s %12s %12s %12s %9s%n", s.name(), s.points().get(0).day(), last.day(),
                    ByteSize.format(last.bytes()), signed(s.addedOver(7)), signed(s.addedOver(30)),
                    signed(s.addedOver(30) / Math.max(1, Math.min(30, s.points().size() - 1))),
                    rebuilt + "/" + s.points().size());
        }
        out.printf("%nRebuilt from the data in %.2f s. Daily points: --json.%n", report.rebuildTook().toMillis() / 1000.0);
    }

    private static void printForecasts(PrintWriter out, GrowthReport report, List<Forecast> forecasts) {
        if (forecasts.isEmpty()) {
            out.println("Nothing to forecast: no DATA_DIR, no limit in quotas.yml, no --until SIZE.");
            return;
        }
        out.println(GrowthForecasts.sentence(GrowthForecasts.disk(report, GrowthForecasts.DEFAULT_WINDOW_DAYS)));
        out.printf("%n%-36s %12s %12s %24s %-12s %s%n", "Reached", "Now", "Limit", "Pace per day (90% band)", "Date", "Band");
        for (Forecast f : forecasts) {
            String pace = f.trend() == null ? "-" : signed(Math.round(f.trend().slope())) + " (" + ByteSize.format(Math.round(f.trend().lowSlope()))
                    + "–" + ByteSize.format(Math.round(f.trend().highSlope())) + ")";
            out.printf("%-36s %12s %12s %24s %-12s %s%n", f.target(), ByteSize.format(f.currentBytes()), ByteSize.format(f.limitBytes()),
                    pace, f.date() == null ? "never" : f.date().toString(),
                    (f.earliest() == null ? "?" : f.earliest().toString()) + " – " + (f.latest() == null ? "never" : f.latest().toString()));
        }
    }

    private static void printWhatIf(PrintWriter out, RetentionWhatIf w, LocalDate lastDay) {
        out.printf("Keeping %d days of rows and %d days of job and run logs, at the pace of the %d days to %s:%n%n", w.daysToKeep(),
                w.logRetentionDays(), w.volumeDays(), lastDay);
        printLines(out, "Table", w.tables());
        out.printf("%-28s %14s %12s %14s %12s %12s%n", "All tables", "", ByteSize.format(w.tablesBytesNow()), "",
                ByteSize.format(w.tablesSteadyBytes()), signed(w.tablesSteadyBytes() - w.tablesBytesNow()));
        out.println();
        printLines(out, "Tenant (rows and logs)", w.tenants());
    }

    private static void printLines(PrintWriter out, String title, List<RetentionWhatIf.Line> lines) {
        out.printf("%-28s %14s %12s %14s %12s %12s%n", title, "Rows now", "Size now", "Rows per day", "Steady", "Change");
        for (RetentionWhatIf.Line l : lines) {
            out.printf("%-28s %14s %12s %14s %12s %12s%n", l.name(), ByteSize.count(l.rowsNow()), ByteSize.format(l.bytesNow()),
                    ByteSize.count(Math.round(l.rowsPerDay())), ByteSize.format(l.steadyBytes()), signed(l.change()));
        }
    }

    private static String signed(long bytes) {
        return (bytes > 0 ? "+" : bytes < 0 ? "-" : "") + ByteSize.format(Math.abs(bytes));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Map<String, Object> seriesJson(GrowthSeries s) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("dimension", s.dimension().key());
        j.put("name", s.name());
        j.put("bytes", s.last() == null ? 0 : s.last().bytes());
        j.put("count", s.last() == null ? 0 : s.last().count());
        List<Object> points = new ArrayList<>();
        for (GrowthPoint p : s.points()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("day", p.day().toString());
            point.put("bytes", p.bytes());
            point.put("count", p.count());
            point.put("rebuilt", p.rebuilt());
            points.add(point);
        }
        j.put("points", points);
        return j;
    }

    static Map<String, Object> forecastJson(Forecast f) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("target", f.target());
        j.put("series", f.series());
        j.put("current_bytes", f.currentBytes());
        j.put("limit_bytes", f.limitBytes());
        j.put("bytes_per_day", f.trend() == null ? null : f.trend().slope());
        j.put("bytes_per_day_low", f.trend() == null ? null : f.trend().lowSlope());
        j.put("bytes_per_day_high", f.trend() == null ? null : f.trend().highSlope());
        j.put("fitted_days", f.trend() == null ? 0 : f.trend().points());
        j.put("last_day", f.trend() == null ? null : f.trend().lastDay().toString());
        j.put("days", Double.isInfinite(f.days()) ? null : Math.round(f.days() * 10) / 10.0);
        j.put("date", f.date() == null ? null : f.date().toString());
        j.put("earliest", f.earliest() == null ? null : f.earliest().toString());
        j.put("latest", f.latest() == null ? null : f.latest().toString());
        return j;
    }

    private static Map<String, Object> whatIfJson(RetentionWhatIf w, LocalDate lastDay) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("days_to_keep", w.daysToKeep());
        j.put("log_retention_days", w.logRetentionDays());
        j.put("volume_days", w.volumeDays());
        j.put("last_day", lastDay.toString());
        j.put("tables", w.tables().stream().map(GrowthCommand::lineJson).toList());
        j.put("tenants", w.tenants().stream().map(GrowthCommand::lineJson).toList());
        j.put("tables_bytes_now", w.tablesBytesNow());
        j.put("tables_steady_bytes", w.tablesSteadyBytes());
        return j;
    }

    private static Map<String, Object> lineJson(RetentionWhatIf.Line l) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", l.name());
        j.put("rows_now", l.rowsNow());
        j.put("bytes_now", l.bytesNow());
        j.put("rows_per_day", Math.round(l.rowsPerDay() * 10) / 10.0);
        j.put("bytes_per_day", Math.round(l.bytesPerDay()));
        j.put("steady_rows", l.steadyRows());
        j.put("steady_bytes", l.steadyBytes());
        j.put("change_bytes", l.change());
        return j;
    }

    static Map<String, Object> snapshotJson(StorageSnapshot s) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("taken_at", s.takenAt().toString());
        j.put("database_bytes", s.databaseBytes());
        j.put("data_dir_bytes", s.dataDirBytes());
        j.put("disk_free_bytes", s.diskFreeBytes());
        j.put("disk_total_bytes", s.diskTotalBytes());
        j.put("other_bytes", s.other());
        j.put("tables", s.tables().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", t.table());
            row.put("rows", t.rows());
            row.put("table_bytes", t.tableBytes());
            row.put("index_bytes", t.indexBytes());
            row.put("toast_bytes", t.toastBytes());
            return row;
        }).toList());
        j.put("tenants", s.tenants().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", t.tenant());
            row.put("category", t.category().key());
            row.put("count", t.count());
            row.put("bytes", t.bytes());
            return row;
        }).toList());
        return j;
    }
}
