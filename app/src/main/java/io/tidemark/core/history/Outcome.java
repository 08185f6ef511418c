package io.tidemark.core.history;

/** How a recorded action ended. */
public enum Outcome {
    /** Started and not finished yet (or its process is still running). */
    RUNNING,
    /** Everything planned was done. */
    DONE,
    /** Some of the plan was done; the result says what. */
    PARTIAL,
    /** It stopped on an error; the message says which. */
    FAILED,
    /** The user cancelled it; the result says how far it got. */
    CANCELLED,
    /** A safety check or a missing confirmation stopped it before it changed anything. */
    REFUSED,
    /** Its process ended without finishing it (killed, crashed, machine restarted). */
    INTERRUPTED;

    /** Whether the action has ended. */
    public boolean ended() {
        return this != RUNNING;
    }
}
