package io.tidemark.core.logs;

import java.util.List;

/**
 * One poll of a followed log: the complete lines written since the last poll, and what happened to the file.
 *
 * @param lines the new lines, decoded for display
 * @param event whether the file was rotated or truncated meanwhile
 */
public record TailPoll(List<String> lines, Event event) {

    /** What happened to the file in one poll. */
    public enum Event { NONE, ROTATED, TRUNCATED }

    public TailPoll {
        lines = List.copyOf(lines);
    }
}
