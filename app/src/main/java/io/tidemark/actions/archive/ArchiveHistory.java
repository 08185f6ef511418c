package io.tidemark.actions.archive;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.history.Outcome;

/** Writes an archive action to the audit history before it runs and after (a null store records nothing, for tests). */
final class ArchiveHistory {

    private final HistoryStore store;
    private final long id;

    private ArchiveHistory(HistoryStore store, long id) {
        this.store = store;
        this.id = id;
    }

    static ArchiveHistory begin(HistoryStore store, PlatformSession session, String kind, String subject, Object plan) {
        if (store == null) {
            return new ArchiveHistory(null, -1);
        }
        return new ArchiveHistory(store, store.begin(session.historyStart(kind, subject, json(plan))));
    }

    void finish(Outcome outcome, Object result, String message) {
        if (store != null) {
            store.finish(id, outcome, json(result), message);
        }
    }

    /** Records a failure: cancelled, or failed with the exception's sentence. */
    void failed(Throwable e) {
        if (e instanceof Cancellation.CancelledException) {
            finish(Outcome.CANCELLED, null, "Cancelled");
        } else {
            finish(Outcome.FAILED, null, e.getMessage());
        }
    }

    static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return ConfigMapper.json().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
