package io.tidemark.config.purge;

import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.RetentionDefaults;
import io.tidemark.core.purge.RetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** config.yml and conf.d/ merged exactly as xivo-purge-db (xivo.config_helper + xivo.chain_map.ChainMap) merges them. */
class PurgeConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    void theFirstConfDFileByNameWinsMapsMergeKeyByKeyAndListsAreNotMerged() throws Exception {
        Files.writeString(dir.resolve("config.yml"), """
                days_to_keep: 365
                log_retention_days: 3
                days_to_keep_per_table:
                  cel: 100
                  queue_log: 200
                enabled_plugins:
                  archives: [base]
                """);
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/10-site.yml"), """
                days_to_keep: 90
                days_to_keep_per_table:
                  cel: 10
                enabled_plugins:
                  archives: [sample]
                """);
        Files.writeString(dir.resolve("conf.d/20-later.yml"), """
                days_to_keep: 7
                days_to_keep_per_table:
                  stat_call_on_queue: 20
                  cel: 1
                """);
        Files.writeString(dir.resolve("conf.d/.hidden.yml"), "days_to_keep: 1\n");
        Files.writeString(dir.resolve("conf.d/notes.txt"), "days_to_keep: 2\n");
        Files.writeString(dir.resolve("conf.d/15-broken.yml"), "days_to_keep: [unclosed\n");

        PurgeConfigFiles files = new PurgeConfigFiles(dir);
        RetentionPolicy policy = files.policy(RetentionDefaults.STANDARD);
        assertThat(policy.daysToKeep()).isEqualTo(90); // 10-site.yml is first by name: it wins over 20-later.yml
        assertThat(policy.daysToKeepPerTable()).isEqualTo(Map.of("cel", 10, "queue_log", 200, "stat_call_on_queue", 20));
        assertThat(policy.archivePlugins()).containsExactly("sample"); // a list is taken whole from the winning file
        assertThat(policy.logRetentionDays()).isEqualTo(3);
        assertThat(files.warnings()).singleElement().asString().contains("15-broken.yml");
    }

    @Test
    void defaultsApplyWithoutFilesAndTheEnvironmentSetsLogRetention() {
        RetentionPolicy policy = PurgeConfigFiles.policy(Map.of(), RetentionDefaults.STANDARD, "5");
        assertThat(policy.daysToKeep()).isEqualTo(365);
        assertThat(policy.logRetentionDays()).isEqualTo(5);
        assertThat(policy.vacuum()).isTrue();
        assertThat(new PurgeConfigFiles(dir.resolve("missing")).policy(RetentionDefaults.STANDARD).daysToKeep()).isEqualTo(365);
    }

    @Test
    void zeroIsAValueNotDisabledAndNonsenseIsRefusedInOneSentence() {
        assertThat(PurgeConfigFiles.policy(Map.of("days_to_keep", 0), RetentionDefaults.STANDARD, null).daysToKeep()).isZero();
        assertThatThrownBy(() -> PurgeConfigFiles.policy(Map.of("days_to_keep", -1), RetentionDefaults.STANDARD, null))
                .isInstanceOf(TidemarkException.class).hasMessageContaining("days_to_keep must be a whole number");
        assertThatThrownBy(() -> PurgeConfigFiles.policy(Map.of("days_to_keep", "soon"), RetentionDefaults.STANDARD, null))
                .isInstanceOf(TidemarkException.class);
    }

    @Test
    void theGuiSavesItsEditsInTheFileThatWins() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/50-site.yml"), "days_to_keep: 400\n");
        PurgeConfigFiles files = new PurgeConfigFiles(dir);
        files.save(120, Map.of("cel", 30), 7);
        RetentionPolicy policy = files.policy(RetentionDefaults.STANDARD);
        assertThat(policy.daysToKeep()).isEqualTo(120);
        assertThat(policy.daysFor("cel")).isEqualTo(30);
        assertThat(policy.logRetentionDays()).isEqualTo(7);
        assertThat(Files.list(dir.resolve("conf.d")).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrderElementsOf(List.of("00-tidemark.yml", "50-site.yml"));
    }
}
