package io.tidemark.ui.shell;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/**
 * The window's keyboard commands: each one's shortcut works anywhere in the window, and Ctrl+K (or Ctrl+Shift+P)
 * opens a palette that finds any command by typing part of its name.
 */
public final class CommandPalette {

    /** Opens the palette. */
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OPEN_TOO = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final javafx.collections.ObservableList<Command> commands = FXCollections.observableArrayList();
    private final FilteredList<Command> shown;
    private final Popup popup = new Popup();
    private final TextField query = new TextField();
    private final ListView<Command> list = new ListView<>();
    private Scene scene;

    public CommandPalette() {
        shown = new FilteredList<>(commands);
        query.setPromptText("Type a command…");
        query.setId("paletteQuery");
        list.setId("paletteList");
        list.setItems(shown);
        list.setPrefSize(460, 320);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Command command, boolean empty) {
                super.updateItem(command, empty);
                if (empty || command == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(command.name());
                Label key = new Label(command.shortcutText());
                key.getStyleClass().add("shortcut-hint");
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                setGraphic(new HBox(8, name, gap, key));
                setText(null);
            }
        });
        query.textProperty().addListener((obs, was, now) -> {
            String needle = now == null ? "" : now.trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(c -> needle.isEmpty() || matches(c.name().toLowerCase(Locale.ROOT), needle));
            list.getSelectionModel().selectFirst();
        });
        VBox box = new VBox(6, query, list);
        box.getStyleClass().add("command-palette");
        BorderPane frame = new BorderPane(box);
        popup.getContent().add(frame);
        popup.setAutoHide(true);
        popup.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                runSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int next = list.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (next >= 0 && next < shown.size()) {
                    list.getSelectionModel().select(next);
                    list.scrollTo(next);
                }
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                runSelected();
            }
        });
    }

    /** Every word typed appears in the name, in any order ("go sto" finds "Go to Storage"). */
    private static boolean matches(String name, String needle) {
        for (String word : needle.split("\\s+")) {
            if (!name.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Adds a command; its shortcut works in the window from now on. */
    public void add(Command command) {
        commands.add(command);
        if (scene != null && command.shortcut() != null) {
            scene.getAccelerators().put(command.shortcut(), command.action());
        }
    }

    /** The commands, in the order they were added. */
    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Installs the shortcuts and the palette's own keys in {@code scene}. */
    public void install(Scene scene) {
        this.scene = scene;
        for (Command c : commands) {
            if (c.shortcut() != null) {
                scene.getAccelerators().put(c.shortcut(), c.action());
            }
        }
        scene.getAccelerators().put(OPEN, this::show);
        scene.getAccelerators().put(OPEN_TOO, this::show);
    }

    /** Opens the palette over the window, with every command listed. */
    public void show() {
        if (scene == null || scene.getWindow() == null) {
            return;
        }
        query.clear();
        shown.setPredicate(null);
        list.getSelectionModel().selectFirst();
        var window = scene.getWindow();
        popup.show(window, window.getX() + (window.getWidth() - 460) / 2, window.getY() + 80);
        query.requestFocus();
    }

    /** Whether the palette is open. */
    public boolean showing() {
        return popup.isShowing();
    }

    /** Types {@code text} into the palette's search and runs the first command it finds. */
    public boolean run(String text) {
        query.setText(text);
        return runSelected();
    }

    private boolean runSelected() {
        Command selected = list.getSelectionModel().getSelectedItem();
        if (selected == null && !shown.isEmpty()) {
            selected = shown.get(0);
        }
        popup.hide();
        if (selected == null) {
            return false;
        }
        selected.action().run();
        return true;
    }
}
