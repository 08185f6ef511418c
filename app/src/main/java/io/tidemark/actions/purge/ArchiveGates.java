package io.tidemark.actions.purge;

/**
 * The archive gate of a purge with "archive first": {@link ArchiveFirstGate}, which exports (or finds verified) an archive
 * of every tenant-day the plan deletes and runs the archive plugins of {@code enabled_plugins.archives}. Nothing of a
 * tenant or table whose archive failed is deleted, unlike xivo-purge-db, which purges even when its plugin failed.
 */
public final class ArchiveGates {

    private ArchiveGates() {
    }

    /** The gate to use when archive first is asked, on {@code session}, recording its exports in {@code history} (or not, when null). */
    public static ArchiveGate forPlatform(io.tidemark.actions.PlatformSession session, io.tidemark.config.history.HistoryStore history,
                                          io.tidemark.core.Progress progress) {
        return new ArchiveFirstGate(session, history, progress);
    }
}
