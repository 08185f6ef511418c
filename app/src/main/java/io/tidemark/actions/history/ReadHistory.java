package io.tidemark.actions.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.HistoryQuery;
import java.util.List;

/** Reads what Tidemark did, for the History screen and the {@code history} command. */
public final class ReadHistory {

    private ReadHistory() {
    }

    /** The entries {@code query} selects, newest first, from the user's history. */
    public static List<HistoryEntry> read(UserFolders folders, HistoryQuery query) {
        return HistoryStore.open(folders).list(query);
    }

    /**
     * The platform's own records beside Tidemark's: its tenant cleanup history and worker job runs, newest first, at
     * most {@code limit} of each, started at or after {@code since} (null: all).
     */
    public static List<io.tidemark.core.history.PlatformRecord> platformRecords(io.tidemark.actions.PlatformSession session,
                                                                                java.time.Instant since, int limit) {
        return io.tidemark.db.history.PlatformRecords.read(session.database(), session.profile(), since, limit);
    }

    /** Where the history is kept, for the screen to say. */
    public static String location(UserFolders folders) {
        return HistoryStore.open(folders).file().toString();
    }

    /** A plan or result laid out for reading (indented JSON), or the text as it is when it is not JSON. */
    public static String readable(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            JsonNode tree = ConfigMapper.json().readTree(json);
            return ConfigMapper.json().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (Exception notJson) {
            return json;
        }
    }
}
