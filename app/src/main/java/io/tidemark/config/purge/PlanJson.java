package io.tidemark.config.purge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.config.ConfigMapper;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.purge.Dependent;
import io.tidemark.core.purge.FileDelete;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeResult;
import io.tidemark.core.purge.PurgeState;
import io.tidemark.core.purge.TableStep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Purge plans, states and results as JSON (snake_case; times ISO-8601 UTC), for {@code --plan-out}, the journal and the history. */
public final class PlanJson {

    private PlanJson() {
    }

    /** The plan as JSON text. */
    public static String write(PurgePlan plan) {
        return text(tree(plan));
    }

    /** The plan as maps and lists (also for {@code --json} output). */
    public static Map<String, Object> tree(PurgePlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "tidemark-purge-plan/1");
        m.put("id", p.id());
        m.put("platform_key", p.platformKey());
        m.put("database", p.database());
        m.put("created_at", p.createdAt().toString());
        m.put("policy", p.policy());
        m.put("archive_first", p.archiveFirst());
        m.put("vacuum", p.vacuum());
        m.put("deletes_everything", p.deletesEverything());
        m.put("tenant_cleanup", p.tenantCleanup());
        m.put("rows", p.rows());
        m.put("row_bytes", p.rowBytes());
        m.put("file_bytes", p.fileBytes());
        List<Object> steps = new ArrayList<>();
        for (TableStep s : p.steps()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("table", s.table());
            t.put("key", s.key());
            t.put("retention_column", s.retentionColumn());
            t.put("cutoff", s.cutoff() == null ? null : s.cutoff().toString());
            t.put("days", s.days());
            t.put("tenant_column", s.tenantColumn());
            t.put("tenant_ids", s.tenantIds());
            t.put("excluded_tenant_ids", s.excludedTenantIds());
            t.put("scope", s.scope());
            t.put("rows", s.rows());
            t.put("bytes", s.bytes());
            t.put("dependent_rows", s.dependentRows());
            t.put("partitions", s.partitions());
            t.put("dependents", dependents(s.dependents()));
            steps.add(t);
        }
        m.put("steps", steps);
        m.put("files", files(p.files()));
        m.put("archives", files(p.archives()));
        m.put("notes", p.notes());
        return m;
    }

    private static List<Object> dependents(List<Dependent> ds) {
        List<Object> out = new ArrayList<>();
        for (Dependent d : ds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", d.table());
            m.put("key", d.key());
            m.put("column", d.column());
            m.put("referenced_column", d.referencedColumn());
            m.put("dependents", dependents(d.dependents()));
            out.add(m);
        }
        return out;
    }

    private static List<Object> files(List<FileDelete> fs) {
        List<Object> out = new ArrayList<>();
        for (FileDelete f : fs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("root", f.root().toString());
            m.put("path", f.path().toString());
            m.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("tenant", f.tenant());
            m.put("bytes", f.bytes());
            m.put("day", f.day() == null ? null : f.day().toString());
            out.add(m);
        }
        return out;
    }

    /** Reads a plan written by {@link #write}. */
    public static PurgePlan read(String json) {
        try {
            JsonNode n = ConfigMapper.json().readTree(json);
            if (n == null || !"tidemark-purge-plan/1".equals(n.path("format").asText())) {
                throw new TidemarkException("This file is not a Tidemark purge plan.");
            }
            List<TableStep> steps = new ArrayList<>();
            for (JsonNode s : n.path("steps")) {
                steps.add(new TableStep(s.path("table").asText(), s.path("key").asText(), textOrNull(s, "retention_column"),
                        textOrNull(s, "cutoff") == null ? null : Instant.parse(s.path("cutoff").asText()), s.path("days").asInt(),
                        textOrNull(s, "tenant_column"), longs(s.path("tenant_ids")), longs(s.path("excluded_tenant_ids")),
                        s.path("scope").asText(), s.path("rows").asLong(), s.path("bytes").asLong(), readDependents(s.path("dependents")),
                        s.path("dependent_rows").asLong(), strings(s.path("partitions"))));
            }
            return new PurgePlan(n.path("id").asText(), n.path("platform_key").asText(), n.path("database").asText(),
                    Instant.parse(n.path("created_at").asText()), n.path("policy").asText(), steps, readFiles(n.path("files")),
                    n.path("archive_first").asBoolean(), n.path("vacuum").asBoolean(true), n.path("deletes_everything").asBoolean(),
                    textOrNull(n, "tenant_cleanup"), readFiles(n.path("archives")), strings(n.path("notes")));
        } catch (IOException | RuntimeException e) {
            if (e instanceof TidemarkException t) {
                throw t;
            }
            throw new TidemarkException("The purge plan cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a plan file. */
    public static PurgePlan read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TidemarkException("Cannot read the plan " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a plan file (to a temporary name, then renamed). */
    public static void write(PurgePlan plan, Path file) {
        writeAtomically(file, write(plan));
    }

    /** A result as maps and lists. */
    public static Map<String, Object> tree(PurgeResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("rows", r.rows());
        m.put("rows_by_table", r.rowsByTable());
        m.put("files_deleted", r.filesDeleted());
        m.put("file_bytes", r.fileBytes());
        m.put("partitions_dropped", r.partitionsDropped());
        m.put("seconds", r.took().toMillis() / 1000.0);
        m.put("max_batch_ms", r.maxBatchMillis());
        m.put("vacuumed", r.vacuumed());
        m.put("problems", r.problems());
        return m;
    }

    /** A state as JSON text. */
    public static String write(PurgeState state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan_id", state.planId());
        Map<String, Object> steps = new LinkedHashMap<>();
        state.steps().forEach((id, s) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("position", s.position());
            one.put("rows", s.rows());
            one.put("done", s.done());
            steps.put(id, one);
        });
        m.put("steps", steps);
        return text(m);
    }

    /** Reads a state. */
    public static PurgeState readState(String json) {
        try {
            JsonNode n = ConfigMapper.json().readTree(json);
            Map<String, PurgeState.StepState> steps = new LinkedHashMap<>();
            n.path("steps").fields().forEachRemaining(e -> steps.put(e.getKey(), new PurgeState.StepState(
                    textOrNull(e.getValue(), "position"), e.getValue().path("rows").asLong(), e.getValue().path("done").asBoolean())));
            return new PurgeState(n.path("plan_id").asText(), steps);
        } catch (IOException e) {
            throw new TidemarkException("The purge journal cannot be read: " + e.getMessage(), e);
        }
    }

    public static String text(Object tree) {
        try {
            return ConfigMapper.json().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeAtomically(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".tidemark", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TidemarkException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Dependent> readDependents(JsonNode list) {
        List<Dependent> out = new ArrayList<>();
        for (JsonNode d : list) {
            out.add(new Dependent(d.path("table").asText(), d.path("key").asText(), d.path("column").asText(),
                    d.path("referenced_column").asText(), readDependents(d.path("dependents"))));
        }
        return out;
    }

    private static List<FileDelete> readFiles(JsonNode list) {
        List<FileDelete> out = new ArrayList<>();
        for (JsonNode f : list) {
            out.add(new FileDelete(Path.of(f.path("root").asText()), Path.of(f.path("path").asText()),
                    FileDelete.Kind.valueOf(f.path("kind").asText().toUpperCase(java.util.Locale.ROOT)), textOrNull(f, "tenant"),
                    f.path("bytes").asLong(), textOrNull(f, "day") == null ? null : LocalDate.parse(f.path("day").asText())));
        }
        return out;
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<Long> longs(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(v -> out.add(v.asLong()));
        return out;
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(v.asText()));
        return out;
    }
}
