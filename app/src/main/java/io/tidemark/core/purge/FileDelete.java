package io.tidemark.core.purge;

import java.nio.file.Path;

/**
 * A file a purge deletes: a job log past its retention (by the date in its name), a run log (by modification time),
 * or an archive past its window.
 *
 * @param root   the folder the file must stay inside (the tenant's log or archive folder); deletes never leave it
 * @param path   the file
 * @param kind   what it is
 * @param tenant the tenant it belongs to
 * @param bytes  its size when the plan was made
 * @param day    the day it covers (name date, modification day or archive day)
 */
public record FileDelete(Path root, Path path, Kind kind, String tenant, long bytes, java.time.LocalDate day) {

    /** What a deleted file is. */
    public enum Kind {
        JOB_LOG("job logs"), RUN_LOG("run logs"), ARCHIVE("archives");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** In words, plural. */
        public String label() {
            return label;
        }
    }
}
