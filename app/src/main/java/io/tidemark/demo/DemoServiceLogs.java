package io.tidemark.demo;

import io.tidemark.demo.servicelogs.ServiceLogWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Writes the global service logs of a demo IntegraMon platform, each in the exact format of the program behind it. */
public final class DemoServiceLogs {

    // The programs' formats, the shared story and the rotation live in io.tidemark.demo.servicelogs.

    private final long seed;
    private final long rotateBytes;

    /** Creates a writer whose output depends only on the seed, the rotation size and the arguments of write. */
    public DemoServiceLogs(long seed, long rotateBytes) {
        if (rotateBytes < 0) {
            throw new IllegalArgumentException("rotateBytes must not be negative: " + rotateBytes);
        }
        this.seed = seed;
        this.rotateBytes = rotateBytes;
    }

    /** Writes every service log family under logDir for the time window [from, to), and returns the files written, sorted. */
    public List<Path> write(Path logDir, Instant from, Instant to, List<String> requestIds, long approxBytesPerFamily)
            throws IOException {
        return ServiceLogWriter.write(seed, rotateBytes, logDir, from, to, requestIds, approxBytesPerFamily);
    }
}
