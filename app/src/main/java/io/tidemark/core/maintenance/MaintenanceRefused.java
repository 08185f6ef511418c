package io.tidemark.core.maintenance;

import io.tidemark.core.TidemarkException;

/** Tidemark refused to run a command (confirmation missing or wrong, read-only role, not enough disk): nothing changed. */
public final class MaintenanceRefused extends TidemarkException {

    public MaintenanceRefused(String message) {
        super(message);
    }
}
