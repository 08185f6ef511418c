package io.tidemark.files.growth;

import io.tidemark.core.Cancellation;
import io.tidemark.core.growth.GrowthCategory;
import io.tidemark.core.growth.RebuiltVolumes.FileDay;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.TenantFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files per tenant, category and day, read back from DATA_DIR: archives by the day in their names, job logs by the
 * date in their names, run logs by their modification times (UTC). Never follows a link.
 */
public final class DailyFileVolumes {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private final DataDirLayout layout;
    private final List<String> archiveNames;

    /** @param archiveNames the profile's archive name templates ({@code {config}_{yyyy}_{MM}_{dd}.archive…}) */
    public DailyFileVolumes(DataDirLayout layout, List<String> archiveNames) {
        this.layout = layout;
        this.archiveNames = archiveNames;
    }

    /** Walks every tenant's archive, job log and run log folders. */
    public List<FileDay> read(Cancellation cancellation) {
        List<FileDay> days = new ArrayList<>();
        for (TenantFolders tenant : layout.tenants()) {
            cancellation.checkpoint();
            List<Pattern> archives = archiveNames.stream().map(n -> archivePattern(n, tenant.tenant())).toList();
            Map<LocalDate, long[]> archiveDays = new TreeMap<>();
            walk(tenant.tenantDir().resolve(layout.archiveFolder()), (file, attrs) -> {
                String name = file.getFileName().toString();
                for (Pattern p : archives) {
                    Matcher m = p.matcher(name);
                    if (m.matches()) {
                        LocalDate day = date(m.group("y") + "-" + m.group("m") + "-" + m.group("d"));
                        if (day != null) {
                            add(archiveDays, day, attrs.size());
                        }
                        return;
                    }
                }
            });
            Map<LocalDate, long[]> jobDays = new TreeMap<>();
            walk(tenant.jobLogDir().resolve(layout.jobLogFolder()), (file, attrs) -> {
                Matcher m = ISO_DATE.matcher(file.getFileName().toString());
                LocalDate day = m.find() ? date(m.group(1)) : null;
                if (day != null) {
                    add(jobDays, day, attrs.size());
                }
            });
            Map<LocalDate, long[]> runDays = new TreeMap<>();
            walk(tenant.jobLogDir().resolve(layout.runLogFolder()), (file, attrs) ->
                    add(runDays, attrs.lastModifiedTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate(), attrs.size()));
            collect(days, tenant.tenant(), GrowthCategory.ARCHIVES, archiveDays);
            collect(days, tenant.tenant(), GrowthCategory.JOB_LOGS, jobDays);
            collect(days, tenant.tenant(), GrowthCategory.RUN_LOGS, runDays);
        }
        return days;
    }

    /** An archive name template as a pattern with groups y, m and d for the day. */
    static Pattern archivePattern(String template, String tenant) {
        StringBuilder regex = new StringBuilder();
        Matcher token = Pattern.compile("\\{(config|yyyy|MM|dd)}").matcher(template);
        int at = 0;
        while (token.find()) {
            regex.append(Pattern.quote(template.substring(at, token.start())));
            regex.append(switch (token.group(1)) {
                case "config" -> Pattern.quote(tenant);
                case "yyyy" -> "(?<y>\\d{4})";
                case "MM" -> "(?<m>\\d{2})";
                default -> "(?<d>\\d{2})";
            });
            at = token.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void add(Map<LocalDate, long[]> days, LocalDate day, long bytes) {
        long[] v = days.computeIfAbsent(day, d -> new long[2]);
        v[0]++;
        v[1] += bytes;
    }

    private static void collect(List<FileDay> into, String tenant, GrowthCategory category, Map<LocalDate, long[]> days) {
        days.forEach((day, v) -> into.add(new FileDay(tenant, category, day, v[0], v[1])));
    }

    private interface FileVisit {
        void visit(Path file, BasicFileAttributes attrs);
    }

    private static void walk(Path folder, FileVisit visit) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        visit.visit(file, attrs);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // unreadable or gone while walking: the scan reports those
                }
            });
        } catch (NoSuchFileException e) {
            // gone while walking
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
