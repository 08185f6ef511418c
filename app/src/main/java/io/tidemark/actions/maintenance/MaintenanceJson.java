package io.tidemark.actions.maintenance;

import io.tidemark.config.ConfigMapper;
import io.tidemark.core.maintenance.LockHolder;
import io.tidemark.core.maintenance.MaintenanceResult;
import io.tidemark.core.maintenance.PreFlight;
import io.tidemark.core.maintenance.TableEstimate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of a pre-flight report and a result: the CLI's --json, and the plan and result kept in the history. */
public final class MaintenanceJson {

    private MaintenanceJson() {
    }

    /** The pre-flight report as a JSON tree (docs/maintenance-json.md). */
    public static Map<String, Object> preFlight(PreFlight p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", p.request().kind().verb());
        json.put("kind", p.request().kind().historyKind());
        json.put("tables", p.request().tables());
        json.put("engine", p.engine());
        json.put("statements", p.statements());
        json.put("lock_timeout_ms", p.request().options().lockTimeout().toMillis());
        json.put("reclaim_bytes", p.reclaimBytes());
        json.put("reclaim_error_bytes", p.errorBytes());
        json.put("reclaim_method", p.reclaimMethod());
        json.put("disk_needed_bytes", p.diskNeededBytes());
        json.put("disk_free_bytes", p.diskFreeBytes());
        json.put("disk_note", p.diskNote());
        json.put("expected_seconds", p.expectedSeconds());
        json.put("duration_note", p.durationNote());
        json.put("table_figures", p.tables().stream().map(MaintenanceJson::table).toList());
        json.put("locks", p.locks().stream().map(MaintenanceJson::lock).toList());
        json.put("warnings", p.warnings());
        json.put("pg_repack", p.pgRepack());
        json.put("confirm_name", p.confirmName());
        json.put("refusal", p.refusal());
        return json;
    }

    private static Map<String, Object> table(TableEstimate t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", t.table());
        json.put("total_bytes", t.totalBytes());
        json.put("table_bytes", t.tableBytes());
        json.put("index_bytes", t.indexBytes());
        json.put("toast_bytes", t.toastBytes());
        json.put("live_rows", t.liveRows());
        json.put("dead_rows", t.deadRows());
        json.put("reclaim_bytes", t.reclaimBytes());
        json.put("reclaim_error_bytes", t.errorBytes());
        json.put("method", t.method());
        return json;
    }

    private static Map<String, Object> lock(LockHolder l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pid", l.pid());
        json.put("user", l.user());
        json.put("application", l.application());
        json.put("state", l.state());
        json.put("since", l.since() == null ? null : l.since().toString());
        json.put("table", l.table());
        json.put("mode", l.mode());
        json.put("granted", l.granted());
        json.put("query", l.query());
        return json;
    }

    /** The result as a JSON tree (docs/maintenance-json.md). */
    public static Map<String, Object> result(MaintenanceResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", r.request().kind().verb());
        json.put("kind", r.request().kind().historyKind());
        json.put("tables", r.request().tables());
        json.put("size_before_bytes", r.sizeBefore());
        json.put("size_after_bytes", r.sizeAfter());
        json.put("bytes_returned", r.bytesReturned());
        json.put("millis", r.took().toMillis());
        json.put("phases_seen", r.phasesSeen());
        if (r.pagesBefore() != null) {
            json.put("sqlite_before", pages(r.pagesBefore()));
            json.put("sqlite_after", pages(r.pagesAfter()));
        }
        return json;
    }

    private static Map<String, Object> pages(MaintenanceResult.SqlitePages p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("page_size", p.pageSize());
        json.put("page_count", p.pageCount());
        json.put("freelist_count", p.freelistCount());
        return json;
    }

    /** A tree as compact JSON text, one line (the history keeps it). */
    public static String text(Object tree) {
        try {
            return ConfigMapper.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    /** Reads the bytes rewritten and the milliseconds from a recorded result, or null when it is not one. */
    static long[] rewrite(String resultJson) {
        if (resultJson == null) {
            return null;
        }
        try {
            var node = ConfigMapper.json().readTree(resultJson);
            if (!node.has("size_before_bytes") || !node.has("millis")) {
                return null;
            }
            return new long[] {node.get("size_before_bytes").asLong(), node.get("millis").asLong()};
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
