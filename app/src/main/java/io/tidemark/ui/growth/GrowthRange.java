package io.tidemark.ui.growth;

/** The Growth screen's range presets. */
public enum GrowthRange {
    DAYS_30("30 days", 30),
    DAYS_90("90 days", 90),
    YEAR("1 year", 365),
    ALL("All", 0);

    private final String label;
    private final int days;

    GrowthRange(String label, int days) {
        this.label = label;
        this.days = days;
    }

    /** The button's label. */
    public String label() {
        return label;
    }

    /** Days shown, 0 for all. */
    public int days() {
        return days;
    }
}
