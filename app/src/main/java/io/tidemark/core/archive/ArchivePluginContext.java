package io.tidemark.core.archive;

import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import java.nio.file.Path;
import java.util.List;

/** What an archive plugin gets to work with: a folder of its own and the scope's rows. */
public interface ArchivePluginContext {

    /** A folder for this plugin's files for the scope's tenant (created; every path stays inside it). */
    Path outputFolder();

    /** Streams the scope's rows, in key order. */
    void readRows(ScopeRows visitor) throws Exception;

    /** Where the plugin reports progress. */
    Progress progress();

    /** Checked by long plugins between rows. */
    Cancellation cancellation();

    /** Receives a scope's rows: first the columns, then each row's values. */
    interface ScopeRows {

        /** The table's columns, called once before the rows. */
        void columns(List<String> columns) throws Exception;

        /** One row (Long, Double, String, byte[] or null). */
        void row(Object[] values) throws Exception;
    }
}
