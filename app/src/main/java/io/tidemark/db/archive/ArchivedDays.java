package io.tidemark.db.archive;

import io.tidemark.core.DatabaseKind;
import io.tidemark.db.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tenant-days that hold rows of an archived family's root older than a cutoff: what a purge would take away. */
public final class ArchivedDays {

    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** One tenant's day with rows before the cutoff. */
    public record TenantDay(long tenantId, LocalDate day) {
    }

    private ArchivedDays() {
    }

    /** Every tenant-day (UTC days) of the family's root with rows older than {@code cutoff}, oldest first. */
    public static List<TenantDay> before(Connection c, DatabaseKind kind, ArchiveFamily family, Instant cutoff) throws SQLException {
        ArchivedTable root = family.root();
        String ts = SqlNames.quote(root.retentionColumn());
        String day = kind == DatabaseKind.POSTGRESQL ? "CAST((" + ts + " AT TIME ZONE 'UTC') AS date)" : "substr(" + ts + ", 1, 10)";
        String sql = "SELECT " + SqlNames.quote(root.tenantColumn()) + ", " + day + " FROM " + SqlNames.quote(root.name())
                + " WHERE " + ts + " < ? GROUP BY 1, 2 ORDER BY 2, 1";
        List<TenantDay> days = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (kind == DatabaseKind.POSTGRESQL) {
                ps.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            } else {
                ps.setString(1, SQLITE_TIME.format(cutoff.atOffset(ZoneOffset.UTC)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(new TenantDay(rs.getLong(1), LocalDate.parse(rs.getString(2))));
                }
            }
        }
        return days;
    }
}
