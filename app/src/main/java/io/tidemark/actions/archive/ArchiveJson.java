package io.tidemark.actions.archive;

import io.tidemark.core.archive.ArchiveCheck;
import io.tidemark.core.archive.ArchiveEntry;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.ArchiveRecord;
import io.tidemark.core.archive.FolderCheck;
import io.tidemark.core.archive.RestoreReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Archive records as plain maps, for {@code --json} output and the audit history (fields in docs/archives.md). */
public final class ArchiveJson {

    private ArchiveJson() {
    }

    public static Map<String, Object> entry(ArchiveEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", e.tenant());
        m.put("day", e.name().day().toString());
        m.put("file_name", e.name().fileName());
        m.put("path", e.file() == null ? null : e.file().toString());
        m.put("format", e.name().format().label());
        m.put("compressed", e.name().compressed());
        m.put("size_bytes", e.sizeBytes());
        m.put("rows", e.recorded() ? e.rows() : null);
        m.put("has_file", e.hasFile());
        m.put("recorded", e.recorded());
        m.put("created_at", e.recorded() && e.record().createdAt() != null ? e.record().createdAt().toString() : null);
        return m;
    }

    public static Map<String, Object> manifest(ArchiveManifest manifest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", manifest.formatVersion());
        m.put("tenant", manifest.tenant());
        m.put("tenant_id", manifest.tenantId());
        m.put("day", manifest.day().toString());
        m.put("family", manifest.family());
        m.put("source", manifest.source());
        m.put("created_at", manifest.createdAt().toString());
        m.put("tidemark_version", manifest.tidemarkVersion());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (ArchiveManifest.TableContent t : manifest.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("table", t.table());
            table.put("rows", t.rows());
            table.put("sha256", t.sha256());
            tables.add(table);
        }
        m.put("tables", tables);
        return m;
    }

    public static Map<String, Object> check(ArchiveCheck check) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", check.file().toString());
        m.put("ok", check.ok());
        m.put("problems", check.problems());
        m.put("rows", check.actualRows());
        m.put("manifest", check.manifest() == null ? null : manifest(check.manifest()));
        return m;
    }

    public static Map<String, Object> folders(FolderCheck check) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", check.ok());
        m.put("rows_without_files", check.rowsWithoutFiles().stream().map(ArchiveJson::record).toList());
        m.put("files_without_rows", check.filesWithoutRows().stream().map(Path::toString).toList());
        m.put("leftovers", check.leftovers().stream().map(Path::toString).toList());
        m.put("files", check.files().stream().map(ArchiveJson::check).toList());
        return m;
    }

    public static Map<String, Object> record(ArchiveRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("tenant", r.tenant());
        m.put("day", r.day().toString());
        m.put("file_name", r.fileName());
        m.put("format", r.format());
        m.put("rows", r.rowCount());
        return m;
    }

    public static Map<String, Object> restore(RestoreReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("restored", report.restored());
        m.put("skipped", report.skipped());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (RestoreReport.TableRestore t : report.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("table", t.table());
            table.put("restored", t.restored());
            table.put("skipped", t.skipped());
            tables.add(table);
        }
        m.put("tables", tables);
        return m;
    }
}
