package io.tidemark.core.storage;

/**
 * A limit exceeded or nearly reached.
 *
 * @param level   exceeded, or near (at least {@link #NEAR_FRACTION} of the limit)
 * @param subject what is measured ("tenant acme-prod archives", "free disk")
 * @param used    the bytes used (for the free-disk floor: the bytes free)
 * @param limit   the limit in bytes
 * @param message the warning in words
 */
public record StorageWarning(Level level, String subject, long used, long limit, String message) {

    /** From this share of a limit on, a warning says the limit is near. */
    public static final double NEAR_FRACTION = 0.9;

    /** How serious a warning is. */
    public enum Level { NEAR, EXCEEDED }
}
