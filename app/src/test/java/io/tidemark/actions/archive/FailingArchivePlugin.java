package io.tidemark.actions.archive;

import io.tidemark.core.archive.ArchivePlugin;
import io.tidemark.core.archive.ArchivePluginContext;
import io.tidemark.core.archive.ArchiveScope;
import java.io.IOException;
import java.util.Map;

/** A test plugin (registered in the test resources) that fails on the tables its configuration names. */
public final class FailingArchivePlugin implements ArchivePlugin {

    @Override
    public String name() {
        return "failing";
    }

    @Override
    public void beforePurge(Map<String, Object> configuration, ArchiveScope scope, ArchivePluginContext context) throws Exception {
        Object tables = configuration.get("failing_tables");
        if (tables instanceof java.util.List<?> list && list.contains(scope.table())) {
            throw new IOException("the tape library is offline");
        }
    }
}
