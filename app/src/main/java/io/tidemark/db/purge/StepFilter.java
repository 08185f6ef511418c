package io.tidemark.db.purge;

import io.tidemark.core.purge.TableStep;
import io.tidemark.db.SqlNames;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The WHERE condition of a step (age and tenant) with its bound values; identifiers quoted, values bound.
 * An optional {@code alias} prefixes the columns.
 */
record StepFilter(String sql, List<Object> values) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    static StepFilter of(TableStep step, TableFacts facts, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (step.retentionColumn() != null && step.cutoff() != null) {
            String column = SqlNames.quote(step.retentionColumn());
            ColumnKind kind = facts.kind(step.retentionColumn());
            if (kind == ColumnKind.TEXT && !facts.sqlite()) {
                column = column + " COLLATE \"C\"";
            }
            parts.add(column + " < ?");
            values.add(cutoffValue(step.cutoff(), kind, zone, facts.sqlite()));
        }
        if (step.tenantColumn() != null && !step.tenantIds().isEmpty()) {
            parts.add(SqlNames.quote(step.tenantColumn()) + " IN (" + marks(step.tenantIds().size()) + ")");
            values.addAll(step.tenantIds());
        }
        if (step.tenantColumn() != null && !step.excludedTenantIds().isEmpty()) {
            String column = SqlNames.quote(step.tenantColumn());
            parts.add("(" + column + " IS NULL OR " + column + " NOT IN (" + marks(step.excludedTenantIds().size()) + "))");
            values.addAll(step.excludedTenantIds());
        }
        return new StepFilter(parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts), values);
    }

    /** The cutoff as the column stores time. */
    static Object cutoffValue(Instant cutoff, ColumnKind kind, ZoneId zone, boolean sqlite) {
        return switch (kind) {
            case TIMESTAMPTZ -> OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
            case TIMESTAMP -> LocalDateTime.ofInstant(cutoff, zone);
            case DATE -> sqlite ? LocalDate.ofInstant(cutoff, zone).toString() : LocalDate.ofInstant(cutoff, zone);
            case TEXT -> text(LocalDateTime.ofInstant(cutoff, zone));
        };
    }

    /**
     * "YYYY-MM-DD HH:MM:SS" plus the fraction without trailing zeros: as text, a stored time equal to the cutoff then
     * compares equal or greater (kept), and every earlier time compares less, whatever precision the platform wrote.
     */
    static String text(LocalDateTime time) {
        String s = SECONDS.format(time);
        int nanos = time.getNano();
        if (nanos == 0) {
            return s;
        }
        String fraction = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
        return s + "." + fraction;
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Binds the values from parameter {@code first} on; returns the next free parameter index. */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object v : values) {
            ps.setObject(i++, v);
        }
        return i;
    }
}
