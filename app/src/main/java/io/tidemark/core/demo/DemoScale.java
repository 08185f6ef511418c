package io.tidemark.core.demo;

/** How big a demo platform is: small builds in seconds, large is for benchmarks (5 million message logs, 300,000 files). */
public enum DemoScale {
    SMALL(8, 90, 62.5, 6, 120_000, 400_000, 0.35, 0.012),
    LARGE(40, 365, 380, 16, 10L * 1024 * 1024, 45L * 1024 * 1024, 0.04, 0.002);

    private final int defaultTenants;
    private final int defaultDays;
    /** Average message logs per tenant and day, before weights, growth and seasonality. */
    private final double messagesPerTenantDay;
    /** How many times a day the fetch job runs for each tenant. */
    private final int fetchRunsPerDay;
    private final long logRotateBytes;
    private final long logBytesPerFamily;
    /** Share of message logs that keep their payload. */
    private final double payloadShare;
    /** Share of message logs that carry an attachment. */
    private final double attachmentShare;

    DemoScale(int defaultTenants, int defaultDays, double messagesPerTenantDay, int fetchRunsPerDay, long logRotateBytes,
              long logBytesPerFamily, double payloadShare, double attachmentShare) {
        this.defaultTenants = defaultTenants;
        this.defaultDays = defaultDays;
        this.messagesPerTenantDay = messagesPerTenantDay;
        this.fetchRunsPerDay = fetchRunsPerDay;
        this.logRotateBytes = logRotateBytes;
        this.logBytesPerFamily = logBytesPerFamily;
        this.payloadShare = payloadShare;
        this.attachmentShare = attachmentShare;
    }

    /** The number of tenants when none is given. */
    public int defaultTenants() {
        return defaultTenants;
    }

    /** The number of days of history when none is given. */
    public int defaultDays() {
        return defaultDays;
    }

    /** Average message logs per tenant and day, before weights, growth and seasonality. */
    public double messagesPerTenantDay() {
        return messagesPerTenantDay;
    }

    /** How many times a day the fetch job runs for each tenant. */
    public int fetchRunsPerDay() {
        return fetchRunsPerDay;
    }

    /** The size at which service logs rotate. */
    public long logRotateBytes() {
        return logRotateBytes;
    }

    /** The bytes written per service log family (older ones drop out by rotation). */
    public long logBytesPerFamily() {
        return logBytesPerFamily;
    }

    /** Share of message logs that keep their payload. */
    public double payloadShare() {
        return payloadShare;
    }

    /** Share of message logs that carry an attachment. */
    public double attachmentShare() {
        return attachmentShare;
    }
}
