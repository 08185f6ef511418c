package io.tidemark.files.purge;

import io.tidemark.core.purge.FileDelete;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the files a purge deletes in one tenant's folders, as the platform's own log cleanup does: aggregated job logs
 * ({@code <job>/<YYYY-MM-DD>.log}) by the date in their name, run logs by modification time, and archives
 * ({@code <tenant>_YYYY_MM_DD.archive…}) by the day in their name. Links are never followed.
 */
public final class RetentionFiles {

    private static final Pattern JOB_LOG = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\.log(\\.gz)?$");
    private static final Pattern ARCHIVE = Pattern.compile("_(\\d{4})_(\\d{2})_(\\d{2})\\.archive(\\.sqlite)?(\\.gz)?$");

    private RetentionFiles() {
    }

    /** Job logs under {@code jobsRoot} ({@code <job>/<date>.log}) whose date is before {@code cutoffDay}. */
    public static List<FileDelete> jobLogs(Path jobsRoot, String tenant, LocalDate cutoffDay) throws IOException {
        List<FileDelete> out = new ArrayList<>();
        for (Path jobDir : folders(jobsRoot)) {
            for (Path file : files(jobDir)) {
                Matcher m = JOB_LOG.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                LocalDate day;
                try {
                    day = LocalDate.parse(m.group(1));
                } catch (DateTimeParseException e) {
                    continue;
                }
                if (day.isBefore(cutoffDay)) {
                    out.add(new FileDelete(jobsRoot, file, FileDelete.Kind.JOB_LOG, tenant, size(file), day));
                }
            }
        }
        return out;
    }

    /** Run logs under {@code runsRoot} ({@code <job>/<run_id>.log}) last modified before {@code cutoff}. */
    public static List<FileDelete> runLogs(Path runsRoot, String tenant, Instant cutoff, ZoneId zone) throws IOException {
        List<FileDelete> out = new ArrayList<>();
        for (Path jobDir : folders(runsRoot)) {
            for (Path file : files(jobDir)) {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Instant modified = a.lastModifiedTime().toInstant();
                if (modified.isBefore(cutoff)) {
                    out.add(new FileDelete(runsRoot, file, FileDelete.Kind.RUN_LOG, tenant, a.size(), LocalDate.ofInstant(modified, zone)));
                }
            }
        }
        return out;
    }

    /** Archives in {@code archiveDir} whose day is before {@code cutoffDay}. */
    public static List<FileDelete> archives(Path archiveDir, String tenant, LocalDate cutoffDay) throws IOException {
        List<FileDelete> out = new ArrayList<>();
        for (Path file : files(archiveDir)) {
            Matcher m = ARCHIVE.matcher(file.getFileName().toString());
            if (!m.find()) {
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (RuntimeException e) {
                continue;
            }
            if (day.isBefore(cutoffDay)) {
                out.add(new FileDelete(archiveDir, file, FileDelete.Kind.ARCHIVE, tenant, size(file), day));
            }
        }
        return out;
    }

    private static List<Path> folders(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static long size(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
    }
}
