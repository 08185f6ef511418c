package io.tidemark.ui.logs;

import io.tidemark.ui.Screenshots;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.actions.DemoPlatform;
import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import io.tidemark.core.logs.LogNode;
import io.tidemark.ui.TidemarkApp;
import io.tidemark.ui.shell.ConnectionState;
import io.tidemark.ui.shell.Screen;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Logs screen on the demo platform plus generated files (a binary one, a huge line), headless. */
@ExtendWith(ApplicationExtension.class)
class LogsScreenTest {

    @TempDir
    static Path home;
    static UserFolders folders;
    private TidemarkApp.Window window;

    @BeforeAll
    static void buildDemo() throws Exception {
        folders = new UserFolders(home.resolve("config"), home.resolve("data"));
        Path building = home.resolve("data/demo.building");
        DemoPlatform.build(new DemoSpec(building, 3, 10, 42, DemoScale.SMALL, null, LocalDate.of(2026, 11, 20), false),
                Progress.NONE, new Cancellation());
        Files.move(building, folders.demoPlatform());
        Path logs = folders.demoPlatform().resolve("logs");
        try (OutputStream out = Files.newOutputStream(logs.resolve("binary-tool.log"))) {
            out.write("2026-11-20 10:00:00,000 ERROR bad bytes \u0000 and \u00ff here\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] huge = new byte[3 << 20];
            java.util.Arrays.fill(huge, (byte) 'x');
            out.write("2026-11-20 10:00:01,000 INFO ".getBytes(StandardCharsets.US_ASCII));
            out.write(huge);
            out.write("\n2026-11-20 10:00:02,000 WARNING after the huge line\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Start
    void start(Stage stage) {
        window = TidemarkApp.build(stage, folders);
        stage.show();
    }

    @Test
    void browsesSearchesAndTracesTheDemosLogs(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().openDemo());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model().connectionStateProperty().get() == ConnectionState.CONNECTED);
        robot.interact(() -> window.model().screenProperty().set(Screen.LOGS));
        @SuppressWarnings("unchecked")
        TreeView<LogNode> tree = robot.lookup("#tree").queryAs(TreeView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tree.getRoot() != null);
        List<String> top = tree.getRoot().getChildren().stream().map(i -> i.getValue().name()).toList();
        assertThat(top).containsExactly("Service logs", "Tenants");

        // Open the Django log from the tree: its first line shows with its number.
        TreeItem<LogNode> family = find(tree.getRoot(), "django/django.log");
        Path djangoLog = family.getValue().files().get(0).path();
        robot.interact(() -> {
            family.setExpanded(true);
            tree.getSelectionModel().select(family.getChildren().get(0));
        });
        @SuppressWarnings("unchecked")
        ListView<Integer> lines = robot.lookup("#lines").queryAs(ListView.class);
        String firstLine = Files.readAllLines(djangoLog).get(0);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownTexts(robot).contains(firstLine));
        assertThat(robot.lookup(".log-number").queryAll()).isNotEmpty();

        // Search the file: the results list counts the matches; Next selects one.
        robot.interact(() -> {
            robot.lookup("#searchField").queryAs(TextField.class).setText("GET");
            robot.lookup("#searchButton").queryAs(Button.class).fire();
        });
        long expected = Files.readAllLines(djangoLog).stream().filter(l -> l.contains("GET")).count();
        @SuppressWarnings("unchecked")
        ListView<LogsViewModel.ResultEntry> results = robot.lookup("#results").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !results.getItems().isEmpty());
        assertThat(results.getItems().get(0).count()).isEqualTo(expected);
        robot.interact(() -> robot.lookup("#next").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines.getSelectionModel().getSelectedIndex()).isNotNegative();
        assertThat(robot.lookup(".log-hit").queryAll()).isNotEmpty();
        snapshot(robot, "logs.png");

        // A generated file with NUL, invalid bytes, CRLF and a 3 MB line: shown, cut, never fatal.
        TreeItem<LogNode> binary = find(tree.getRoot(), "binary-tool.log");
        robot.interact(() -> {
            binary.setExpanded(true);
            tree.getSelectionModel().clearSelection();
            tree.getSelectionModel().select(binary.getChildren().get(0));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownTexts(robot).stream().anyMatch(t -> t.contains("bad bytes \u2400 and \uFFFD here")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownTexts(robot).stream().anyMatch(t -> t.contains("after the huge line")));
        assertThat(shownTexts(robot)).anyMatch(t -> t.startsWith("2026-11-20 10:00:01,000 INFO xxx") && t.length() < 10_000);
        assertThat(robot.lookup(".log-error").queryAll()).isNotEmpty();

        // Trace a request ID from the Django log across all logs.
        String id = java.util.regex.Pattern.compile("request_id=([0-9a-f-]{36})").matcher(Files.readString(djangoLog)).results()
                .findFirst().orElseThrow().group(1);
        robot.interact(() -> {
            tree.getSelectionModel().clearSelection();
            tree.getSelectionModel().select(family.getChildren().get(0));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownTexts(robot).contains(firstLine));
        robot.interact(() -> {
            robot.lookup("#searchField").queryAs(TextField.class).setText(id);
            lines.getSelectionModel().clearSelection();
            robot.lookup("#traceButton").queryAs(Button.class).fire();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.view() != null
                && robot.lookup("#title").queryLabeled().getText().startsWith("Request " + id));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !shownTexts(robot).isEmpty()
                && shownTexts(robot).stream().allMatch(t -> t.contains(id) || t.equals("…")));
        snapshot(robot, "logs-request-trace.png");
    }

    private static TreeItem<LogNode> find(TreeItem<LogNode> item, String name) {
        if (item.getValue().name().equals(name)) {
            return item;
        }
        for (TreeItem<LogNode> c : item.getChildren()) {
            TreeItem<LogNode> f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static List<String> shownTexts(FxRobot robot) {
        return robot.lookup(".log-lines .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getGraphic() != null && !c.isEmpty())
                .map(c -> ((javafx.scene.layout.HBox) c.getGraphic()).getChildren().get(1))
                .map(flow -> ((TextFlow) flow).getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat))
                .toList();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, window.scene(), name, home);
    }
}
