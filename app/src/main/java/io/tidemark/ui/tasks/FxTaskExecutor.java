package io.tidemark.ui.tasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a small pool of daemon threads; progress reaches the FX thread coalesced (at most one pending update
 * per task), so a chatty loop never floods it.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private java.util.function.Consumer<FinishedTask> onFinished = finished -> { };

    public FxTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "tidemark-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Called on the FX thread when a titled task ends (the window turns it into a notice). */
    public void setOnFinished(java.util.function.Consumer<FinishedTask> listener) {
        this.onFinished = listener == null ? finished -> { } : listener;
    }

    /** The tasks in flight, for the status bar (FX thread). */
    public ObservableList<RunningTask> running() {
        return running;
    }

    @Override
    public <T> RunningTask submit(String title, BackgroundTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        RunningTask handle = new RunningTask(title == null ? "" : title);
        long started = System.nanoTime();
        if (title != null) {
            running.add(handle); // untitled tasks (the connection check) stay out of the status bar
        }
        AtomicReference<double[]> pendingFraction = new AtomicReference<>();
        AtomicReference<String> pendingMessage = new AtomicReference<>("");
        AtomicBoolean scheduled = new AtomicBoolean();
        pool.submit(() -> {
            T result;
            try {
                result = task.run((fraction, message) -> {
                    pendingFraction.set(new double[] {fraction});
                    pendingMessage.set(message);
                    if (scheduled.compareAndSet(false, true)) {
                        Platform.runLater(() -> {
                            scheduled.set(false);
                            handle.update(pendingFraction.get()[0], pendingMessage.get());
                        });
                    }
                }, handle.cancellation());
            } catch (Throwable failure) {
                if (!(failure instanceof io.tidemark.core.TidemarkException)) {
                    LOG.warn("Background task '{}' failed", title, failure);
                }
                Platform.runLater(() -> {
                    finish(handle);
                    onFailure.accept(failure);
                    if (title != null) {
                        boolean cancelled = failure instanceof io.tidemark.core.Cancellation.CancelledException;
                        onFinished.accept(new FinishedTask(title, cancelled ? FinishedTask.Outcome.CANCELLED : FinishedTask.Outcome.FAILED,
                                failure.getMessage(), java.time.Duration.ofNanos(System.nanoTime() - started)));
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                finish(handle);
                onSuccess.accept(result);
                if (title != null) {
                    onFinished.accept(new FinishedTask(title, handle.cancellation().isCancelled() ? FinishedTask.Outcome.CANCELLED
                            : FinishedTask.Outcome.DONE, null, java.time.Duration.ofNanos(System.nanoTime() - started)));
                }
            });
        });
        return handle;
    }

    private void finish(RunningTask handle) {
        handle.finish();
        running.remove(handle);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
