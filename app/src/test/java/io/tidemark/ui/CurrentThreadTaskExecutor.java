package io.tidemark.ui;

import io.tidemark.core.Progress;
import io.tidemark.ui.tasks.BackgroundTask;
import io.tidemark.ui.tasks.RunningTask;
import io.tidemark.ui.tasks.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs tasks at once on the calling thread, so view-model tests see the outcome without waiting. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    /** The titles of the tasks run, in order. */
    public final List<String> titles = new ArrayList<>();

    @Override
    public <T> RunningTask submit(String title, BackgroundTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        titles.add(title);
        RunningTask handle = new RunningTask(title == null ? "" : title);
        T result;
        try {
            result = task.run(Progress.NONE, handle.cancellation());
        } catch (Throwable failure) {
            onFailure.accept(failure);
            return handle;
        }
        onSuccess.accept(result);
        return handle;
    }
}
