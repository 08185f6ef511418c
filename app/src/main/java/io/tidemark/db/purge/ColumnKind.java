package io.tidemark.db.purge;

import java.util.Locale;

/** How a retention column stores time, which decides how the cutoff is bound. */
enum ColumnKind {
    /** timestamp with time zone: the cutoff instant itself. */
    TIMESTAMPTZ,
    /** timestamp without time zone: the cutoff in the database's time zone. */
    TIMESTAMP,
    /** date: the cutoff's day; rows of that day are kept. */
    DATE,
    /** text holding "YYYY-MM-DD HH:MM:SS[.ffffff]" (XiVO's queue_log.time, every SQLite datetime): compared as text. */
    TEXT;

    static ColumnKind of(String typeName, boolean sqlite) {
        String t = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (t.equals("date")) {
            return DATE;
        }
        if (sqlite) {
            return TEXT;
        }
        if (t.contains("timestamptz") || t.contains("with time zone")) {
            return TIMESTAMPTZ;
        }
        if (t.startsWith("timestamp")) {
            return TIMESTAMP;
        }
        return TEXT;
    }
}
