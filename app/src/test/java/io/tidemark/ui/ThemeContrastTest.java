package io.tidemark.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Both themes keep every kind of text Tidemark colours readable: the WCAG 2 contrast ratio of each text colour against
 * the background it is drawn on is at least 4.5:1 (AA for normal text), as the themes resolve them.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeContrastTest {

    private Scene scene;
    private VBox root;

    @Start
    void start(Stage stage) {
        root = new VBox();
        scene = new Scene(root, 400, 300);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void lightAndDarkThemesKeepTextReadable(FxRobot robot) {
        List<String> failures = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> failures.addAll(check(dark)));
        }
        assertThat(failures).isEmpty();
    }

    /** Each coloured text on the background it appears on; empty when every pair reads at 4.5:1 or better. */
    private List<String> check(boolean dark) {
        Theme.apply(scene, dark);
        List<String> failures = new ArrayList<>();
        // [container style classes, label style classes] as the screens use them
        String[][] cases = {
                {"content", ""}, {"content", "card-detail"}, {"content", "platform-title"}, {"content", "status-error"},
                {"content", "shortcut-hint"}, {"status-bar", "connection-light connected"}, {"status-bar", "connection-light lost"},
                {"status-bar", "connection-light disconnected"}, {"status-bar", "notice notice-done"},
                {"status-bar", "notice notice-failed"}, {"status-bar", "notice notice-cancelled"}, {"content", "brand"},
        };
        for (String[] c : cases) {
            VBox container = new VBox();
            container.getStyleClass().addAll(c[0].split(" "));
            Label label = new Label("Sample text 123");
            if (!c[1].isEmpty()) {
                label.getStyleClass().addAll(c[1].split(" "));
            }
            container.getChildren().add(label);
            root.getChildren().setAll(container);
            root.applyCss();
            root.layout();
            Color text = (Color) label.getTextFill();
            Color background = backgroundOf(label);
            double ratio = contrast(text, background);
            if (ratio < 4.5) {
                failures.add((dark ? "dark" : "light") + " ." + c[1] + " in ." + c[0] + ": " + String.format("%.2f", ratio) + ":1 ("
                        + text + " on " + background + ")");
            }
        }
        return failures;
    }

    /** The colour actually behind a node: the first opaque-enough background fill up the tree, else the scene's. */
    private Color backgroundOf(Label label) {
        for (javafx.scene.Node n = label; n != null; n = n.getParent()) {
            if (n instanceof Region r) {
                Background bg = r.getBackground();
                if (bg != null) {
                    for (int i = bg.getFills().size() - 1; i >= 0; i--) {
                        BackgroundFill fill = bg.getFills().get(i);
                        if (fill.getFill() instanceof Color color && color.getOpacity() > 0.5) {
                            return color;
                        }
                    }
                }
            }
        }
        // The scene's root background: the theme's default background colour.
        Region probe = new Region();
        probe.setStyle("-fx-background-color: -color-bg-default;");
        root.getChildren().add(probe);
        root.applyCss();
        Color c = (Color) probe.getBackground().getFills().get(0).getFill();
        root.getChildren().remove(probe);
        return c;
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
