package io.tidemark.core;

/**
 * A failure the administrator can act on: its message says what went wrong and what to do, in plain words,
 * and is shown as is by the CLI and the GUI (no stack trace).
 */
public class TidemarkException extends RuntimeException {

    public TidemarkException(String message) {
        super(message);
    }

    public TidemarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
