package io.tidemark.ui.shell;

/** The screens of the main window, in navigation order. */
public enum Screen {
    OVERVIEW("Overview", null),
    STORAGE("Storage", null),
    GROWTH("Growth", null),
    LOGS("Logs", null),
    ARCHIVE("Archive", null),
    PURGE("Purge", null),
    MAINTENANCE("Maintenance", null),
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
