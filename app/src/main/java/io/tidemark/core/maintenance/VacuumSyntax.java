package io.tidemark.core.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Builds PostgreSQL maintenance statements with only the options the server's version supports (server_version_num);
 * an option the server does not have is refused with the version it needs, never silently dropped.
 */
public final class VacuumSyntax {

    private VacuumSyntax() {
    }

    /** Thrown for an option this server does not support; the message names the option and the version it needs. */
    public static final class UnsupportedOption extends IllegalArgumentException {
        public UnsupportedOption(String message) {
            super(message);
        }
    }

    /**
     * The statements for {@code request}, one per table (so each reports its own progress and sizes) or one for the
     * whole database.
     *
     * @param versionNum server_version_num (150004 for 15.4)
     * @param quote      quotes an identifier
     * @param database   the database's name, for REINDEX DATABASE
     */
    public static List<String> statements(MaintenanceRequest request, int versionNum, UnaryOperator<String> quote, String database) {
        MaintenanceOptions o = request.options();
        String prefix = switch (request.kind()) {
            case VACUUM, VACUUM_FULL -> "VACUUM" + vacuumOptions(request.kind(), o, versionNum);
            case ANALYZE -> "ANALYZE";
            case REINDEX -> {
                if (o.concurrently() && versionNum < 120000) {
                    throw new UnsupportedOption("REINDEX CONCURRENTLY needs PostgreSQL 12 or later; this server is " + version(versionNum) + ".");
                }
                yield "REINDEX";
            }
        };
        List<String> statements = new ArrayList<>();
        if (request.kind() == MaintenanceKind.REINDEX) {
            String concurrently = o.concurrently() ? " CONCURRENTLY" : "";
            if (request.wholeDatabase()) {
                statements.add(prefix + " DATABASE" + concurrently + " " + quote.apply(database));
            } else {
                request.tables().forEach(t -> statements.add(prefix + " TABLE" + concurrently + " " + quote.apply(t)));
            }
            return statements;
        }
        if (request.wholeDatabase()) {
            statements.add(prefix);
        } else {
            request.tables().forEach(t -> statements.add(prefix + " " + quote.apply(t)));
        }
        return statements;
    }

    private static String vacuumOptions(MaintenanceKind kind, MaintenanceOptions o, int v) {
        List<String> opts = new ArrayList<>();
        if (kind == MaintenanceKind.VACUUM_FULL) {
            opts.add("FULL");
            if (o.parallel() != null && o.parallel() > 0) {
                throw new UnsupportedOption("VACUUM FULL cannot run in parallel: leave PARALLEL out.");
            }
            if (o.bufferUsageLimit() != null) {
                throw new UnsupportedOption("VACUUM FULL does not take BUFFER_USAGE_LIMIT: leave it out.");
            }
        }
        if (o.freeze()) {
            opts.add("FREEZE");
        }
        if (o.analyze()) {
            opts.add("ANALYZE");
        }
        if (o.skipLocked()) {
            opts.add(requires("SKIP_LOCKED", 120000, v));
        }
        if (o.indexCleanup() != null) {
            String value = o.indexCleanup().toUpperCase(Locale.ROOT);
            requires("INDEX_CLEANUP", 120000, v);
            if (value.equals("AUTO")) {
                requires("INDEX_CLEANUP AUTO", 140000, v);
            }
            opts.add("INDEX_CLEANUP " + value);
        }
        if (o.truncate() != null) {
            opts.add(requires("TRUNCATE", 120000, v) + (o.truncate() ? " ON" : " OFF"));
        }
        if (o.parallel() != null && kind == MaintenanceKind.VACUUM) {
            opts.add(requires("PARALLEL", 130000, v) + " " + o.parallel());
        }
        if (o.processToast() != null) {
            opts.add(requires("PROCESS_TOAST", 140000, v) + (o.processToast() ? " ON" : " OFF"));
        }
        if (o.bufferUsageLimit() != null) {
            opts.add(requires("BUFFER_USAGE_LIMIT", 160000, v) + " '" + o.bufferUsageLimit().replace(" ", "") + "'");
        }
        return opts.isEmpty() ? "" : " (" + String.join(", ", opts) + ")";
    }

    private static String requires(String option, int needed, int versionNum) {
        if (versionNum < needed) {
            throw new UnsupportedOption("VACUUM option " + option + " needs PostgreSQL " + version(needed) + " or later; this server is "
                    + version(versionNum) + ".");
        }
        return option;
    }

    /** "12" for 120000, "9.6" for 90600, "15.4" for 150004. */
    static String version(int num) {
        int major = num / 10000;
        if (major >= 10) {
            int minor = num % 10000;
            return minor == 0 ? String.valueOf(major) : major + "." + minor;
        }
        return major + "." + (num / 100) % 100;
    }

    /** The options a server of this version offers, for the GUI and the help text. */
    public static List<String> supportedOptions(int versionNum) {
        List<String> names = new ArrayList<>(List.of("FULL", "FREEZE", "ANALYZE"));
        if (versionNum >= 120000) {
            names.addAll(List.of("SKIP_LOCKED", "INDEX_CLEANUP", "TRUNCATE"));
        }
        if (versionNum >= 130000) {
            names.add("PARALLEL");
        }
        if (versionNum >= 140000) {
            names.add("PROCESS_TOAST");
        }
        if (versionNum >= 160000) {
            names.add("BUFFER_USAGE_LIMIT");
        }
        return names;
    }
}
