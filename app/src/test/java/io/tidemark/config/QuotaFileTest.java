package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.TidemarkException;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.Quotas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuotaFileTest {

    @TempDir
    Path config;

    @Test
    void readsOneConnectionsLimitsInReadableSizes() throws Exception {
        Files.writeString(config.resolve("quotas.yml"), """
                "prod-eu":
                  free_disk_floor: 50GB
                  data_dir: 1.5TB
                  per_tenant: 750 MB
                  per_category: { archives: 20GB, job_logs: 2048 }
                  tenants:
                    acme-prod: { total: 120GB, archives: 60GB }
                other: { database: 1GB }
                """);
        Quotas q = new QuotaFile(config).forConnection("prod-eu");
        assertThat(q.freeDiskFloor()).isEqualTo(50L << 30);
        assertThat(q.dataDir()).isEqualTo(Math.round(1.5 * (1L << 40)));
        assertThat(q.perTenant()).isEqualTo(750L << 20);
        assertThat(q.perCategory()).containsEntry(FileCategory.ARCHIVES, 20L << 30).containsEntry(FileCategory.JOB_LOGS, 2048L);
        assertThat(q.tenants().get("acme-prod")).containsEntry("total", 120L << 30).containsEntry("archives", 60L << 30);
        assertThat(q.database()).isZero();
        assertThat(new QuotaFile(config).forConnection("absent").any()).isFalse();
    }

    @Test
    void mistakesAreNamed() throws Exception {
        Files.writeString(config.resolve("quotas.yml"), "lab: { per_tenant: lots }\n");
        assertThatThrownBy(() -> new QuotaFile(config).forConnection("lab")).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("'lots'").hasMessageContaining("per_tenant");
        Files.writeString(config.resolve("quotas.yml"), "lab: { per_category: { payloads: 1GB } }\n");
        assertThatThrownBy(() -> new QuotaFile(config).forConnection("lab")).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("payloads");
        Files.writeString(config.resolve("quotas.yml"), "lab: { per_tennant: 1GB }\n");
        assertThatThrownBy(() -> new QuotaFile(config).forConnection("lab")).isInstanceOf(TidemarkException.class)
                .hasMessageContaining("per_tennant");
    }
}
