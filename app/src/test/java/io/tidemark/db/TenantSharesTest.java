package io.tidemark.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestPostgres;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.storage.TenantRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows per tenant: counted where that is cheap, sampled on a large PostgreSQL table, and honest about precision. */
class TenantSharesTest {

    @TempDir
    Path temp;

    private static TableStats stats(PlatformDatabase db, String table) {
        return new StorageStatistics(db).read(Set.of(table), false, new Cancellation()).tables().stream()
                .filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    @Test
    void aLargePostgresTableIsSampledWithinItsStatedError() throws Exception {
        String url = TestPostgres.newDatabase();
        try (PlatformDatabase db = PlatformDatabase.open(DatabaseTarget.parse(url), null, PasswordSource.NONE)) {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                // Tenant 1 holds 40 % of 1.2 million rows, tenants 2..7 share the rest, arriving in bursts of 2,000 rows
                // (a batch import), so whole pages belong to one tenant: the case where page sampling is least precise.
                s.execute("CREATE TABLE msg (id bigint PRIMARY KEY, config_id int NOT NULL, body text NOT NULL)");
                s.execute("INSERT INTO msg SELECT g, CASE WHEN (g / 2000) % 5 < 2 THEN 1 ELSE 2 + (g / 2000) % 6 END, 'x'"
                        + " FROM generate_series(1, 1200000) g");
                s.execute("CREATE INDEX msg_config_id ON msg (config_id)");
                s.execute("ANALYZE msg");
            }
            TableStats msg = stats(db, "msg");
            List<TenantRows> shares = new TenantShares(db).of(msg, "config_id", new Cancellation());
            assertThat(shares).hasSize(7).allSatisfy(r -> assertThat(r.exact()).isFalse());
            long truth;
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM msg WHERE config_id = 1")) {
                rs.next();
                truth = rs.getLong(1);
            }
            TenantRows big = shares.stream().filter(r -> r.tenantId() == 1).findFirst().orElseThrow();
            // Bursts make whole pages one tenant's: the stated error must be that of pages, not of independent rows
            // (which would claim about ±0.3 %).
            assertThat(big.relativeError()).isGreaterThan(0.008).isLessThan(0.2);
            // Four stated standard errors, plus the row estimate's own slack: a sample that lands outside is wrong.
            assertThat((double) big.rows()).isCloseTo(truth, org.assertj.core.data.Offset.offset(truth * (4 * big.relativeError() + 0.02)));
            assertThat(shares.stream().mapToLong(TenantRows::bytes).sum()).isCloseTo(msg.totalBytes(), org.assertj.core.data.Offset.offset(10L));
        }
    }

    @Test
    void aSqliteTableIsCountedExactly() throws Exception {
        Path file = temp.resolve("lab.sqlite3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE msg (id integer PRIMARY KEY, config_id int NOT NULL)");
            s.execute("CREATE INDEX msg_config_id ON msg (config_id)");
            s.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 3000)"
                    + " INSERT INTO msg SELECT n, n % 3 FROM g");
        }
        try (PlatformDatabase db = PlatformDatabase.open(new DatabaseTarget(DatabaseKind.SQLITE, file.toString()), null, PasswordSource.NONE)) {
            List<TenantRows> shares = new TenantShares(db).of(stats(db, "msg"), "config_id", new Cancellation());
            assertThat(shares).hasSize(3).allSatisfy(r -> {
                assertThat(r.rows()).isEqualTo(1000);
                assertThat(r.exact()).isTrue();
                assertThat(r.relativeError()).isZero();
            });
        }
    }
}
