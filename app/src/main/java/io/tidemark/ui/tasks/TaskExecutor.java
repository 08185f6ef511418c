package io.tidemark.ui.tasks;

import java.util.function.Consumer;

/** Runs background tasks and hands their outcome back on the FX thread, in one place. */
public interface TaskExecutor {

    /**
     * Starts {@code task}; exactly one of {@code onSuccess} and {@code onFailure} is called later on the FX thread.
     *
     * @param title what the status bar shows while it runs ("Reading the overview"), or null to run quietly
     */
    <T> RunningTask submit(String title, BackgroundTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
