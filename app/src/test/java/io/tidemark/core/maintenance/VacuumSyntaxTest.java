package io.tidemark.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements carry only the options the server's version has; the rest are refused with the version they need. */
class VacuumSyntaxTest {

    private static String q(String name) {
        return '"' + name + '"';
    }

    private static List<String> sql(MaintenanceKind kind, MaintenanceOptions options, int version, String... tables) {
        return VacuumSyntax.statements(new MaintenanceRequest(kind, List.of(tables), options), version, VacuumSyntaxTest::q, "platform");
    }

    @Test
    void buildsOneStatementPerTableWithTheOptionsAsked() {
        MaintenanceOptions o = new MaintenanceOptions(true, true, true, "auto", false, 2, false, "256MB", false, Duration.ofSeconds(5));
        assertThat(sql(MaintenanceKind.VACUUM, o, 160002, "a", "b")).containsExactly(
                "VACUUM (FREEZE, ANALYZE, SKIP_LOCKED, INDEX_CLEANUP AUTO, TRUNCATE OFF, PARALLEL 2, PROCESS_TOAST OFF, BUFFER_USAGE_LIMIT '256MB') \"a\"",
                "VACUUM (FREEZE, ANALYZE, SKIP_LOCKED, INDEX_CLEANUP AUTO, TRUNCATE OFF, PARALLEL 2, PROCESS_TOAST OFF, BUFFER_USAGE_LIMIT '256MB') \"b\"");
        assertThat(sql(MaintenanceKind.VACUUM_FULL, MaintenanceOptions.defaults(), 110000)).containsExactly("VACUUM (FULL)");
        assertThat(sql(MaintenanceKind.ANALYZE, MaintenanceOptions.defaults(), 150000, "a")).containsExactly("ANALYZE \"a\"");
        assertThat(sql(MaintenanceKind.REINDEX, MaintenanceOptions.defaults().withConcurrently(true), 120000, "a"))
                .containsExactly("REINDEX TABLE CONCURRENTLY \"a\"");
        assertThat(sql(MaintenanceKind.REINDEX, MaintenanceOptions.defaults(), 100000)).containsExactly("REINDEX DATABASE \"platform\"");
    }

    @Test
    void refusesOptionsTheServerDoesNotHave() {
        MaintenanceOptions parallel = new MaintenanceOptions(false, false, false, null, null, 2, null, null, false, Duration.ofSeconds(5));
        assertThatThrownBy(() -> sql(MaintenanceKind.VACUUM, parallel, 120008, "a"))
                .hasMessage("VACUUM option PARALLEL needs PostgreSQL 13 or later; this server is 12.8.");
        assertThatThrownBy(() -> sql(MaintenanceKind.VACUUM_FULL, parallel, 150000, "a")).hasMessageContaining("cannot run in parallel");
        MaintenanceOptions skip = new MaintenanceOptions(false, false, true, null, null, null, null, null, false, Duration.ofSeconds(5));
        assertThatThrownBy(() -> sql(MaintenanceKind.VACUUM, skip, 110005, "a")).hasMessageContaining("SKIP_LOCKED needs PostgreSQL 12");
        MaintenanceOptions auto = new MaintenanceOptions(false, false, false, "AUTO", null, null, null, null, false, Duration.ofSeconds(5));
        assertThatThrownBy(() -> sql(MaintenanceKind.VACUUM, auto, 130000, "a")).hasMessageContaining("INDEX_CLEANUP AUTO needs PostgreSQL 14");
        assertThatThrownBy(() -> sql(MaintenanceKind.REINDEX, MaintenanceOptions.defaults().withConcurrently(true), 110000, "a"))
                .hasMessageContaining("REINDEX CONCURRENTLY needs PostgreSQL 12");
        MaintenanceOptions ring = new MaintenanceOptions(false, false, false, null, null, null, null, "256MB", false, Duration.ofSeconds(5));
        assertThatThrownBy(() -> sql(MaintenanceKind.VACUUM, ring, 150004, "a")).hasMessage(
                "VACUUM option BUFFER_USAGE_LIMIT needs PostgreSQL 16 or later; this server is 15.4.");
        assertThat(VacuumSyntax.supportedOptions(110000)).doesNotContain("SKIP_LOCKED", "PARALLEL");
        assertThat(VacuumSyntax.supportedOptions(140000)).contains("PARALLEL", "PROCESS_TOAST");
        assertThat(VacuumSyntax.version(90624)).isEqualTo("9.6");
    }

    @Test
    void durationComesOnlyFromMeasuredRuns() {
        assertThat(RewriteRate.of(List.of()).secondsFor(1_000_000)).isEqualTo(-1);
        assertThat(RewriteRate.of(List.of()).describe()).contains("duration unknown");
        RewriteRate rate = RewriteRate.of(List.of(new RewriteRate.PastRewrite(10_000_000, 1000), new RewriteRate.PastRewrite(30_000_000, 1000),
                new RewriteRate.PastRewrite(20_000_000, 1000), new RewriteRate.PastRewrite(5_000_000, 10)));
        assertThat(rate.runs()).as("the 10 ms run says nothing about throughput").isEqualTo(3);
        assertThat(rate.bytesPerSecond()).isEqualTo(20_000_000);
        assertThat(rate.secondsFor(100_000_000)).isEqualTo(5);
        assertThat(rate.describe()).contains("median of 3 earlier runs");
    }
}
