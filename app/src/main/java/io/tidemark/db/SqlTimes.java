package io.tidemark.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Timestamps as the databases hand them over as text: PostgreSQL's {@code timestamptz} and Django's SQLite text. */
public final class SqlTimes {

    private static final DateTimeFormatter LENIENT_TIME = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd().optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private SqlTimes() {
    }

    /**
     * "2026-11-20 10:00:00.123456" (UTC, as Django writes SQLite), "2026-11-20 10:00:00+01" (PostgreSQL) or ISO-8601;
     * null for null or for text that is no timestamp.
     */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            var parsed = LENIENT_TIME.parse(text.trim());
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? local.atOffset(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))).toInstant()
                    : local.toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
