package io.tidemark.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Limits against measured figures: exceeded, near, and a tenant's own limit over the general one. */
class QuotaCheckTest {

    private static final long MB = 1024 * 1024;

    private static DataDirUsage usage() {
        Map<String, Map<FileCategory, Usage>> tenants = Map.of(
                "acme", Map.of(FileCategory.ARCHIVES, new Usage(10, 95 * MB, 0, 1), FileCategory.JOB_LOGS, new Usage(3, 5 * MB, 0, 1)),
                "globex", Map.of(FileCategory.ARCHIVES, new Usage(2, 30 * MB, 0, 1)));
        return new DataDirUsage("/data", tenants, Map.of(), Usage.NONE, Usage.NONE, Usage.NONE, List.of(), Instant.EPOCH, Duration.ZERO, 0, List.of());
    }

    @Test
    void noLimitsNoWarnings() {
        assertThat(QuotaCheck.check(Quotas.NONE, 10 * MB, usage(), 1, Map.of())).isEmpty();
    }

    @Test
    void exceededComesFirstThenNear() {
        Quotas quotas = new Quotas(50 * MB, 0, 0, 0, Map.of(FileCategory.ARCHIVES, 100 * MB),
                Map.of("globex", Map.of("archives", 25 * MB)));
        List<StorageWarning> warnings = QuotaCheck.check(quotas, 0, usage(), 40 * MB, Map.of());
        assertThat(warnings).extracting(StorageWarning::level, StorageWarning::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(StorageWarning.Level.EXCEEDED, "tenant globex archives"),
                org.assertj.core.groups.Tuple.tuple(StorageWarning.Level.EXCEEDED, "free disk"),
                org.assertj.core.groups.Tuple.tuple(StorageWarning.Level.NEAR, "tenant acme archives"));
        assertThat(warnings.get(0).message()).contains("over its limit of 25 MB");
        assertThat(warnings.get(2).message()).contains("95 %");
    }

    @Test
    void aTenantWithRowsButNoFilesIsHeldToItsLimitEvenWithoutDataDir() {
        Quotas quotas = new Quotas(0, 0, 0, 40 * MB, Map.of(), Map.of());
        assertThat(QuotaCheck.check(quotas, 0, null, -1, Map.of("ghost", 60 * MB)))
                .singleElement().satisfies(w -> assertThat(w.subject()).isEqualTo("tenant ghost"));
        assertThat(QuotaCheck.check(quotas, 0, usage(), -1, Map.of("ghost", 60 * MB)))
                .extracting(StorageWarning::subject).contains("tenant ghost");
    }

    @Test
    void aTenantsTotalCountsItsDatabaseShare() {
        Quotas quotas = new Quotas(0, 0, 0, 120 * MB, Map.of(), Map.of());
        assertThat(QuotaCheck.check(quotas, 0, usage(), -1, Map.of())).isEmpty();
        assertThat(QuotaCheck.check(quotas, 0, usage(), -1, Map.of("acme", 30 * MB)))
                .singleElement().satisfies(w -> {
                    assertThat(w.subject()).isEqualTo("tenant acme");
                    assertThat(w.used()).isEqualTo(130 * MB);
                });
    }
}
