package io.tidemark.ui.tasks;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;

/**
 * A piece of work that must not run on the JavaFX thread (database, disk, logs): it reports progress and stops
 * at its next check when cancelled.
 */
@FunctionalInterface
public interface BackgroundTask<T> {

    /** Does the work off the FX thread. */
    T run(Progress progress, Cancellation cancellation) throws Exception;
}
