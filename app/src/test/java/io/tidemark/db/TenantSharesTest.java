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
                // Tenant 1 holds 40 % of 1.2 million rows, tenants 2..7 share the rest: interleaved, as traffic arrives.
                s.execute("CREATE TABLE msg (id bigint PRIMARY KEY, config_id int NOT NULL, body text NOT NULL)");
                s.execute("INSERT INTO msg SELECT g, CASE WHEN g % 5 < 2 THEN 1 ELSE 2 + g % 6 END, 'x' FROM generate_series(1, 1200000) g");
                s.execute("CREATE INDEX msg_config_id ON msg (config_id)");
                s.execute("ANALYZE msg");
            }
            TableStats msg = stats(db, "msg");
            List<TenantRows> shares = new TenantShares(db).of(msg, "config_id", new Cancellation());
            assertThat(shares).hasSize(7).allSatisfy(r -> assertThat(r.exact()).isFalse());
            TenantRows big = shares.stream().filter(r -> r.tenantId() == 1).findFirst().orElseThrow();
            assertThat(big.relativeError()).isPositive().isLessThan(0.02);
            // Five stated standard errors, plus the row estimate's own slack: a sample that lands outside is wrong.
            assertThat((double) big.rows()).isCloseTo(480_000, org.assertj.core.data.Offset.offset(480_000 * (5 * big.relativeError() + 0.02)));
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
