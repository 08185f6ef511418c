package io.tidemark.actions;

import io.tidemark.config.ProfileCatalog;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseInfo;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Tenant;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.db.PlatformDatabase;
import io.tidemark.db.TenantDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One open platform: its database, its DATA_DIR and its profile, shared by every screen and command until closed. */
public final class PlatformSession implements AutoCloseable {

    private final ConnectionSpec spec;
    private final PlatformProfile profile;
    private final PlatformDatabase database;
    private final DatabaseInfo info;
    private final Path dataDir;

    private PlatformSession(ConnectionSpec spec, PlatformProfile profile, PlatformDatabase database, DatabaseInfo info, Path dataDir) {
        this.spec = spec;
        this.profile = profile;
        this.database = database;
        this.info = info;
        this.dataDir = dataDir;
    }

    /**
     * Opens the platform: reads the profile, checks DATA_DIR, connects to the database.
     *
     * @throws TidemarkException with a sentence saying what to fix
     */
    public static PlatformSession open(ConnectionSpec spec, PasswordSource passwords) {
        PlatformProfile profile = ProfileCatalog.load(spec.profile());
        Path dataDir = checkedDataDir(spec.dataDir());
        PlatformDatabase database = PlatformDatabase.open(spec.target(), spec.user(), passwords);
        try {
            return new PlatformSession(spec, profile, database, database.describe(), dataDir);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Path checkedDataDir(String dataDir) {
        if (dataDir == null) {
            return null;
        }
        Path path = Path.of(dataDir).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new TidemarkException("DATA_DIR " + path + " does not exist: check the path, or mount the share first.");
        }
        if (!Files.isDirectory(path)) {
            throw new TidemarkException("DATA_DIR " + path + " is not a folder.");
        }
        if (!Files.isReadable(path)) {
            throw new TidemarkException("DATA_DIR " + path + " cannot be read by " + System.getProperty("user.name") + ".");
        }
        return path;
    }

    /** How this platform was reached. */
    public ConnectionSpec spec() {
        return spec;
    }

    /** The platform's profile. */
    public PlatformProfile profile() {
        return profile;
    }

    /** The database. */
    public PlatformDatabase database() {
        return database;
    }

    /** What the database said about itself at connection time. */
    public DatabaseInfo info() {
        return info;
    }

    /** DATA_DIR, when the platform has one. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** The platform's tenants, or none for a platform without tenants. */
    public List<Tenant> tenants() {
        return profile.hasTenants() ? new TenantDirectory(database, profile.tenants()).tenants() : List.of();
    }

    /**
     * A stable key for this platform in Tidemark's local stores (history, growth snapshots): the SQLite file's absolute
     * path, or the PostgreSQL URL without its parameters. It holds no secret.
     */
    public String key() {
        return keyOf(spec);
    }

    /** The {@link #key()} of the platform {@code spec} reaches, without connecting. */
    public static String keyOf(ConnectionSpec spec) {
        DatabaseTarget target = spec.target();
        if (target.kind() == DatabaseKind.SQLITE) {
            return "sqlite:" + Path.of(target.location()).toAbsolutePath().normalize();
        }
        String url = target.location();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Whether the database answers now. */
    public boolean reachable() {
        return database.ping();
    }

    @Override
    public void close() {
        database.close();
    }
}
