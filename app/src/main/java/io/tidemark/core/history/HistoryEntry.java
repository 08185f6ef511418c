package io.tidemark.core.history;

import java.time.Duration;
import java.time.Instant;

/**
 * One action Tidemark took, as the history keeps it.
 *
 * @param id            its number in the history, growing with time
 * @param kind          what it was ({@link HistoryStart#kind()})
 * @param platformKey   the platform's key
 * @param platformTitle the platform's label
 * @param osUser        who ran it: the operating-system account
 * @param host          on which machine
 * @param dbRole        the database role, or null
 * @param subject       what it acted on, or null
 * @param started       when it started
 * @param finished      when it ended, or null while it runs
 * @param outcome       how it ended
 * @param planJson      the plan it followed, or null
 * @param resultJson    the counts it reached, or null
 * @param message       a sentence about the outcome (the error, what was refused), or null
 */
public record HistoryEntry(long id, String kind, String platformKey, String platformTitle, String osUser, String host,
                           String dbRole, String subject, Instant started, Instant finished, Outcome outcome,
                           String planJson, String resultJson, String message) {

    /** How long it ran, or null while it runs. */
    public Duration duration() {
        return finished == null ? null : Duration.between(started, finished);
    }
}
