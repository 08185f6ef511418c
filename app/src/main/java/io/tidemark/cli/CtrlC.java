package io.tidemark.cli;

import io.tidemark.core.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a long command: cancels the work and holds the JVM (up to 15 s) until the work has stopped cleanly —
 * the batch or statement in flight ended, a half-written file removed — instead of dying in the middle of it.
 * Close it when the work is over.
 */
final class CtrlC implements AutoCloseable {

    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC(Cancellation cancellation) {
        hook = new Thread(() -> {
            cancellation.cancel();
            try {
                ended.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tidemark-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** From now until {@link #close}, Ctrl-C cancels {@code cancellation} and waits for the work to stop. */
    static CtrlC cancels(Cancellation cancellation) {
        return new CtrlC(cancellation);
    }

    @Override
    public void close() {
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting after Ctrl-C; the hook is running and now returns
        }
    }
}
