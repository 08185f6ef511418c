package io.tidemark.ui.tasks;

import io.tidemark.core.Cancellation;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A task in flight as the status bar sees it: title, progress, message, and a Cancel. Updated on the FX thread only. */
public final class RunningTask {

    private final String title;
    private final Cancellation cancellation = new Cancellation();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);

    public RunningTask(String title) {
        this.title = title;
    }

    /** What the task does. */
    public String title() {
        return title;
    }

    /** Asks the task to stop at its next check. */
    public void cancel() {
        cancellation.cancel();
    }

    /** The cancel flag the work loop checks. */
    public Cancellation cancellation() {
        return cancellation;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    void update(double fraction, String text) {
        progress.set(fraction);
        message.set(text);
    }

    void finish() {
        running.set(false);
    }
}
