package io.tidemark.ui.maintenance;

import io.tidemark.ui.Screenshots;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestPostgres;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.tidemark.ui.Theme;
import io.tidemark.ui.dialogs.DangerConfirmation;
import io.tidemark.ui.ScriptedDialogs;
import io.tidemark.ui.tasks.FxTaskExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Maintenance screen on a real PostgreSQL table: cancelling the dialog changes nothing, confirming runs VACUUM FULL with live progress. */
@ExtendWith(ApplicationExtension.class)
class MaintenanceViewTest {

    @TempDir
    static Path home;

    /** Answers the confirmations from a script and keeps what they showed. */
    private String url;
    private PlatformSession session;
    private FxTaskExecutor tasks;
    private MaintenanceViewModel model;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        url = TestPostgres.newDatabase();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cpimessagelog (id bigint PRIMARY KEY, status int NOT NULL, body text NOT NULL)");
            // Autovacuum on a fresh server would clean the dead rows this screen is to show.
            s.execute("ALTER TABLE cpimessagelog SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)");
            s.execute("INSERT INTO cpimessagelog SELECT g, g % 5, repeat(md5(g::text), 3) FROM generate_series(1, 60000) g");
            // An expression index whose function waits on an advisory lock the test may hold: VACUUM FULL then stops in
            // its "rebuilding index" phase until the test lets it go, so the screen is sure to show it.
            s.execute("CREATE FUNCTION gate(x int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS "
                    + "$$ BEGIN PERFORM pg_advisory_xact_lock_shared(4243); RETURN x; END $$");
            s.execute("CREATE INDEX cpimessagelog_status ON cpimessagelog (gate(status))");
            s.execute("DELETE FROM cpimessagelog WHERE id % 5 <> 0");
            s.execute("CREATE TABLE cconfig (id int PRIMARY KEY, name text)");
            s.execute("INSERT INTO cconfig SELECT g, 'tenant-' || g FROM generate_series(1, 40) g");
            s.execute("SELECT pg_stat_force_next_flush()");
            s.execute("ANALYZE");
        }
        TestPostgres.awaitNoOlderTransaction(url);
        session = PlatformSession.open(new ConnectionSpec("prod-eu", url, null, null, null), PasswordSource.NONE);
        tasks = new FxTaskExecutor();
        model = new MaintenanceViewModel(tasks, dialogs, new UserFolders(home.resolve("config"), home.resolve("data")));
        MaintenanceView view = new MaintenanceView(model);
        scene = new Scene(view.root(), 1200, 760);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        model.show(session);
    }

    @AfterEach
    void close() {
        tasks.close();
        session.close();
    }

    private long size() throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT pg_total_relation_size('cpimessagelog')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void cancellingChangesNothingAndConfirmingRunsWithLiveProgress(FxRobot robot) throws Exception {
        TableView<MaintenanceViewModel.TableLine> tables = robot.lookup("#maintenanceTables").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tables.getItems().size() == 2);
        MaintenanceViewModel.TableLine line = tables.getItems().stream().filter(t -> t.table().equals("cpimessagelog")).findFirst().orElseThrow();
        assertThat(line.deadRows()).isEqualTo(48_000);
        assertThat(line.reclaimBytes()).isGreaterThan(line.totalBytes() / 2);
        robot.interact(() -> tables.getSelectionModel().select(line));
        long before = size();

        // Cancel in the dialog: the pre-flight is shown, nothing runs.
        dialogs.answers.add(false);
        robot.clickOn("VACUUM FULL…");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Cancelled"));
        DangerConfirmation asked = dialogs.asked.get(0);
        assertThat(asked.typedName()).isEqualTo("cpimessagelog");
        assertThat(asked.action()).isEqualTo("VACUUM FULL cpimessagelog");
        assertThat(asked.header()).contains("returns about", "writes wait");
        assertThat(asked.report()).contains("VACUUM (FULL, ANALYZE) \"cpimessagelog\";", "ACCESS EXCLUSIVE", "estimated from statistics");
        assertThat(model.reportProperty().get()).isEqualTo(asked.report());
        robot.interact(() -> { // the real dialog: the pre-flight in a fixed-width box, the verb off until the name is typed
            javafx.scene.control.Alert alert = io.tidemark.ui.dialogs.DangerDialog.build(null, asked);
            javafx.scene.Node content = alert.getDialogPane().getContent();
            javafx.scene.Node action = alert.getDialogPane().lookupButton(alert.getButtonTypes().get(0));
            assertThat(((javafx.scene.control.TextArea) content.lookup("#dangerReport")).getText()).isEqualTo(asked.report());
            assertThat(action.isDisabled()).isTrue();
            ((javafx.scene.control.TextField) content.lookup("#typedConfirmation")).setText("cpimessagelog");
            assertThat(action.isDisabled()).isFalse();
        });
        assertThat(size()).isEqualTo(before);

        // Confirm with the name typed: it runs; the screen and the status bar's task show the server's phase.
        try (Connection gate = DriverManager.getConnection(url)) {
            gate.createStatement().execute("SELECT pg_advisory_lock(4243)");
            dialogs.answers.add(true);
            robot.clickOn("VACUUM FULL…");
            Label progress = robot.lookup("#progressMessage").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> progress.getText() != null && progress.getText().contains("rebuilding index"));
            assertThat(tasks.running()).extracting(t -> t.title()).contains("VACUUM FULL of cpimessagelog");
            assertThat(robot.lookup("#cancelButton").queryButton().isVisible()).isTrue();
            assertThat(robot.lookup("VACUUM FULL…").queryButton().isDisabled()).isTrue();
            snapshot(robot, "maintenance.png");
            gate.createStatement().execute("SELECT pg_advisory_unlock(4243)");
        }
        Label result = robot.lookup(".maintenance-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> result.getText() != null && result.getText().startsWith("VACUUM FULL returned"));
        assertThat(size()).isLessThan(before / 2);
        assertThat(model.statusProperty().get()).contains("recorded in the history");
        // The list is read again, the table still selected, its dead rows gone (VACUUM FULL, ANALYZE).
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tables.getItems().stream()
                .anyMatch(t -> t.table().equals("cpimessagelog") && t.deadRows() == 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tables.getSelectionModel().getSelectedItem()).extracting(MaintenanceViewModel.TableLine::table).isEqualTo("cpimessagelog");
        assertThat(model.selectedTableProperty().get()).isEqualTo("cpimessagelog");
        assertThat(dialogs.errors).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot, "maintenance-result.png");
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Screenshots.write(robot, scene, name, home);
    }
}
