package io.tidemark.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.archive.ExportArchive;
import io.tidemark.actions.maintenance.Maintenance;
import io.tidemark.actions.purge.MakePurgePlan;
import io.tidemark.actions.purge.PurgeRequest;
import io.tidemark.actions.purge.RunPurge;
import io.tidemark.config.UserFolders;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.config.purge.PurgeConfigFiles;
import io.tidemark.core.Cancellation;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.Outcome;
import io.tidemark.core.maintenance.MaintenanceKind;
import io.tidemark.core.maintenance.MaintenanceOptions;
import io.tidemark.core.maintenance.MaintenanceRequest;
import io.tidemark.core.profile.RetentionDefaults;
import io.tidemark.core.purge.PurgeJournal;
import io.tidemark.core.purge.PurgeResult;
import io.tidemark.ui.TidemarkApp;
import io.tidemark.ui.shell.ConnectionState;
import io.tidemark.ui.shell.Screen;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The History screen shows what the engine did: a purge, an archive export and a VACUUM run on a demo platform, each
 * recorded by the action itself, appear with their outcome after the window opens the platform.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryScreenTest {

    @TempDir
    static Path home;
    static UserFolders folders;
    static Path demo;

    private TidemarkApp.Window window;

    @BeforeAll
    static void actOnADemoPlatform() throws Exception {
        folders = new UserFolders(home.resolve("config"), home.resolve("data"));
        demo = TestDemos.build(home.resolve("platform"), 2, 20, 5);
        HistoryStore history = HistoryStore.open(folders);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            ExportArchive.run(session, new ExportArchive.Request(session.tenants().get(0).name(), LocalDate.of(2026, 11, 18),
                    ArchiveFormat.SQLITE, true), history, Progress.NONE, new Cancellation());
            PurgeResult purged = RunPurge.run(session, MakePurgePlan.make(session, new PurgeRequest(PurgeConfigFiles.policy(Map.of(),
                            RetentionDefaults.STANDARD, null).withDaysToKeep(15), null, List.of("cpimessagelog"), false, false,
                            Instant.parse("2026-11-21T00:00:00Z")), Progress.NONE),
                    RunPurge.Options.of(PurgeJournal.inMemory(), history), Progress.NONE, new Cancellation());
            assertThat(purged.rows()).isPositive();
            Maintenance maintenance = new Maintenance(session, history);
            maintenance.run(maintenance.preFlight(new MaintenanceRequest(MaintenanceKind.VACUUM, List.of(), MaintenanceOptions.defaults()),
                    false), null, Progress.NONE, new Cancellation());
        }
    }

    @Start
    void start(Stage stage) {
        window = TidemarkApp.build(stage, folders);
        stage.show();
    }

    @Test
    void everyActionTheEngineTookIsListedWithItsOutcome(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().connectAndRemember(DemoPlatform.connection(demo)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model().connectionStateProperty().get() == ConnectionState.CONNECTED);
        robot.interact(() -> window.model().screenProperty().set(Screen.HISTORY));
        TableView<HistoryEntry> entries = robot.lookup("#entries").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> entries.getItems().size() >= 3);

        assertThat(entries.getItems()).extracting(HistoryEntry::kind).contains("archive-export", "purge", "vacuum");
        assertThat(entries.getItems()).allSatisfy(e -> assertThat(e.outcome()).as(e.kind() + " " + e.message()).isEqualTo(Outcome.DONE));
        HistoryEntry purge = entries.getItems().stream().filter(e -> e.kind().equals("purge")).findFirst().orElseThrow();
        robot.interact(() -> entries.getSelectionModel().select(purge));
        assertThat(robot.lookup("#plan").queryAs(javafx.scene.control.TextArea.class).getText()).contains("cpimessagelog", "cutoff");
        // Ctrl+F puts the cursor in this screen's filter.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F).release(javafx.scene.input.KeyCode.F,
                javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#search").query().isFocused()).isTrue();
        robot.interact(() -> entries.requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        io.tidemark.ui.Screenshots.write(robot, window.scene(), "history.png", home);
    }
}
