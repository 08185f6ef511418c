package io.tidemark.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that goes away and comes back: the pool says so, then serves again without reopening anything. */
class ReconnectTest {

    @TempDir
    Path temp;

    @Test
    void thePoolRecoversWhenTheServerComesBack() throws Exception {
        Path data = temp.resolve("pgdata");
        EmbeddedPostgres first = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = first.getPort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        try (PlatformDatabase db = PlatformDatabase.open(DatabaseTarget.parse(url), null, PasswordSource.NONE)) {
            assertThat(db.ping()).isTrue();

            first.close();
            assertThat(db.ping()).as("ping while the server is down").isFalse();

            try (EmbeddedPostgres second = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                    .setPort(port).start()) {
                assertThat(db.ping()).as("ping after the server is back").isTrue();
                try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery("SELECT 41 + 1")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                }
            }
        }
    }
}
