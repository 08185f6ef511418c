package io.tidemark.actions.logs;

import io.tidemark.core.logs.TailPoll;
import io.tidemark.files.logs.LogFollower;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Follows a growing log by polling, across rotation and truncation. */
public final class LogTail implements Closeable {

    private final LogFollower follower;

    /** Starts at the end of {@code path} (its last complete line). */
    public LogTail(Path path) throws IOException {
        this.follower = new LogFollower(path, true);
    }

    /** What was written since the last poll. */
    public TailPoll poll() throws IOException {
        return follower.poll();
    }

    @Override
    public void close() throws IOException {
        follower.close();
    }
}
