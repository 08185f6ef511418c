package io.tidemark.actions.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.core.maintenance.MaintenanceOptions;
import io.tidemark.core.maintenance.MaintenanceRequest;
import io.tidemark.core.maintenance.MaintenanceResult;
import io.tidemark.core.maintenance.PreFlight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite VACUUM on real files: the free list told before, checked against the free disk, and the file shrinks. */
class SqliteMaintenanceTest {

    @TempDir
    Path temp;

    private Path fileWithDeletedRows(String name, boolean incremental) throws Exception {
        Path file = temp.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            if (incremental) {
                s.execute("PRAGMA auto_vacuum = INCREMENTAL");
            }
            s.execute("CREATE TABLE payload (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
            s.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 4000) "
                    + "INSERT INTO payload SELECT n, randomblob(1500) FROM g");
            s.execute("DELETE FROM payload WHERE id % 4 <> 0");
        }
        return file;
    }

    @Test
    void vacuumShrinksTheFileByItsFreeList() throws Exception {
        Path file = fileWithDeletedRows("platform.sqlite3", false);
        long sizeBefore = Files.size(file);
        HistoryStore history = HistoryStore.open(temp.resolve("history.sqlite"), Clock.systemUTC());
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("lab", file.toString(), null, null, null), PasswordSource.NONE)) {
            Maintenance maintenance = new Maintenance(session, history);
            PreFlight plan = maintenance.preFlight(new MaintenanceRequest(MaintenanceKind.VACUUM, List.of(), MaintenanceOptions.defaults()), false);
            assertThat(plan.statements()).containsExactly("VACUUM");
            assertThat(plan.reclaimBytes()).isGreaterThan(sizeBefore / 3);
            assertThat(plan.reclaimMethod()).startsWith("free-list pages × page size, exact");
            assertThat(plan.diskNeededBytes()).isGreaterThan(sizeBefore);
            assertThat(plan.diskFreeBytes()).isPositive();
            assertThat(plan.confirmName()).isNull();

            MaintenanceResult result = maintenance.run(plan, null, Progress.NONE, new Cancellation());
            assertThat(Files.size(file)).isEqualTo(result.sizeAfter()).isLessThan(sizeBefore * 2 / 3);
            assertThat(result.pagesBefore().freeBytes()).isEqualTo(plan.reclaimBytes());
            assertThat(result.pagesAfter().freelistCount()).isZero();
            assertThat(result.bytesReturned()).isBetween(plan.reclaimBytes(), plan.reclaimBytes() + plan.errorBytes());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM payload")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1000);
        }
    }

    @Test
    void incrementalAutoVacuumHandsTheFreeListBackWithoutACopy() throws Exception {
        Path file = fileWithDeletedRows("incremental.sqlite3", true);
        long sizeBefore = Files.size(file);
        HistoryStore history = HistoryStore.open(temp.resolve("history.sqlite"), Clock.systemUTC());
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("lab", file.toString(), null, null, null), PasswordSource.NONE)) {
            Maintenance maintenance = new Maintenance(session, history);
            PreFlight plan = maintenance.preFlight(new MaintenanceRequest(MaintenanceKind.VACUUM, List.of(), MaintenanceOptions.defaults()), false);
            assertThat(plan.statements()).containsExactly("PRAGMA incremental_vacuum");
            assertThat(plan.diskNeededBytes()).isZero();
            assertThat(plan.errorBytes()).isLessThan(plan.reclaimBytes() / 100);
            MaintenanceResult result = maintenance.run(plan, null, Progress.NONE, new Cancellation());
            assertThat(result.pagesAfter().freelistCount()).isZero();
            assertThat(result.bytesReturned()).isEqualTo(sizeBefore - Files.size(file))
                    .isBetween(plan.reclaimBytes(), plan.reclaimBytes() + plan.errorBytes());
        }
    }
}
