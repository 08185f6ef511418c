package io.tidemark.ui.shell;

/** The screens of the main window, in navigation order. */
public enum Screen {
    OVERVIEW("Overview", null),
    STORAGE("Storage", null),
    GROWTH("Growth", "Storage history from snapshots and from the data itself, charts per table, tenant and category, "
            + "and a forecast of when the disk or a quota fills."),
    LOGS("Logs", null),
    ARCHIVE("Archive", "Export a tenant's day, verify it, browse its rows, restore it, and expire archives past their window."),
    PURGE("Purge", "Retention for every large table and log folder: a plan first, archive before delete, bounded "
            + "batches under lock and statement timeouts, progress and Cancel."),
    MAINTENANCE("Maintenance", "VACUUM, VACUUM FULL, ANALYZE and REINDEX with the reclaim, free disk and duration "
            + "they need told before you start."),
    HISTORY("History", "Everything Tidemark did on this platform (who, when, what, counts, outcome), and the "
            + "platform's own cleanup history and job runs.");

    private final String title;
    private final String comingNext;

    Screen(String title, String comingNext) {
        this.title = title;
        this.comingNext = comingNext;
    }

    /** The navigation label. */
    public String title() {
        return title;
    }

    /** What the screen will do, for screens not built yet; null for a working screen. */
    public String comingNext() {
        return comingNext;
    }
}
