package io.tidemark.files.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.logs.LogNode;
import io.tidemark.core.profile.FileLayout.LogFamilySpec;
import io.tidemark.core.profile.FileLayout.Rotation;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.TenantFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTreeReaderTest {

    @TempDir
    Path data;

    private Path file(String relative, String text) throws IOException {
        Path p = data.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void familiesTenantsJobsDaysAndRunsNewestFirst() throws IOException {
        file("logs/gunicorn.log", "x\n");
        file("logs/gunicorn.log.1", "xx\n");
        file("logs/gunicorn.log.2.gz", "xxx");
        file("logs/gunicorn.log.10", "y\n");
        file("logs/celery-light.log", "c\n");
        file("logs/celery-light-cold.log", "c\n");
        file("logs/unknown-tool.log.1", "u\n");
        file("logs/django/publish_sync.log", "p\n");
        file("logs/django/publish_sync.log.1", "p\n");
        file("acme/logs/jobs/fetch_message_logs/2026-11-19.log", "d\n");
        file("acme/logs/jobs/fetch_message_logs/2026-11-20.log", "d\n");
        Path older = file("acme/logs/runs/fetch_message_logs/r-old.log", "r\n");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-11-19T00:00:00Z")));
        Path newer = file("acme/logs/runs/fetch_message_logs/r-new.log", "r\n");
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-11-20T00:00:00Z")));
        file("moved/beta/logs/jobs/sync_iflows/2026-11-20.log", "b\n"); // a tenant whose job logs live elsewhere
        DataDirLayout layout = new DataDirLayout(data, data.resolve("logs"), List.of(
                new TenantFolders("acme", data.resolve("acme"), data.resolve("acme")),
                new TenantFolders("beta", data.resolve("beta"), data.resolve("moved/beta"))),
                "archive", "logs/jobs", "logs/runs", List.of());
        List<LogFamilySpec> families = List.of(
                new LogFamilySpec("", List.of("gunicorn.log", "celery-light.log", "celery-light-cold.log"), "supervisor", new Rotation(10, 3)),
                new LogFamilySpec("django", List.of("publish_sync.log"), "django", new Rotation(10, 10)));

        LogNode tree = LogTreeReader.read(layout, families);

        LogNode services = tree.children().get(0);
        assertThat(services.children()).extracting(LogNode::name)
                .containsExactly("gunicorn.log", "celery-light.log", "celery-light-cold.log", "django/publish_sync.log", "unknown-tool.log");
        assertThat(services.children().get(0).children()).extracting(LogNode::name)
                .containsExactly("gunicorn.log", "gunicorn.log.1", "gunicorn.log.2.gz", "gunicorn.log.10");
        assertThat(services.children().get(0).sizeBytes()).isEqualTo(2 + 3 + 3 + 2);
        LogNode acme = tree.find(LogNode.Kind.TENANT, "acme");
        assertThat(acme.children()).extracting(LogNode::name).containsExactly("Jobs", "Runs");
        assertThat(acme.children().get(0).children().get(0).children()).extracting(LogNode::name)
                .containsExactly("2026-11-20.log", "2026-11-19.log");
        assertThat(acme.children().get(1).children().get(0).children()).extracting(LogNode::name)
                .containsExactly("r-new.log", "r-old.log");
        LogNode beta = tree.find(LogNode.Kind.TENANT, "beta");
        assertThat(beta.files()).extracting(LogNode::path).containsExactly(data.resolve("moved/beta/logs/jobs/sync_iflows/2026-11-20.log"));
        assertThat(tree.filtered(n -> n.name().contains("publish")).files()).hasSize(2);
    }
}
