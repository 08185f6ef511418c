package io.tidemark.core;

import java.util.Objects;

/**
 * A named way to reach one platform: its database, its DATA_DIR and its profile. Never holds a password:
 * those come from PGPASSWORD, the pgpass file or a prompt.
 *
 * @param name     the label the administrator gave it ("prod-eu")
 * @param database the database URL or SQLite path, as typed
 * @param user     the PostgreSQL role, or null to take it from the URL or the OS user
 * @param dataDir  the DATA_DIR path (a local folder or a mounted share), or null when the platform has none
 * @param profile  a shipped profile name (integramon, xivo, igny8) or the path of a profile YAML file
 */
public record ConnectionSpec(String name, String database, String user, String dataDir, String profile) {

    public ConnectionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(database, "database");
        profile = profile == null || profile.isBlank() ? "integramon" : profile;
        user = user == null || user.isBlank() ? null : user;
        dataDir = dataDir == null || dataDir.isBlank() ? null : dataDir;
    }

    /** The parsed database location. */
    public DatabaseTarget target() {
        return DatabaseTarget.parse(database);
    }
}
