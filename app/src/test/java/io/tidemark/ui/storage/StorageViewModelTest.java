package io.tidemark.ui.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.UserFolders;
import io.tidemark.core.PasswordSource;
import io.tidemark.ui.CurrentThreadTaskExecutor;
import io.tidemark.ui.shell.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Storage screen's logic on the demo platform: what it lists, how the tenant filter narrows it, what it exports. */
class StorageViewModelTest {

    @TempDir
    static Path temp;
    static Path demo;

    @BeforeAll
    static void buildDemo() {
        demo = TestDemos.build(temp.resolve("demo"), 4, 40, 8);
    }

    @Test
    void listsTablesAndTenantsNarrowsToOneTenantAndExportsCsv() throws Exception {
        UserFolders folders = new UserFolders(temp.resolve("config"), temp.resolve("data"));
        StorageViewModel model = new StorageViewModel(new CurrentThreadTaskExecutor(), folders);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            model.scan(session, false);

            assertThat(model.tables()).extracting(StorageViewModel.TableLine::table).contains("cpimessagelog", "cpipayload", "cconfig");
            assertThat(model.tenants()).hasSize(4);
            StorageViewModel.TenantLine acme = model.tenants().stream().filter(t -> t.tenant().equals("acme-prod")).findFirst().orElseThrow();
            assertThat(acme.archiveBytes()).isPositive();
            assertThat(acme.totalBytes()).isEqualTo(acme.archiveBytes() + acme.jobLogBytes() + acme.runLogBytes() + acme.otherBytes());
            assertThat(model.serviceLogs()).extracting(StorageViewModel.FamilyLine::family).contains("gunicorn.log");
            assertThat(model.summaryProperty().get()).startsWith("Database ").contains("DATA_DIR");
            assertThat(model.statusProperty().get()).startsWith("Last scan ");

            assertThat(model.tables().stream().filter(t -> t.table().equals("cpimessagelog")).findFirst().orElseThrow().rowsExact())
                    .as("from sqlite_stat1").isFalse();
            model.countExactly();
            assertThat(model.tables().stream().filter(t -> t.table().equals("cpimessagelog")).findFirst().orElseThrow().rowsExact()).isTrue();

            model.showTenant("globex");
            assertThat(model.tenants()).extracting(StorageViewModel.TenantLine::tenant).containsExactly("globex");
            model.showTenant(MainViewModel.ALL_TENANTS);
            assertThat(model.tenants()).hasSize(4);

            List<String> said = new ArrayList<>();
            Path csv = temp.resolve("tenants.csv");
            model.exportTenants(csv, said::add);
            assertThat(said).singleElement().asString().startsWith("Saved");
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).startsWith("tenant,archive_bytes,job_log_bytes,run_log_bytes,other_bytes,total_bytes,files");
            assertThat(lines).hasSize(5).anySatisfy(l -> assertThat(l).startsWith("acme-prod," + acme.archiveBytes() + ","));

            Path tablesCsv = temp.resolve("tables.csv");
            model.exportTables(tablesCsv, said::add);
            assertThat(Files.readAllLines(tablesCsv)).anySatisfy(l -> assertThat(l).startsWith("cpimessagelog,true,"));
        }
        model.scan(null, false);
        assertThat(model.tables()).isEmpty();
    }
}
