package io.tidemark.core;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancel request shared between whoever shows the work and the loop that does it; loops check it each pass. */
public final class Cancellation {

    private final AtomicBoolean requested = new AtomicBoolean();

    /** Asks the work to stop at its next check. */
    public void cancel() {
        requested.set(true);
    }

    /** Whether a stop was asked for. */
    public boolean isCancelled() {
        return requested.get();
    }

    /** Throws {@link CancelledException} when a stop was asked for; loops call it between units of work. */
    public void checkpoint() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Thrown out of a loop that saw a cancel request; what was done before it stays done and consistent. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("Cancelled by the user");
        }
    }
}
