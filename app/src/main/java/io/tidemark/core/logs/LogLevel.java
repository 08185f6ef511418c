package io.tidemark.core.logs;

import java.util.Locale;

/** How serious a log line is, after each writer's own words (Python's WARNING, PostgreSQL's FATAL, nginx's crit…). */
public enum LogLevel {
    TRACE, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL;

    /** The level a writer's word names, or null when the word is no level. */
    public static LogLevel of(CharSequence word) {
        return switch (word.toString().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> TRACE;
            case "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "VERBOSE" -> DEBUG;
            case "INFO", "LOG", "STATEMENT", "DETAIL", "HINT", "CONTEXT" -> INFO;
            case "NOTICE" -> NOTICE;
            case "WARN", "WARNING" -> WARNING;
            case "ERROR", "ERR" -> ERROR;
            case "CRITICAL", "CRIT", "FATAL", "PANIC", "ALERT", "EMERG" -> CRITICAL;
            default -> null;
        };
    }

    /** Parses a command-line or settings value ("warning", "error"…); throws on anything else. */
    public static LogLevel parse(String text) {
        LogLevel level = text == null ? null : of(text.trim());
        if (level == null) {
            throw new io.tidemark.core.TidemarkException("Unknown log level '" + text
                    + "': use trace, debug, info, notice, warning, error or critical.");
        }
        return level;
    }

    /** Whether this level is at least {@code floor}. */
    public boolean atLeast(LogLevel floor) {
        return floor == null || compareTo(floor) >= 0;
    }

    /** The lower-case name used in JSON and on screen. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
