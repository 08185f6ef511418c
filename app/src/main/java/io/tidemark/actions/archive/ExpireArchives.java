package io.tidemark.actions.archive;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ExpiryPlan;
import io.tidemark.core.history.Outcome;
import io.tidemark.db.archive.ArchiveTable;
import io.tidemark.files.archive.ArchiveFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes archives past their window ({@code delete_older_than} days, by the date in the file name), with their rows.
 * The row goes first, then the file: an interruption leaves at worst a file no row records, never a row without a file.
 */
public final class ExpireArchives {

    /** What an expiry did. */
    public record Result(int deletedFiles, int deletedRows, long bytes, List<String> problems) {
    }

    private ExpireArchives() {
    }

    /** The archives older than {@code olderThanDays} days before today (UTC). */
    public static ExpiryPlan plan(PlatformSession session, int olderThanDays, Clock clock) {
        if (olderThanDays < 0) {
            throw new TidemarkException("--older-than must be 0 or more days.");
        }
        LocalDate firstKept = LocalDate.now(clock).minusDays(olderThanDays);
        List<ArchiveEntry> old = ListArchives.list(session, null).stream()
                .filter(e -> e.name().day().isBefore(firstKept)).toList();
        return new ExpiryPlan(olderThanDays, firstKept, old);
    }

    /** Deletes what the plan lists, with the audit history. */
    public static Result run(PlatformSession session, ExpiryPlan plan, HistoryStore history, Progress progress, Cancellation cancellation) {
        ArchiveSite site = ArchiveSite.of(session);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("older_than_days", plan.olderThanDays());
        audit.put("first_kept_day", plan.firstKeptDay().toString());
        audit.put("archives", plan.archives().stream().map(ArchiveJson::entry).toList());
        ArchiveHistory entry = ArchiveHistory.begin(history, session, "archive-expire",
                plan.archives().size() + " archives before " + plan.firstKeptDay(), audit);
        int files = 0;
        int rows = 0;
        long bytes = 0;
        List<String> problems = new ArrayList<>();
        try {
            ArchiveTable table = site.archiveTable().orElse(null);
            int done = 0;
            for (ArchiveEntry e : plan.archives()) {
                cancellation.checkpoint();
                progress.report((double) done++ / Math.max(1, plan.archives().size()), "Deleting " + e.name().fileName());
                if (e.recorded() && table != null && table.delete(e.record().id())) {
                    rows++;
                }
                if (e.hasFile()) {
                    Path folder = site.folder(e.tenant()).orElse(null);
                    try {
                        if (folder == null) {
                            problems.add("Skipped " + e.file() + ": the tenant's folder cannot be trusted.");
                        } else if (ArchiveFiles.deleteInside(folder, e.file())) {
                            files++;
                            bytes += e.sizeBytes();
                        }
                    } catch (IOException | TidemarkException ex) {
                        problems.add("Cannot delete " + e.file() + ": " + ex.getMessage());
                    }
                }
            }
            Result result = new Result(files, rows, bytes, problems);
            Map<String, Object> done2 = new LinkedHashMap<>();
            done2.put("deleted_files", files);
            done2.put("deleted_rows", rows);
            done2.put("bytes", bytes);
            done2.put("problems", problems);
            entry.finish(problems.isEmpty() ? Outcome.DONE : Outcome.PARTIAL, done2,
                    "Deleted " + files + " archive files and " + rows + " archive rows");
            return result;
        } catch (RuntimeException e) {
            entry.failed(e);
            throw e;
        }
    }
}
