package io.tidemark.ui.shell;

/** The screens of the main window, in navigation order. */
public enum Screen {
    OVERVIEW("Overview", null),
    STORAGE("Storage", null),
    GROWTH("Growth", "Storage history from snapshots and from the data itself, charts per table, tenant and category, "
            + "and a forecast of when the disk or a quota fills."),
    LOGS("Logs", "Every service, job and run log per tenant in one tree, with a viewer that opens multi-gigabyte files "
            + "at once, searches, follows and merges them, and traces a request ID across files."),
    ARCHIVE("Archive", "Export a tenant's day, verify it, browse its rows, restore it, and expire archives past their window."),
    PURGE("Purge", null),
    MAINTENANCE("Maintenance", "VACUUM, VACUUM FULL, ANALYZE and REINDEX with the reclaim, free disk and duration "
            + "they need told before you start."),
    HISTORY("History", null);

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
