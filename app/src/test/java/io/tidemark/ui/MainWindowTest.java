package io.tidemark.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.actions.DemoPlatform;
import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import io.tidemark.ui.shell.ConnectionState;
import io.tidemark.ui.shell.MainViewModel;
import io.tidemark.ui.shell.Screen;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless: the welcome screen opens the demo and the Overview shows the database's own figures. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path home;
    static UserFolders folders;

    private TidemarkApp.Window window;

    @BeforeAll
    static void buildDemoWhereTheAppLooks() throws Exception {
        folders = new UserFolders(home.resolve("config"), home.resolve("data"));
        // The same demo the app would build on first use, ending on a fixed day so the screenshots are stable.
        Path building = home.resolve("data/demo.building");
        DemoPlatform.build(new DemoSpec(building, 8, 90, 42, DemoScale.SMALL, null, LocalDate.of(2026, 11, 20), false),
                Progress.NONE, new Cancellation());
        Files.move(building, folders.demoPlatform());
    }

    @Start
    void start(Stage stage) {
        window = TidemarkApp.build(stage, folders);
        stage.show();
    }

    @Test
    void opensTheDemoFromTheWelcomeScreenAndShowsRealFigures(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#openDemo").queryButton().getText()).isEqualTo("Open the demo platform");
        robot.clickOn("#openDemo");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model().connectionStateProperty().get() == ConnectionState.CONNECTED);
        TableView<?> tables = robot.lookup(".table-view").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !tables.getItems().isEmpty());

        long messages;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folders.demoPlatform().resolve("platform.sqlite3"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM cpimessagelog")) {
            rs.next();
            messages = rs.getLong(1);
        }
        String counted = String.format(java.util.Locale.ROOT, "≈ %,d", messages); // from sqlite_stat1, as ANALYZE left it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup((Labeled l) -> counted.equals(l.getText())).tryQuery().isPresent());
        assertThat(window.model().platformTitleProperty().get()).startsWith("Demo platform · SQLite 3.");
        assertThat(window.model().tenantChoices()).hasSize(9).contains("acme-prod", "globex");
        assertThat(robot.lookup((Label l) -> "8".equals(l.getText()) && l.getStyleClass().contains("card-figure")).tryQuery()).isPresent();
        assertThat(robot.lookup(".connection-light").queryAs(Label.class).getText()).isEqualTo("● connected");
        assertThat(robot.lookup((Label l) -> "read-write".equals(l.getText())).tryQuery()).isPresent();

        // DATA_DIR's card and the largest tenants fill in when the background scan ends.
        ListView<?> biggest = robot.lookup("#biggestTenants").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> biggest.getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(biggest.getItems().get(0)).asString().startsWith("wayne-enterprises · ").contains("files ", "database ≈");
        assertThat(robot.lookup((Label l) -> l.getText() != null && l.getText().startsWith("10,149 files · scanned")).tryQuery()).isPresent();
        // The growth forecast, rebuilt from the demo's rows and files in the background, in one sentence.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup((Label l) -> l.getText() != null
                && l.getText().startsWith("At the current pace DATA_DIR fills the disk in about ")).tryQuery().isPresent());
        snapshot(robot, "main-window.png");
        robot.interact(() -> window.model().darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot, "main-window-dark.png");
        robot.interact(() -> window.model().darkProperty().set(false));

        // A tenant filter on a screen that cannot split its figures says so instead of pretending.
        robot.interact(() -> window.model().selectedTenantProperty().set("globex"));
        assertThat(robot.lookup(".scope-note").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup(".scope-note").queryAs(Label.class).getText()).contains("all tenants", "globex");
        robot.interact(() -> window.model().selectedTenantProperty().set(MainViewModel.ALL_TENANTS));
        assertThat(robot.lookup(".scope-note").queryAs(Label.class).isVisible()).isFalse();

        // Storage: the tenants by category, read from DATA_DIR in the background.
        robot.interact(() -> window.model().screenProperty().set(Screen.STORAGE));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup((Label l) -> l.getText() != null
                && l.getText().startsWith("Last scan")).tryQuery().isPresent());
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(1));
        // Tables the profile does not manage are listed apart.
        assertThat(robot.lookup("#otherTables").queryTableView().getItems().toString()).contains("cconfig", "tidemark_demo")
                .doesNotContain("cpimessagelog");
        assertThat(robot.lookup("#tables").queryTableView().getItems().toString()).contains("cpimessagelog").doesNotContain("tidemark_demo");
        TableView<?> tenants = robot.lookup("#tenants").queryTableView();
        assertThat(tenants.getItems()).hasSize(8);
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot, "storage.png");
        // The treemap: DATA_DIR (the SQLite database is a box inside it), then its largest tenant, box by box.
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        io.tidemark.ui.storage.TreemapView treemap = robot.lookup(".treemap").queryAs(io.tidemark.ui.storage.TreemapView.class);
        assertThat(treemap.current().name()).isEqualTo("DATA_DIR");
        assertThat(robot.lookup(".treemap-box").queryAll()).hasSizeGreaterThan(8); // the tenants, the database file, the logs…
        snapshot(robot, "storage-treemap.png");
        robot.interact(() -> assertThat(treemap.open("wayne-enterprises")).isTrue());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(treemap.current().children()).extracting(io.tidemark.core.storage.SizeNode::name).contains("archives", "run logs");
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(0));

        // Navigation: every screen is built; none shows a placeholder.
        ListView<?> navigation = robot.lookup(".navigation").queryListView();
        for (Screen screen : Screen.values()) {
            assertThat(screen.comingNext()).as(screen.title()).isNull();
        }
        robot.interact(() -> navigation.getSelectionModel().select(Screen.MAINTENANCE.ordinal()));
        assertThat(window.model().screenProperty().get()).isEqualTo(Screen.MAINTENANCE);
        assertThat(robot.lookup((Label l) -> l.getText() != null && l.getText().startsWith("Not built yet")).tryQuery()).isEmpty();

        // The last connection and the theme are remembered for the next start.
        assertThat(Files.readString(folders.config().resolve("ui.json"))).contains("\"last_connection\" : \"Demo platform\"");
    }

    @Test
    void historyListsWhatWasDoneOnThisPlatformWithItsPlan(FxRobot robot) throws Exception {
        String key = io.tidemark.actions.PlatformSession.keyOf(DemoPlatform.connection(folders.demoPlatform()));
        io.tidemark.config.history.HistoryStore store = io.tidemark.config.history.HistoryStore.open(folders);
        long purge = store.begin(new io.tidemark.core.history.HistoryStart("purge", key, "platform.sqlite3", null,
                "cpimessagelog and its children", "{\"cutoff\":\"2025-11-20T00:00:00Z\",\"tables\":[\"cpipayload\",\"cpimessagelog\"]}"));
        store.finish(purge, io.tidemark.core.history.Outcome.DONE, "{\"rows_deleted\":{\"cpipayload\":5120,\"cpimessagelog\":2560}}", null);
        long other = store.begin(new io.tidemark.core.history.HistoryStart("vacuum", "jdbc:postgresql://elsewhere/db", "db@elsewhere",
                "postgres", "cel", null));
        store.finish(other, io.tidemark.core.history.Outcome.FAILED, null, "canceling statement due to lock timeout");

        robot.clickOn("#openDemo");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model().connectionStateProperty().get() == ConnectionState.CONNECTED);
        // From the keyboard: the palette finds a screen by part of its name; each screen has its shortcut.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.K).release(javafx.scene.input.KeyCode.K,
                javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.view().palette().showing()).isTrue();
        assertThat(robot.lookup("#paletteList").queryListView().getItems()).hasSizeGreaterThanOrEqualTo(Screen.values().length + 3);
        robot.write("go maint").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().screenProperty().get()).isEqualTo(Screen.MAINTENANCE);
        assertThat(window.view().palette().showing()).isFalse();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT8).release(javafx.scene.input.KeyCode.DIGIT8,
                javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().screenProperty().get()).isEqualTo(Screen.HISTORY);
        TableView<?> entries = robot.lookup("#entries").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> entries.getItems().size() == 1); // this platform only
        robot.interact(() -> robot.lookup("#thisPlatform").queryAs(javafx.scene.control.CheckBox.class).setSelected(false));
        assertThat(entries.getItems()).hasSize(2);
        robot.interact(() -> robot.lookup("#thisPlatform").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        robot.interact(() -> entries.getSelectionModel().select(0));
        assertThat(robot.lookup("#plan").queryAs(javafx.scene.control.TextArea.class).getText()).contains("\"cutoff\" : \"2025-11-20T00:00:00Z\"");
        assertThat(robot.lookup("#result").queryAs(javafx.scene.control.TextArea.class).getText()).contains("\"cpipayload\" : 5120");
        assertThat(robot.lookup("#detail").queryAs(Label.class).getText()).contains("#" + purge, "purge", "Done");

        // Background work that ends badly leaves a notice in the status bar, whatever screen the user is on.
        robot.interact(() -> window.tasks().submit("Exporting an archive", (progress, cancellation) -> {
            throw new io.tidemark.core.TidemarkException("The disk is full.");
        }, ok -> { }, failed -> { }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.view().notice() != null);
        assertThat(window.view().notice()).startsWith("✗ Exporting an archive · failed after");

        // Beside Tidemark's actions, the platform's own: its tenant cleanups and worker job runs.
        TableView<?> records = robot.lookup("#platformRecords").queryTableView();
        assertThat(records.getItems().toString()).contains("trial-tenant", "old-sandbox", "job run");
    }

    @Test
    void aDoubleClickedArchiveOpensInTheBrowserWithoutAPlatform(FxRobot robot) throws Exception {
        Path archive;
        try (var files = Files.walk(folders.demoPlatform())) {
            archive = files.filter(f -> f.getFileName().toString().endsWith(".archive.sqlite")).sorted().findFirst().orElseThrow();
        }
        robot.interact(() -> window.view().openArchive(archive));
        TableView<?> rows = robot.lookup("#rows").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !rows.getItems().isEmpty());
        assertThat(window.model().sessionProperty().get()).isNull();
        assertThat(window.model().screenProperty().get()).isEqualTo(Screen.ARCHIVE);
        assertThat(robot.lookup("#browseTitle").queryAs(Label.class).getText())
                .contains(archive.getFileName().toString()).startsWith("Tenant " + archive.getParent().getParent().getFileName());
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        java.io.File target = Screenshots.write(robot, window.scene(), name, home);
        assertThat(ImageIO.read(target).getWidth()).isEqualTo(1200);
    }
}
