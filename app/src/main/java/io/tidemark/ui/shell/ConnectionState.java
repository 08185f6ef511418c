package io.tidemark.ui.shell;

/** The status bar's connection light. */
public enum ConnectionState {
    DISCONNECTED("not connected"),
    CONNECTING("connecting…"),
    CONNECTED("connected"),
    LOST("connection lost · retrying");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    /** The words the status bar shows. */
    public String label() {
        return label;
    }
}
