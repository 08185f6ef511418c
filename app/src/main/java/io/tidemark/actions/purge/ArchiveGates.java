package io.tidemark.actions.purge;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the archive gate of this build: the first {@link ArchiveGate} registered as a service
 * ({@code META-INF/services/io.tidemark.actions.purge.ArchiveGate}, where the Archive feature plugs in). Without one,
 * "archive first" refuses to delete anything, rather than purging unarchived rows as xivo-purge-db does.
 */
public final class ArchiveGates {

    private ArchiveGates() {
    }

    /** The gate to use when archive first is asked. */
    public static ArchiveGate available() {
        return ServiceLoader.load(ArchiveGate.class).findFirst().orElse((plan, configuration, cancellation) ->
                new ArchiveGate.GateResult(List.of(new ArchiveGate.Failure(null, null,
                        "No archive is available in this build, so nothing was deleted: purge without archive first, or install the archive plugins."))));
    }
}
