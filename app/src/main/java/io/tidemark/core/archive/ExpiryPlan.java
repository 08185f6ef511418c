package io.tidemark.core.archive;

import java.time.LocalDate;
import java.util.List;

/**
 * Archives past their window, to be deleted with their archive-table rows.
 *
 * @param olderThanDays the window ({@code delete_older_than})
 * @param firstKeptDay  archives of this day and later are kept
 * @param archives      what would be deleted
 */
public record ExpiryPlan(int olderThanDays, LocalDate firstKeptDay, List<ArchiveEntry> archives) {

    public ExpiryPlan {
        archives = List.copyOf(archives);
    }

    /** Bytes the deletion frees. */
    public long bytes() {
        return archives.stream().filter(ArchiveEntry::hasFile).mapToLong(ArchiveEntry::sizeBytes).sum();
    }
}
