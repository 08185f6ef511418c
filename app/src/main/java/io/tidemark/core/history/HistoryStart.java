package io.tidemark.core.history;

import java.util.Objects;

/**
 * What is recorded when an action starts, before it changes anything.
 *
 * @param kind          what it is: "purge", "archive-export", "archive-restore", "archive-expire", "vacuum",
 *                      "vacuum-full", "analyze", "reindex", "tenant-cleanup", "snapshot", …
 * @param platformKey   the platform's stable key ({@code PlatformSession.key()})
 * @param platformTitle a label a person recognises ("platform.sqlite3", "prod@db1")
 * @param dbRole        the database role it runs as, or null when there is none (SQLite)
 * @param subject       what it acts on, in a few words ("cpimessagelog", "tenant acme, 2026-11-10"), or null
 * @param planJson      the exact plan as JSON, or null when the action has none
 */
public record HistoryStart(String kind, String platformKey, String platformTitle, String dbRole, String subject,
                           String planJson) {

    public HistoryStart {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(platformKey, "platformKey");
    }
}
