package io.tidemark.config.growth;

import io.tidemark.config.UserFolders;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.growth.GrowthCategory;
import io.tidemark.core.growth.StorageSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local snapshot history: {@code growth.sqlite} in the user's data folder, shared by the window and the command
 * line, one history per platform key. Snapshots are only ever added.
 */
public final class GrowthStore {

    /** The file's name in the data folder. */
    public static final String FILE = "growth.sqlite";

    private final Path file;

    private GrowthStore(Path file) {
        this.file = file;
    }

    /** Opens (and on first use creates) the store in the user's data folder. */
    public static GrowthStore open(UserFolders folders) {
        return open(folders.data().resolve(FILE));
    }

    /** Opens (and on first use creates) the store in {@code file}. */
    public static GrowthStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new TidemarkException("Cannot create the data folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        GrowthStore store = new GrowthStore(file);
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS snapshot (id INTEGER PRIMARY KEY, platform_key TEXT NOT NULL, taken_at TEXT NOT NULL,"
                    + " database_bytes INTEGER NOT NULL, data_dir_bytes INTEGER NOT NULL, disk_free_bytes INTEGER NOT NULL,"
                    + " disk_total_bytes INTEGER NOT NULL, other_bytes INTEGER NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS snapshot_platform ON snapshot (platform_key, taken_at)");
            s.execute("CREATE TABLE IF NOT EXISTS snapshot_table (snapshot_id INTEGER NOT NULL REFERENCES snapshot (id),"
                    + " table_name TEXT NOT NULL, row_count INTEGER NOT NULL, table_bytes INTEGER NOT NULL,"
                    + " index_bytes INTEGER NOT NULL, toast_bytes INTEGER NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS snapshot_table_snapshot ON snapshot_table (snapshot_id)");
            s.execute("CREATE TABLE IF NOT EXISTS snapshot_tenant (snapshot_id INTEGER NOT NULL REFERENCES snapshot (id),"
                    + " tenant TEXT NOT NULL, category TEXT NOT NULL, item_count INTEGER NOT NULL, bytes INTEGER NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS snapshot_tenant_snapshot ON snapshot_tenant (snapshot_id)");
        } catch (SQLException e) {
            throw new TidemarkException("Cannot open the growth history " + file + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** The store's file. */
    public Path file() {
        return file;
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000"); // the window and a cron job may write at the same time
        }
        return c;
    }

    /** Adds a snapshot of the platform {@code platformKey}; returns its id. */
    public long add(String platformKey, StorageSnapshot snapshot) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshot (platform_key, taken_at, database_bytes, data_dir_bytes,"
                    + " disk_free_bytes, disk_total_bytes, other_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, platformKey);
                ps.setString(2, snapshot.takenAt().toString());
                ps.setLong(3, snapshot.databaseBytes());
                ps.setLong(4, snapshot.dataDirBytes());
                ps.setLong(5, snapshot.diskFreeBytes());
                ps.setLong(6, snapshot.diskTotalBytes());
                ps.setLong(7, snapshot.other());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshot_table VALUES (?, ?, ?, ?, ?, ?)")) {
                for (StorageSnapshot.TableSize t : snapshot.tables()) {
                    ps.setLong(1, id);
                    ps.setString(2, t.table());
                    ps.setLong(3, t.rows());
                    ps.setLong(4, t.tableBytes());
                    ps.setLong(5, t.indexBytes());
                    ps.setLong(6, t.toastBytes());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshot_tenant VALUES (?, ?, ?, ?, ?)")) {
                for (StorageSnapshot.TenantSize t : snapshot.tenants()) {
                    ps.setLong(1, id);
                    ps.setString(2, t.tenant());
                    ps.setString(3, t.category().key());
                    ps.setLong(4, t.count());
                    ps.setLong(5, t.bytes());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new TidemarkException("Cannot record the snapshot in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every snapshot of the platform, oldest first. */
    public List<StorageSnapshot> list(String platformKey) {
        Map<Long, Object[]> heads = new LinkedHashMap<>();
        Map<Long, List<StorageSnapshot.TableSize>> tables = new LinkedHashMap<>();
        Map<Long, List<StorageSnapshot.TenantSize>> tenants = new LinkedHashMap<>();
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, taken_at, database_bytes, data_dir_bytes, disk_free_bytes,"
                    + " disk_total_bytes, other_bytes FROM snapshot WHERE platform_key = ? ORDER BY taken_at, id")) {
                ps.setString(1, platformKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        heads.put(rs.getLong(1), new Object[] {Instant.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7)});
                        tables.put(rs.getLong(1), new ArrayList<>());
                        tenants.put(rs.getLong(1), new ArrayList<>());
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT t.snapshot_id, t.table_name, t.row_count, t.table_bytes,"
                    + " t.index_bytes, t.toast_bytes FROM snapshot_table t JOIN snapshot s ON s.id = t.snapshot_id WHERE s.platform_key = ?")) {
                ps.setString(1, platformKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.get(rs.getLong(1)).add(new StorageSnapshot.TableSize(rs.getString(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT t.snapshot_id, t.tenant, t.category, t.item_count, t.bytes"
                    + " FROM snapshot_tenant t JOIN snapshot s ON s.id = t.snapshot_id WHERE s.platform_key = ?")) {
                ps.setString(1, platformKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tenants.get(rs.getLong(1)).add(new StorageSnapshot.TenantSize(rs.getString(2),
                                GrowthCategory.ofKey(rs.getString(3)), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new TidemarkException("Cannot read the growth history " + file + ": " + e.getMessage(), e);
        }
        List<StorageSnapshot> list = new ArrayList<>();
        heads.forEach((id, h) -> list.add(new StorageSnapshot((Instant) h[0], (Long) h[1], (Long) h[2], (Long) h[3], (Long) h[4],
                tables.get(id), tenants.get(id), (Long) h[5])));
        return list;
    }
}
