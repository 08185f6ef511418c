package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.core.profile.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shipped profiles load and say what the engine needs; broken user profiles get a clear message. */
class ProfileCatalogTest {

    @TempDir
    Path temp;

    @Test
    void everyShippedProfileLoads() {
        for (String name : ProfileCatalog.SHIPPED) {
            assertThat(ProfileCatalog.load(name).name()).isEqualTo(name);
        }
    }

    @Test
    void integramonNamesItsTablesTenantsAndFiles() {
        PlatformProfile p = ProfileCatalog.load("integramon");
        assertThat(p.tables()).extracting(TableSpec::name).contains("cpimessagelog", "cpipayload", "cmetricsnapshot");
        assertThat(p.table("cpipayload").orElseThrow().parent().table()).isEqualTo("cpimessagelog");
        assertThat(p.tenants().jobLogDirSettings()).containsExactly("global", "jobs.logs");
        assertThat(p.files().jobLog()).isEqualTo("{tenant_dir}/logs/jobs/{job}/{date}.log");
        assertThat(p.files().serviceLogs().get(0).names()).contains("gunicorn.log", "login_activity.log").hasSize(19);
        assertThat(p.retention().daysToKeep()).isEqualTo(365);
        assertThat(p.retention().logRetentionDays()).isEqualTo(3);
    }

    @Test
    void xivoIsTheXivoPurgeDbTableSet() {
        PlatformProfile p = ProfileCatalog.load("xivo");
        assertThat(p.hasTenants()).isFalse();
        assertThat(p.tables()).extracting(TableSpec::name).containsExactly("cel", "queue_log", "stat_agent_periodic",
                "stat_call_on_queue", "stat_queue_periodic", "stat_switchboard_queue", "call_log");
        assertThat(p.table("call_log").orElseThrow().optional()).isTrue();
    }

    @Test
    void aUserProfileFileLoadsAndMistakesAreNamed() throws Exception {
        Path good = Files.writeString(temp.resolve("mine.yaml"), "name: mine\ntables:\n  - name: events\n    retention_column: at\n");
        assertThat(ProfileCatalog.load(good.toString()).table("events")).isPresent();

        Path typo = Files.writeString(temp.resolve("typo.yaml"), "name: typo\ntables:\n  - name: events\n    retention_colum: at\n");
        assertThatThrownBy(() -> ProfileCatalog.load(typo.toString())).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("retention_colum").hasMessageContaining("line");

        Path orphan = Files.writeString(temp.resolve("orphan.yaml"),
                "name: orphan\ntables:\n  - name: child\n    parent: { table: ghost, column: ghost_id }\n");
        assertThatThrownBy(() -> ProfileCatalog.load(orphan.toString())).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("ghost");
    }
}
