package io.tidemark.core.archive;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An archive file's name, {@code <config>_YYYY_MM_DD.archive[.sqlite][.gz]}: the tenant, the day it holds, its format
 * and whether it is gzip-compressed.
 */
public record ArchiveName(String tenant, LocalDate day, ArchiveFormat format, boolean compressed) {

    private static final Pattern NAME = Pattern.compile("(.+)_(\\d{4})_(\\d{2})_(\\d{2})\\.archive(\\.sqlite)?(\\.gz)?");

    /** The file name. */
    public String fileName() {
        return String.format(Locale.ROOT, "%s_%04d_%02d_%02d%s%s", tenant, day.getYear(), day.getMonthValue(),
                day.getDayOfMonth(), format.suffix(), compressed ? ".gz" : "");
    }

    /** The temporary name the file is written under before it is verified and renamed (hidden, same folder). */
    public String temporaryName() {
        return "." + fileName() + TEMPORARY_SUFFIX;
    }

    /** What every temporary archive name ends with. */
    public static final String TEMPORARY_SUFFIX = ".tmp";

    /** Whether {@code fileName} is a temporary archive a crash may have left behind. */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMPORARY_SUFFIX) && fileName.contains(".archive");
    }

    /** The archive a file name names, or empty when it is not an archive's name (or not a real date). */
    public static Optional<ArchiveName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            return Optional.of(new ArchiveName(m.group(1), day, m.group(5) != null ? ArchiveFormat.SQLITE : ArchiveFormat.POSTGRES,
                    m.group(6) != null));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
