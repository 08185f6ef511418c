package io.tidemark.core.demo;

import io.tidemark.core.TidemarkException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What demo platform to build. The same seed, sizes and last day give the same platform, byte for byte in
 * row counts, file names and file sizes.
 *
 * @param out         DATA_DIR of the demo (created if needed); the SQLite database goes in it unless {@code database} is given
 * @param tenants     how many tenants
 * @param days        how many days of history, ending with {@code lastDay}
 * @param seed        the random seed
 * @param scale       small (seconds) or large (benchmarks)
 * @param database    a PostgreSQL JDBC URL to build the database in, or null for {@code out/platform.sqlite3}
 * @param lastDay     the newest day with data (UTC)
 * @param replace     whether an existing demo (its database tables and files) may be replaced
 */
public record DemoSpec(Path out, int tenants, int days, long seed, DemoScale scale, String database, LocalDate lastDay,
                       boolean replace) {

    /** The name of the demo database file in DATA_DIR. */
    public static final String SQLITE_FILE = "platform.sqlite3";

    public DemoSpec {
        if (tenants < 2 || tenants > 500) {
            throw new TidemarkException("--tenants must be between 2 and 500 (got " + tenants + ").");
        }
        if (days < 1 || days > 3660) {
            throw new TidemarkException("--days must be between 1 and 3660 (got " + days + ").");
        }
    }

    /** A spec with the scale's default sizes, ending yesterday (UTC). */
    public static DemoSpec defaults(Path out, DemoScale scale) {
        return new DemoSpec(out, scale.defaultTenants(), scale.defaultDays(), 42L, scale, null, yesterday(), false);
    }

    /** Yesterday in UTC: the newest whole day. */
    public static LocalDate yesterday() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1);
    }

    /** The oldest day with data. */
    public LocalDate firstDay() {
        return lastDay.minusDays(days - 1L);
    }

    /** The SQLite database file, when the demo's database is SQLite. */
    public Path sqliteFile() {
        return out.resolve(SQLITE_FILE);
    }
}
