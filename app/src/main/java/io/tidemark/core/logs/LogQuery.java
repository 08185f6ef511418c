package io.tidemark.core.logs;

import io.tidemark.core.TidemarkException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What to look for in logs: a text or a regular expression, with or without case, and optional level and time limits.
 *
 * @param pattern    the text or regex; null or empty with a level or time limit means every line in them
 * @param regex      whether {@code pattern} is a java.util.regex expression (POSIX classes like [[:digit:]] allowed)
 * @param ignoreCase whether case is ignored
 * @param minLevel   only records at this level or above, or null
 * @param since      only records at or after this time (epoch ms), or null
 * @param until      only records before this time (epoch ms), or null
 */
public record LogQuery(String pattern, boolean regex, boolean ignoreCase, LogLevel minLevel, Long since, Long until) {

    /** Checks the pattern: a regex that does not compile is the user's mistake, said in one sentence. */
    public LogQuery {
        if (pattern != null && pattern.indexOf('\n') >= 0) {
            throw new TidemarkException("A search pattern cannot contain a line break: lines are searched one at a time.");
        }
        if (regex && pattern != null) {
            try {
                Pattern.compile(javaRegex(pattern));
            } catch (PatternSyntaxException e) {
                throw new TidemarkException("The regular expression '" + pattern + "' is not valid: " + e.getDescription() + ".");
            }
        }
    }

    /** A plain text search. */
    public static LogQuery text(String text) {
        return new LogQuery(text, false, false, null, null, null);
    }

    /** Whether lines must carry their record's time and level to be judged. */
    public boolean filtersRecords() {
        return minLevel != null || since != null || until != null;
    }

    /** The compiled expression (for a text search too, quoted), or null when there is no pattern. */
    public Pattern compiled() {
        if (pattern == null || pattern.isEmpty()) {
            return null;
        }
        // UNIX_LINES: only \n ends a line, so a CR before it is text (as grep sees it) and $ does not match before it.
        int flags = Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex ? javaRegex(pattern) : Pattern.quote(pattern), flags);
    }

    /** The text every match contains (the pattern itself for a text search), or null. */
    public String literal() {
        if (pattern == null || pattern.isEmpty()) {
            return null;
        }
        return regex ? RequiredLiteral.of(javaRegex(pattern)) : pattern;
    }

    /** Whether a line with this meta passes the level and time limits. */
    public boolean accepts(LineMeta meta) {
        if (minLevel != null && (meta.level() == null || !meta.level().atLeast(minLevel))) {
            return false;
        }
        if ((since != null || until != null) && !meta.hasTime()) {
            return false;
        }
        return (since == null || meta.epochMillis() >= since) && (until == null || meta.epochMillis() < until);
    }

    /** grep -E's POSIX bracket classes in java.util.regex words. */
    static String javaRegex(String posix) {
        return posix.replace("[:digit:]", "\\p{Digit}").replace("[:alpha:]", "\\p{Alpha}").replace("[:alnum:]", "\\p{Alnum}")
                .replace("[:space:]", "\\s").replace("[:upper:]", "\\p{Upper}").replace("[:lower:]", "\\p{Lower}")
                .replace("[:xdigit:]", "\\p{XDigit}").replace("[:punct:]", "\\p{Punct}");
    }
}
