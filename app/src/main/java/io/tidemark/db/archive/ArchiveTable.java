package io.tidemark.db.archive;

import io.tidemark.core.DatabaseKind;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveRecord;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.core.profile.TableSpec;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform's archive table ({@code cpiarchive}): one row per archive file. The table is the profile's table of
 * family "archives"; its columns are the reference schema's (archive_date, file_name, format, compressed, size_bytes,
 * row_count, sha256, created_at).
 */
public final class ArchiveTable {

    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private final PlatformDatabase db;
    private final String table;
    private final String tenantColumn;
    private final String tenantTable;
    private final String tenantId;
    private final String tenantName;

    private ArchiveTable(PlatformDatabase db, String table, String tenantColumn, PlatformProfile profile) {
        this.db = db;
        this.table = table;
        this.tenantColumn = tenantColumn;
        this.tenantTable = profile.tenants().table();
        this.tenantId = profile.tenants().idColumn();
        this.tenantName = profile.tenants().nameColumn();
    }

    /** The archive table of a profile, when it has one. */
    public static Optional<ArchiveTable> of(PlatformDatabase db, PlatformProfile profile) {
        if (!profile.hasTenants()) {
            return Optional.empty();
        }
        return profile.tables().stream().filter(t -> "archives".equals(t.family()) && t.tenantColumn() != null).findFirst()
                .map((TableSpec t) -> new ArchiveTable(db, t.name(), t.tenantColumn(), profile));
    }

    /** The table's name. */
    public String name() {
        return table;
    }

    /** Every row, with its tenant's name, oldest day first. */
    public List<ArchiveRecord> list() {
        return select("", ps -> { });
    }

    /** The rows of one tenant's day (an export checks these instead of listing the whole table). */
    public List<ArchiveRecord> of(long tenant, LocalDate day) {
        String date = db.kind() == DatabaseKind.POSTGRESQL ? "a.archive_date" : "substr(a.archive_date, 1, 10)";
        return select(" WHERE a." + SqlNames.quote(tenantColumn) + " = ? AND " + date + " = ?", ps -> {
            ps.setLong(1, tenant);
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                ps.setObject(2, day);
            } else {
                ps.setString(2, day.toString());
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<ArchiveRecord> select(String where, Binder binder) {
        String sql = "SELECT a.id, a." + SqlNames.quote(tenantColumn) + ", t." + SqlNames.quote(tenantName)
                + ", a.archive_date, a.file_name, a.format, a.compressed, a.size_bytes, a.row_count, a.sha256, a.created_at FROM "
                + SqlNames.quote(table) + " a LEFT JOIN " + SqlNames.quote(tenantTable) + " t ON t." + SqlNames.quote(tenantId)
                + " = a." + SqlNames.quote(tenantColumn) + where + " ORDER BY a.archive_date, 3, a.file_name";
        List<ArchiveRecord> records = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new ArchiveRecord(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            LocalDate.parse(rs.getString(4).substring(0, 10)), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                            rs.getLong(8), rs.getLong(9), rs.getString(10), instant(rs.getString(11))));
                }
            }
        } catch (SQLException e) {
            throw new TidemarkException("Cannot read the archive table " + table + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** Records a new archive and returns the row's key. */
    public long insert(long tenant, LocalDate day, String fileName, String format, boolean compressed, long sizeBytes,
                       long rowCount, String sha256, Instant createdAt) {
        String sql = "INSERT INTO " + SqlNames.quote(table) + " (" + SqlNames.quote(tenantColumn)
                + ", archive_date, file_name, format, compressed, size_bytes, row_count, sha256, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.connection(); PreparedStatement ps = db.kind() == DatabaseKind.POSTGRESQL
                ? c.prepareStatement(sql, new String[] {"id"}) : c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, tenant);
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                ps.setObject(2, day);
                ps.setBoolean(5, compressed);
                ps.setObject(9, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            } else {
                ps.setString(2, day.toString());
                ps.setInt(5, compressed ? 1 : 0);
                ps.setString(9, SQLITE_TIME.format(createdAt));
            }
            ps.setString(3, fileName);
            ps.setString(4, format);
            ps.setLong(6, sizeBytes);
            ps.setLong(7, rowCount);
            ps.setString(8, sha256);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new TidemarkException("Cannot record the archive " + fileName + " in " + table + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a row by key; returns whether it was there. */
    public boolean delete(long id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM " + SqlNames.quote(table) + " WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new TidemarkException("Cannot delete archive row " + id + " from " + table + ": " + e.getMessage(), e);
        }
    }

    static Instant instant(String text) {
        return io.tidemark.db.SqlTimes.parse(text);
    }
}
