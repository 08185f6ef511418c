package io.tidemark.ui.purge;

import io.tidemark.ui.Screenshots;
import io.tidemark.TestDemos;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.tidemark.ui.CurrentThreadTaskExecutor;
import io.tidemark.ui.Theme;
import io.tidemark.ui.dialogs.DangerConfirmation;
import io.tidemark.ui.dialogs.DangerDialog;
import io.tidemark.ui.ScriptedDialogs;
import io.tidemark.ui.shell.MainViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Purge screen on the demo: a plan, a confirmation that names what is at risk; Cancel changes nothing, Purge deletes. */
@ExtendWith(ApplicationExtension.class)
class PurgeViewTest {

    @TempDir
    static Path home;
    static Path demo;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private PlatformSession session;
    private PurgeViewModel model;
    private Scene scene;

    @BeforeAll
    static void buildDemo() {
        demo = TestDemos.build(home.resolve("demo"), 4, 60, 42);
    }

    @Start
    void start(Stage stage) {
        UserFolders folders = new UserFolders(home.resolve("config"), home.resolve("data"));
        session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE);
        model = new PurgeViewModel(new CurrentThreadTaskExecutor(), folders, dialogs);
        PurgeView view = new PurgeView(model);
        scene = new Scene(view.root(), 1200, 760);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void cancellingTheConfirmationChangesNothingAndConfirmingPurges(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.show(session, MainViewModel.ALL_TENANTS);
            model.daysToKeepProperty().set(40);
        });
        assertThat(robot.lookup("#purgeButton").queryButton().isDisabled()).isTrue(); // no plan yet
        long before = count("SELECT count(*) FROM cpimessagelog");
        robot.clickOn("#previewButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.tables()).isNotEmpty();
        assertThat(robot.lookup("#planTables").queryTableView().getItems()).hasSameSizeAs(model.tables());
        assertThat(robot.lookup("#purgeButton").queryButton().isDisabled()).isFalse();
        long planned = model.planProperty().get().rows();
        assertThat(planned).isPositive();
        snapshot(robot, "purge.png");

        dialogs.answer = false;
        robot.clickOn("#purgeButton");
        WaitForAsyncUtils.waitForFxEvents();
        DangerConfirmation asked = dialogs.asked.get(0);
        assertThat(asked.header()).contains("platform.sqlite3", "older than");
        assertThat(asked.action()).startsWith(String.format(java.util.Locale.ROOT, "Purge %,d rows", planned));
        assertThat(asked.details()).anyMatch(l -> l.startsWith("cpimessagelog")).anyMatch(l -> l.startsWith("job logs"));
        assertThat(asked.typedName()).isNull();
        assertThat(count("SELECT count(*) FROM cpimessagelog")).isEqualTo(before);
        assertThat(model.statusProperty().get()).contains("nothing was deleted");

        dialogs.answer = true;
        robot.clickOn("#purgeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.resultProperty().get()).startsWith("Done:");
        assertThat(count("SELECT count(*) FROM cpimessagelog")).isLessThan(before);
        assertThat(count("SELECT count(*) FROM cpimessagelog WHERE log_start < '2026-10-12' AND config_id <> 3")).isZero();
        assertThat(robot.lookup((Label l) -> l.getText() != null && l.getText().startsWith("Done:")).tryQuery()).isPresent();
        snapshot(robot, "purge-done.png");
    }

    @Test
    void daysToKeepZeroAsksForTheDatabaseNameTypedAndTheRealDialogDefaultsToCancel(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.show(session, MainViewModel.ALL_TENANTS);
            model.daysToKeepProperty().set(0);
            model.preview();
        });
        DangerConfirmation c = model.confirmation(model.planProperty().get());
        assertThat(c.typedName()).isEqualTo("platform.sqlite3");
        assertThat(c.details()).anyMatch(l -> l.contains("EVERY row"));
        robot.interact(() -> {
            Alert alert = DangerDialog.build(null, c);
            Button action = (Button) alert.getDialogPane().lookupButton(alert.getButtonTypes().get(0));
            Button cancel = (Button) alert.getDialogPane().lookupButton(alert.getButtonTypes().get(1));
            assertThat(cancel.getText()).isEqualTo("Cancel");
            assertThat(cancel.isDefaultButton()).isTrue();
            assertThat(action.isDefaultButton()).isFalse();
            assertThat(action.getText()).startsWith("Purge ");
            assertThat(action.isDisabled()).isTrue();
            TextField typed = (TextField) ((javafx.scene.layout.VBox) alert.getDialogPane().getContent()).getChildren().stream()
                    .filter(n -> n instanceof TextField).findFirst().orElseThrow();
            typed.setText("platform");
            assertThat(action.isDisabled()).isTrue();
            typed.setText("platform.sqlite3");
            assertThat(action.isDisabled()).isFalse();
        });
        dialogs.answer = false;
        long before = count("SELECT count(*) FROM cpimessagelog");
        robot.interact(model::purge);
        assertThat(count("SELECT count(*) FROM cpimessagelog")).isEqualTo(before);
    }

    @Test
    void tenantCleanupAsksForTheTenantsNameTyped(FxRobot robot) throws Exception {
        robot.interact(() -> model.show(session, MainViewModel.ALL_TENANTS));
        String tenant = model.tenantChoices().get(0);
        dialogs.answer = false;
        robot.interact(() -> model.cleanupTenant(tenant));
        assertThat(dialogs.asked).singleElement().satisfies(c -> {
            assertThat(c.typedName()).isEqualTo(tenant);
            assertThat(c.action()).startsWith("Delete tenant " + tenant);
        });
        assertThat(count("SELECT count(*) FROM cconfig WHERE name = '" + tenant + "'")).isEqualTo(1);
        dialogs.answer = true;
        robot.interact(() -> model.cleanupTenant(tenant));
        assertThat(count("SELECT count(*) FROM cconfig WHERE name = '" + tenant + "'")).isZero();
        assertThat(demo.resolve(tenant)).doesNotExist();
    }

    @Test
    void perTableDaysAreTypedCheckedSavedAndUsedByThePlan(FxRobot robot) throws Exception {
        Path saved = home.resolve("config").resolve("purge").resolve("conf.d").resolve("00-tidemark.yml");
        try {
            robot.interact(() -> model.show(session, MainViewModel.ALL_TENANTS));
            robot.clickOn("#perTable").write("cpimessagelog=3650; nosuch=3");
            robot.clickOn("#saveButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(dialogs.errors).singleElement().asString().contains("no table 'nosuch'", "cpimessagelog");
            assertThat(saved).doesNotExist();

            robot.interact(() -> model.perTableProperty().set(""));
            robot.clickOn("#perTable").write("CPIMessageLog=3650");
            robot.clickOn("#saveButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(dialogs.errors).hasSize(1);
            assertThat(java.nio.file.Files.readString(saved)).contains("days_to_keep_per_table:", "cpimessagelog: 3650");

            robot.clickOn("#previewButton");
            WaitForAsyncUtils.waitForFxEvents();
            var plan = model.planProperty().get();
            assertThat(plan.policy()).contains("per table {cpimessagelog=3650}");
            assertThat(plan.steps()).filteredOn(t -> t.table().equals("cpimessagelog") && t.tenantIds().isEmpty())
                    .singleElement().satisfies(t -> assertThat(t.days()).isEqualTo(3650));
            assertThat(plan.steps()).filteredOn(t -> !t.table().equals("cpimessagelog") && t.tenantIds().isEmpty())
                    .isNotEmpty().allSatisfy(t -> assertThat(t.days()).isEqualTo(365));

            // A new screen reads it back from the configuration.
            robot.interact(() -> {
                model.show(null, MainViewModel.ALL_TENANTS);
                model.perTableProperty().set("");
                model.show(session, MainViewModel.ALL_TENANTS);
            });
            assertThat(robot.lookup("#perTable").queryTextInputControl().getText()).isEqualTo("cpimessagelog=3650");
        } finally {
            java.nio.file.Files.deleteIfExists(saved); // the other tests plan with the defaults
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + demo.resolve("platform.sqlite3"));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Screenshots.write(robot, scene, name, home);
    }
}
