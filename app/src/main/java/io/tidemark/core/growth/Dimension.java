package io.tidemark.core.growth;

import java.util.Locale;

/** What a growth series follows. */
public enum Dimension {
    /** One table of the profile. */
    TABLE,
    /** One tenant: its share of the profile's tables and its files. */
    TENANT,
    /** One category over all tenants: the database, archives, job logs, run logs, other files. */
    CATEGORY,
    /** Everything Tidemark measures: the database and DATA_DIR. */
    TOTAL;

    /** The name on the command line and in JSON ("table"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
