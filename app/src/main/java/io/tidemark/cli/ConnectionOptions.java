package io.tidemark.cli;

import io.tidemark.config.ConnectionStore;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.TidemarkException;
import picocli.CommandLine.Option;

/** The options that say which platform a command works on. */
public final class ConnectionOptions {

    @Option(names = "--db", paramLabel = "URL|FILE",
            description = "PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db?sslmode=require) or SQLite file. "
                    + "Passwords come from PGPASSWORD, the pgpass file or a prompt.")
    String database;

    @Option(names = "--user", paramLabel = "ROLE", description = "PostgreSQL role (default: from the URL, PGUSER or the OS user).")
    String user;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The platform's DATA_DIR (local folder or mounted share).")
    String dataDir;

    @Option(names = "--profile", paramLabel = "NAME|FILE", description = "Platform profile: integramon (default), xivo, igny8, or a YAML file.")
    String profile;

    @Option(names = "--connection", paramLabel = "NAME", description = "A connection saved in the GUI, by name.")
    String connection;

    /** Whether any option was given. */
    boolean given() {
        return database != null || connection != null;
    }

    /** The connection these options name. */
    ConnectionSpec spec() {
        if (connection != null) {
            ConnectionSpec saved = new ConnectionStore(UserFolders.current().config()).find(connection)
                    .orElseThrow(() -> new TidemarkException("No saved connection is named '" + connection + "'."));
            return new ConnectionSpec(saved.name(), database != null ? database : saved.database(),
                    user != null ? user : saved.user(), dataDir != null ? dataDir : saved.dataDir(),
                    profile != null ? profile : saved.profile());
        }
        if (database == null) {
            throw new TidemarkException("Say which platform: --db URL|FILE (with --data-dir DIR), or --connection NAME.");
        }
        return new ConnectionSpec(io.tidemark.core.DatabaseTarget.parse(database).shortName(), database, user, dataDir, profile);
    }
}
