package io.tidemark.ui.tasks;

import java.time.Duration;

/**
 * A titled background task that has ended, for the notice the window shows when work finishes while the user is
 * elsewhere.
 *
 * @param title   what it did ("Purging cel")
 * @param outcome how it ended
 * @param message the failure's sentence, or null
 * @param took    how long it ran
 */
public record FinishedTask(String title, Outcome outcome, String message, Duration took) {

    /** How a task ended. */
    public enum Outcome { DONE, FAILED, CANCELLED }
}
