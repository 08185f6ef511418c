package io.tidemark.actions;

import io.tidemark.core.TidemarkException;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.Usage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes the storage review as CSV (exact byte counts, RFC 4180 quoting), to a temporary name then renamed. */
public final class StorageCsv {

    private StorageCsv() {
    }

    /** The database's tables, one line each. */
    public static void writeTables(StorageReport report, Path file) {
        write(file, List.of("table", "in_profile", "rows", "rows_exact", "table_bytes", "index_bytes", "toast_bytes", "total_bytes",
                "dead_rows", "bloat_bytes", "bloat_source", "last_vacuum", "last_autovacuum", "last_analyze", "last_autoanalyze"),
                report.database().tables().stream().map(t -> List.<Object>of(t.table(), t.inProfile(), t.rows(), t.rowsExact(),
                        t.tableBytes(), t.indexBytes(), t.toastBytes(), t.totalBytes(), t.deadRows(), t.bloatBytes(),
                        t.bloatSource().name().toLowerCase(java.util.Locale.ROOT), text(t.lastVacuum()), text(t.lastAutovacuum()),
                        text(t.lastAnalyze()), text(t.lastAutoanalyze()))).toList());
    }

    /** DATA_DIR per tenant and category, one line each tenant. */
    public static void writeTenants(StorageReport report, Path file) {
        if (report.dataDir() == null) {
            throw new TidemarkException("This connection has no DATA_DIR: there is no tenant usage to export.");
        }
        var usage = report.dataDir();
        write(file, List.of("tenant", "archive_bytes", "job_log_bytes", "run_log_bytes", "other_bytes", "total_bytes", "files",
                "oldest", "newest", "db_rows", "db_bytes", "db_rows_exact"),
                usage.tenants().entrySet().stream().map(e -> {
                    Usage all = e.getValue().values().stream().reduce(Usage.NONE, Usage::plus);
                    var rows = report.tenantRows().get(e.getKey());
                    return List.<Object>of(e.getKey(), bytes(e.getValue(), FileCategory.ARCHIVES), bytes(e.getValue(), FileCategory.JOB_LOGS),
                            bytes(e.getValue(), FileCategory.RUN_LOGS), bytes(e.getValue(), FileCategory.TENANT_OTHER), all.bytes(),
                            all.files(), all.isEmpty() ? "" : Instant.ofEpochMilli(all.oldestMillis()).toString(),
                            all.isEmpty() ? "" : Instant.ofEpochMilli(all.newestMillis()).toString(),
                            rows == null ? 0 : rows.rows(), rows == null ? 0 : rows.bytes(), rows == null || rows.exact());
                }).toList());
    }

    private static long bytes(Map<FileCategory, Usage> byCategory, FileCategory category) {
        return byCategory.getOrDefault(category, Usage.NONE).bytes();
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static void write(Path file, List<String> header, List<List<Object>> rows) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(line(header.stream().map(h -> (Object) h).toList()));
                for (List<Object> row : rows) {
                    out.write(line(row));
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the message below says what failed; a leftover .tmp file is named after the export
            }
            throw new TidemarkException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String line(List<Object> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String v = String.valueOf(values.get(i));
            line.append(i == 0 ? "" : ",");
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                line.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                line.append(v);
            }
        }
        return line.append("\r\n").toString();
    }
}
