package io.tidemark.ui.archive;

import io.tidemark.ui.Screenshots;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.actions.DemoPlatform;
import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.Progress;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import io.tidemark.ui.TidemarkApp;
import io.tidemark.ui.ScriptedDialogs;
import io.tidemark.ui.shell.ConnectionState;
import io.tidemark.ui.shell.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Archive screen in the real window, headless, with scripted confirmations: list, verify, browse, restore, export, expire. */
@ExtendWith(ApplicationExtension.class)
class ArchiveScreenTest {

    @TempDir
    static Path home;
    static UserFolders folders;

    private TidemarkApp.Window window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    /** Answers confirmations from a script and records what they said. */
    @BeforeAll
    static void buildDemo() throws Exception {
        folders = new UserFolders(home.resolve("config"), home.resolve("data"));
        Path building = home.resolve("data/demo.building");
        DemoPlatform.build(new DemoSpec(building, 4, 60, 42, DemoScale.SMALL, null, LocalDate.of(2026, 11, 20), false),
                Progress.NONE, new Cancellation());
        Files.move(building, folders.demoPlatform());
    }

    @Start
    void start(Stage stage) {
        window = TidemarkApp.build(stage, folders, dialogs);
        stage.show();
    }

    private Label status(FxRobot robot) {
        return robot.lookup(".archive .screen-status").queryAs(Label.class);
    }

    private void waitForStatus(FxRobot robot, String start) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status(robot).getText() != null && status(robot).getText().startsWith(start));
    }

    @Test
    void listsVerifiesBrowsesRestoresExportsAndExpiresArchives(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().openDemo());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model().connectionStateProperty().get() == ConnectionState.CONNECTED);
        robot.interact(() -> window.model().screenProperty().set(Screen.ARCHIVE));
        @SuppressWarnings("unchecked")
        TableView<ArchiveViewModel.ArchiveLine> archives = robot.lookup("#archives").queryAs(TableView.class);
        long recorded = count("SELECT count(*) FROM cpiarchive");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> archives.getItems().size() == recorded);
        assertThat(archives.getItems()).allMatch(l -> l.state().equals("Recorded") && l.verification().equals("Not verified"));

        robot.clickOn("#verifyAllButton");
        waitForStatus(robot, recorded + " archives checked · all verified");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(archives.getItems()).allMatch(l -> l.verification().equals("Verified"));
        robot.interact(() -> {
            archives.getSelectionModel().select(archives.getItems().size() - 1);
            archives.scrollTo(archives.getItems().size() - 5);
        });
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot, "archive.png");

        // Browse the newest archive: its message logs, then a search.
        ArchiveViewModel.ArchiveLine chosen = archives.getSelectionModel().getSelectedItem();
        robot.clickOn("#browseButton");
        @SuppressWarnings("unchecked")
        TableView<List<String>> rows = robot.lookup("#rows").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !rows.getItems().isEmpty());
        assertThat(rows.getColumns()).extracting(c -> c.getText()).startsWith("id", "config_id", "message_guid");
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).startsWith("Rows 1–");
        String guid = rows.getItems().get(0).get(2);
        robot.interact(() -> {
            TextField search = robot.lookup("#browseSearch").queryAs(TextField.class);
            search.setText(guid);
            search.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows.getItems().size() == 1);
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("Rows 1–1 of 1");
        robot.interact(() -> {
            TextField search = robot.lookup("#browseSearch").queryAs(TextField.class);
            search.setText("");
            @SuppressWarnings("unchecked")
            ChoiceBox<String> table = robot.lookup("#browseTable").queryAs(ChoiceBox.class);
            table.setValue("cpipayload");
            table.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows.getColumns().size() > 2 && rows.getColumns().get(4).getText().equals("content_type"));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot, "archive-browse.png");

        // Restore: the confirmation names the tenant, the day and the rows; Cancel changes nothing.
        dialogs.answers.add(false);
        robot.interact(() -> archives.getSelectionModel().select(chosen));
        robot.clickOn("#restoreButton");
        waitForStatus(robot, "Restore cancelled");
        io.tidemark.ui.dialogs.DangerConfirmation asked = dialogs.asked.get(0);
        assertThat(asked.title()).isEqualTo("Restore tenant " + chosen.tenant() + ", " + chosen.day());
        assertThat(asked.action()).isEqualTo(String.format(java.util.Locale.ROOT, "Restore %,d rows", chosen.rows()));
        assertThat(asked.header() + "\n" + String.join("\n", asked.details())).contains("cpimessagelog", "cpipayload", "skipped");
        dialogs.answers.add(true);
        robot.clickOn("#restoreButton");
        waitForStatus(robot, "Restored 0 rows of tenant " + chosen.tenant());
        assertThat(status(robot).getText()).endsWith(String.format(java.util.Locale.ROOT, "skipped %,d already there", chosen.rows()));

        // Export two days of one tenant, compressed, with the form.
        String tenant = chosen.tenant();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<String> t = robot.lookup("#exportTenant").queryAs(ChoiceBox.class);
            t.setValue(tenant);
            robot.lookup("#exportFrom").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 11, 18));
            robot.lookup("#exportTo").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 11, 19));
            @SuppressWarnings("unchecked")
            ChoiceBox<ArchiveFormat> f = robot.lookup("#exportFormat").queryAs(ChoiceBox.class);
            f.setValue(ArchiveFormat.SQLITE);
            robot.lookup("#exportGzip").queryAs(CheckBox.class).setSelected(true);
        });
        robot.clickOn("#exportButton");
        waitForStatus(robot, "Exported 2 archives");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> archives.getItems().size() == recorded + 2);
        assertThat(folders.demoPlatform().resolve(tenant).resolve("archive").resolve(tenant + "_2026_11_19.archive.sqlite.gz")).exists();
        assertThat(count("SELECT count(*) FROM cpiarchive")).isEqualTo(recorded + 2);

        // Expire: the preview lists what goes; Cancel deletes nothing, the verb deletes them and their rows.
        robot.interact(() -> robot.lookup("#expireDays").queryAs(Spinner.class).getValueFactory().setValue(40));
        dialogs.answers.add(false);
        robot.clickOn("#expireButton");
        waitForStatus(robot, "Expiry cancelled");
        io.tidemark.ui.dialogs.DangerConfirmation preview = dialogs.last();
        assertThat(preview.header()).contains("their archive-table rows");
        assertThat(preview.details()).isNotEmpty();
        int expiring = Integer.parseInt(preview.action().replaceAll("\\D", ""));
        assertThat(expiring).isPositive();
        assertThat(count("SELECT count(*) FROM cpiarchive")).isEqualTo(recorded + 2);
        dialogs.answers.add(true);
        robot.clickOn("#expireButton");
        waitForStatus(robot, "Deleted " + expiring + " files");
        assertThat(count("SELECT count(*) FROM cpiarchive")).isEqualTo(recorded + 2 - expiring);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> archives.getItems().size() == recorded + 2 - expiring);
        assertThat(dialogs.errors).isEmpty();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folders.demoPlatform().resolve("platform.sqlite3"));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Screenshots.write(robot, window.scene(), name, home);
    }
}
