package io.tidemark.core.archive;

import java.util.Map;

/**
 * An archive plugin: it runs before a purge and keeps, in its own way, the rows the purge is about to delete. Plugins
 * are found with {@link java.util.ServiceLoader} and run only when the configuration names them under
 * {@code enabled_plugins.archives}. A plugin that throws stops the purge of the scope it was given.
 */
public interface ArchivePlugin {

    /** The name the configuration enables it by ("csv"). */
    String name();

    /**
     * Keeps the rows of {@code scope} before they are purged; returns only when they are safely written.
     *
     * @param configuration the whole configuration, as a map (the plugin reads its own settings from it)
     * @param scope         what is about to be purged
     * @param context       where to write and how to read the scope's rows
     * @throws Exception when the rows could not be kept: the purge of {@code scope} does not run
     */
    void beforePurge(Map<String, Object> configuration, ArchiveScope scope, ArchivePluginContext context) throws Exception;
}
