package io.tidemark.actions.purge;

import io.tidemark.core.purge.RetentionPolicy;

import java.time.Instant;
import java.util.List;

/**
 * What the administrator asked for.
 *
 * @param policy       the retention policy (configuration files, overridden by {@code -d})
 * @param tenant       only this tenant's rows and files, or null for all
 * @param tables       only these tables (empty: every table of the profile; then logs too)
 * @param archiveFirst archive (and verify) before deleting
 * @param withFiles    whether job and run logs are part of the plan
 * @param now          the plan's "now" (tests); null for the database's clock
 */
public record PurgeRequest(RetentionPolicy policy, String tenant, List<String> tables, boolean archiveFirst, boolean withFiles,
                           Instant now) {

    public PurgeRequest {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
