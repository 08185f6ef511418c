package io.tidemark.ui.shell;

import io.tidemark.ui.ViewLoader;
import io.tidemark.ui.history.HistoryView;
import io.tidemark.ui.history.HistoryViewModel;
import io.tidemark.ui.growth.GrowthView;
import io.tidemark.ui.growth.GrowthViewModel;
import io.tidemark.ui.overview.OverviewView;
import io.tidemark.ui.overview.OverviewViewModel;
import io.tidemark.ui.archive.ArchiveView;
import io.tidemark.ui.archive.ArchiveViewModel;
import io.tidemark.ui.storage.StorageView;
import io.tidemark.ui.storage.StorageViewModel;
import io.tidemark.ui.tasks.FxTaskExecutor;
import io.tidemark.ui.tasks.RunningTask;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window's shell: header, navigation, the current screen and the status bar. It only binds and forwards. */
public final class MainView {

    @FXML private Parent root;
    @FXML private Label platformTitle;
    @FXML private ComboBox<String> tenantSelector;
    @FXML private Button connectButton;
    @FXML private Button refreshButton;
    @FXML private ToggleButton themeToggle;
    @FXML private ListView<Screen> navigation;
    @FXML private StackPane content;
    @FXML private Label connectionLight;
    @FXML private Label rightsLabel;
    @FXML private Label errorLabel;
    @FXML private Label noticeLabel;
    private final javafx.animation.PauseTransition noticeTimer = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(30));
    @FXML private Label taskLabel;
    @FXML private ProgressBar taskProgress;
    @FXML private Button cancelButton;

    private final MainViewModel model;
    private final OverviewViewModel overviewModel;
    private final OverviewView overview;
    private final Node welcome;
    private final StorageViewModel storageModel;
    private final StorageView storage;
    private Object storageScannedFor;
    private final HistoryViewModel historyModel;
    private HistoryView history;
    private final CommandPalette palette = new CommandPalette();
    private final GrowthViewModel growthModel;
    private final GrowthView growth;
    private final ArchiveViewModel archiveModel;
    private final ArchiveView archive;
    private Object archivesListedFor;
    private boolean archiveFileOpen;
    private final java.util.Map<Screen, java.util.function.Supplier<Node>> screens = new java.util.EnumMap<>(Screen.class);
    private io.tidemark.ui.logs.LogsViewModel logsModel;
    private io.tidemark.ui.logs.LogsView logs;
    private Object logsShownFor;
    private io.tidemark.ui.purge.PurgeViewModel purgeModel;
    private io.tidemark.ui.purge.PurgeView purge;
    private final FxTaskExecutor tasks;

    public MainView(MainViewModel model, OverviewViewModel overviewModel, StorageViewModel storageModel, ArchiveViewModel archiveModel,
                    FxTaskExecutor tasks) {
        this.historyModel = new HistoryViewModel(tasks, model.folders());
        this.model = model;
        this.archiveModel = archiveModel;
        this.overviewModel = overviewModel;
        this.storageModel = storageModel;
        this.tasks = tasks;
        ViewLoader.load(this);
        this.overview = new OverviewView(overviewModel, () -> model.screenProperty().set(Screen.STORAGE));
        this.storage = new StorageView(storageModel);
        this.archive = new ArchiveView(archiveModel);
        this.welcome = welcomePane();
        this.growthModel = new GrowthViewModel(tasks, model.folders());
        this.growth = new GrowthView(growthModel, model.darkProperty());
        growthModel.forecastSentenceProperty().addListener((obs, was, now) -> overviewModel.showForecast(now));

        platformTitle.textProperty().bind(model.platformTitleProperty());
        platformTitle.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(model.platformTitleProperty().get()), model.platformTitleProperty()));
        tenantSelector.setItems(model.tenantChoices());
        tenantSelector.valueProperty().bindBidirectional(model.selectedTenantProperty());
        tenantSelector.disableProperty().bind(model.sessionProperty().isNull());
        tenantSelector.setTooltip(new Tooltip("Narrows every screen to one tenant (rows of the tenant table)"));
        connectButton.setOnAction(e -> model.chooseConnection());
        refreshButton.setOnAction(e -> overviewModel.refresh(model.sessionProperty().get()));
        refreshButton.disableProperty().bind(model.sessionProperty().isNull());
        themeToggle.selectedProperty().bindBidirectional(model.darkProperty());

        navigation.getItems().setAll(Screen.values());
        navigation.getSelectionModel().select(model.screenProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.screenProperty().set(now);
            }
        });
        model.screenProperty().addListener((obs, was, now) -> {
            navigation.getSelectionModel().select(now); // the list follows however the screen was changed
            showScreen();
        });
        model.selectedTenantProperty().addListener((obs, was, now) -> {
            overviewModel.showTenant(now);
            storageModel.showTenant(now);
            growthModel.showTenant(now);
            archiveModel.showTenant(now);
            if (logsModel != null) {
                logsModel.showTenant(now);
            }
        });
        model.sessionProperty().addListener((obs, was, now) -> {
            overviewModel.refresh(now);
            storageScannedFor = now;
            storageModel.scan(now, false); // the Overview shows DATA_DIR's size and the largest tenants from it
            growthModel.load(now); // the Overview shows the forecast from it
            showScreen();
        });
        storageModel.reportProperty().addListener((obs, was, now) -> overviewModel.showStorage(now, storageModel.loadingProperty().get()));
        storageModel.loadingProperty().addListener((obs, was, now) ->
                overviewModel.showStorage(storageModel.reportProperty().get(), now));

        bindStatusBar(tasks);
        addCommands();
        model.selectedTenantProperty().addListener((obs, was, now) -> {
            if (purge != null && model.screenProperty().get() == Screen.PURGE) {
                purgeModel.show(model.sessionProperty().get(), now);
            }
        });
        showScreen();
    }

    /** The window's keyboard commands: each screen, connect, refresh, theme; all listed in the palette (Ctrl+K). */
    private void addCommands() {
        Screen[] screens = Screen.values();
        for (int i = 0; i < screens.length; i++) {
            Screen screen = screens[i];
            KeyCombination key = i < 9 ? new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN) : null;
            palette.add(new Command("Go to " + screen.title(), key, () -> model.screenProperty().set(screen)));
        }
        palette.add(new Command("Connect to a platform…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                model::chooseConnection));
        palette.add(new Command("Refresh the figures", new KeyCodeCombination(KeyCode.F5), () -> {
            if (model.sessionProperty().get() != null) {
                overviewModel.refresh(model.sessionProperty().get());
            }
        }));
        palette.add(new Command("Switch light/dark theme", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> model.darkProperty().set(!model.darkProperty().get())));
        palette.add(new Command("Open the demo platform", null, model::openDemo));
        KeyCombination findKey = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        KeyCombination nextKey = new KeyCodeCombination(KeyCode.F3);
        KeyCombination previousKey = new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN);
        KeyCombination followKey = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
        palette.add(new Command("Search (the logs, or the History's filter)", findKey, () -> {
            if (model.screenProperty().get() == Screen.HISTORY && history != null) {
                history.focusSearch();
            } else if (logs != null && model.sessionProperty().get() != null) {
                model.screenProperty().set(Screen.LOGS);
                logs.focusSearch();
            }
        }));
        palette.add(new Command("Logs: next search hit", nextKey, () -> onLogs(io.tidemark.ui.logs.LogsView::nextResult)));
        palette.add(new Command("Logs: previous search hit", previousKey, () -> onLogs(io.tidemark.ui.logs.LogsView::previousResult)));
        palette.add(new Command("Logs: follow the open file on/off", followKey, () -> onLogs(io.tidemark.ui.logs.LogsView::toggleFollow)));
        palette.add(new Command("Storage: rescan changed folders", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> {
            if (model.sessionProperty().get() != null) {
                model.screenProperty().set(Screen.STORAGE);
                storage.rescan();
            }
        }));

        connectButton.setTooltip(new Tooltip("Open a saved connection, or a new PostgreSQL or SQLite platform ("
                + palette.commands().get(screens.length).shortcutText() + ")"));
        refreshButton.setTooltip(new Tooltip("Read the Overview's figures again (F5)"));
        themeToggle.setTooltip(new Tooltip("Light or dark theme (" + palette.commands().get(screens.length + 2).shortcutText() + ")"));
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Screen screen, boolean empty) {
                super.updateItem(screen, empty);
                if (empty || screen == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label key = new Label(palette.commands().get(screen.ordinal()).shortcutText());
                key.getStyleClass().add("shortcut-hint");
                javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
                javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
                setText(null);
                setGraphic(new javafx.scene.layout.HBox(6, new Label(screen.title()), gap, key));
            }
        });
    }

    /** Opens an archive file in the Archive screen's browser, with or without a platform open. */
    public void openArchive(java.nio.file.Path file) {
        archiveFileOpen = true;
        model.screenProperty().set(Screen.ARCHIVE);
        archiveModel.browseFile(file);
        showScreen();
    }

    /** Runs a Logs screen command when the Logs screen is the one shown. */
    private void onLogs(java.util.function.Consumer<io.tidemark.ui.logs.LogsView> action) {
        if (logs != null && model.screenProperty().get() == Screen.LOGS) {
            action.accept(logs);
        }
    }

    /** The keyboard commands; {@link CommandPalette#install} puts their shortcuts in the window's scene. */
    public CommandPalette palette() {
        return palette;
    }

    private void bindStatusBar(FxTaskExecutor tasks) {
        connectionLight.textProperty().bind(Bindings.createStringBinding(
                () -> "● " + model.connectionStateProperty().get().label(), model.connectionStateProperty()));
        model.connectionStateProperty().addListener((obs, was, now) -> styleLight(now));
        styleLight(model.connectionStateProperty().get());
        rightsLabel.textProperty().bind(model.rightsProperty());
        model.rightsProperty().addListener((obs, was, now) ->
                rightsLabel.setTooltip(model.readOnlyReason() == null ? new Tooltip("This role may change the platform")
                        : new Tooltip("Read-only: " + model.readOnlyReason())));
        errorLabel.textProperty().bind(model.lastErrorProperty());
        tasks.running().addListener((ListChangeListener<RunningTask>) change -> showTask(tasks));
        tasks.setOnFinished(this::notice);
        noticeLabel.setOnMouseClicked(e -> hideNotice());
        noticeTimer.setOnFinished(e -> hideNotice());
        showTask(tasks);
    }

    /**
     * Tells that background work ended, when it is worth telling: it ran a while (the user may have gone elsewhere) or
     * did not end well. A success fades after 30 s; a failure stays until clicked.
     */
    void notice(io.tidemark.ui.tasks.FinishedTask finished) {
        boolean worthTelling = finished.outcome() != io.tidemark.ui.tasks.FinishedTask.Outcome.DONE
                || finished.took().toMillis() >= 2000;
        if (!worthTelling) {
            return;
        }
        String took = finished.took().toSeconds() < 60 ? String.format(java.util.Locale.ROOT, "%.1f s", finished.took().toMillis() / 1000.0)
                : finished.took().toMinutes() + " min " + finished.took().toSecondsPart() + " s";
        String text = switch (finished.outcome()) {
            case DONE -> "✓ " + finished.title() + " · done in " + took;
            case CANCELLED -> "■ " + finished.title() + " · cancelled after " + took;
            case FAILED -> "✗ " + finished.title() + " · failed after " + took;
        };
        noticeLabel.setText(text);
        noticeLabel.setTooltip(new Tooltip((finished.message() == null ? text : text + "\n" + finished.message()) + "\n(click to dismiss)"));
        noticeLabel.getStyleClass().removeAll("notice-done", "notice-failed", "notice-cancelled");
        noticeLabel.getStyleClass().add("notice-" + finished.outcome().name().toLowerCase(java.util.Locale.ROOT));
        noticeLabel.setVisible(true);
        noticeLabel.setManaged(true);
        noticeTimer.stop();
        if (finished.outcome() == io.tidemark.ui.tasks.FinishedTask.Outcome.DONE) {
            noticeTimer.playFromStart();
        }
    }

    private void hideNotice() {
        noticeLabel.setVisible(false);
        noticeLabel.setManaged(false);
    }

    /** The notice of the last background work that ended, or null when none shows. */
    public String notice() {
        return noticeLabel.isVisible() ? noticeLabel.getText() : null;
    }

    private void styleLight(ConnectionState state) {
        connectionLight.getStyleClass().removeAll("connected", "lost", "connecting", "disconnected");
        connectionLight.getStyleClass().add(state.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void showTask(FxTaskExecutor tasks) {
        RunningTask current = tasks.running().isEmpty() ? null : tasks.running().get(tasks.running().size() - 1);
        boolean visible = current != null;
        taskLabel.setVisible(visible);
        taskProgress.setVisible(visible);
        cancelButton.setVisible(visible);
        taskLabel.textProperty().unbind();
        taskProgress.progressProperty().unbind();
        if (current != null) {
            taskLabel.textProperty().bind(Bindings.createStringBinding(
                    () -> current.title() + (current.messageProperty().get().isEmpty() ? "" : " · " + current.messageProperty().get()),
                    current.messageProperty()));
            taskProgress.progressProperty().bind(current.progressProperty());
            cancelButton.setOnAction(e -> current.cancel());
        }
    }

    private void showScreen() {
        Node node;
        if (model.sessionProperty().get() == null && archiveFileOpen && model.screenProperty().get() == Screen.ARCHIVE) {
            node = archive.root(); // a double-clicked archive reads without a platform
        } else if (model.sessionProperty().get() == null) {
            node = welcome;
        } else {
            Screen screen = model.screenProperty().get();
            node = switch (screen) {
                case OVERVIEW -> overview.root();
                case STORAGE -> storageShown();
                case LOGS -> logs == null ? pendingPane(screen) : logsShown();
                case HISTORY -> historyShown();
                case PURGE -> purgeShown();
                case GROWTH -> growth.root();
                case ARCHIVE -> archiveShown();
                default -> screens.containsKey(screen) ? screens.get(screen).get() : pendingPane(screen);
            };
        }
        content.getChildren().setAll(node);
    }

    /** Adds the Logs screen, driven by {@code model}. */
    public void withLogs(io.tidemark.ui.logs.LogsViewModel model) {
        this.logsModel = model;
        this.logs = new io.tidemark.ui.logs.LogsView(model);
        palette.commands().stream().filter(c -> c.name().startsWith("Logs: follow")).findFirst().ifPresent(follow ->
                logs.showShortcuts("Ctrl+F", "F3", "Shift+F3", follow.shortcutText()));
    }

    /** The Logs screen, reading the open platform's log tree the first time it is shown for it. */
    private Node logsShown() {
        Object open = model.sessionProperty().get();
        if (open != logsShownFor) {
            logsShownFor = open;
            logsModel.showTenant(model.selectedTenantProperty().get());
            logsModel.showPlatform(model.sessionProperty().get());
        }
        return logs.root();
    }

    /** The Storage screen, scanning the open platform the first time it is shown for it (a scan reads every folder). */
    private Node storageShown() {
        Object open = model.sessionProperty().get();
        if (open != storageScannedFor) {
            storageScannedFor = open;
            storageModel.scan(model.sessionProperty().get(), false);
        }
        return storage.root();
    }

    /** The History screen, read again each time it is shown: a nightly job may have written since. */
    /** The Purge screen, on the open platform and the selected tenant; the plan is made only on request. */
    private Node purgeShown() {
        if (purge == null) {
            purgeModel = new io.tidemark.ui.purge.PurgeViewModel(tasks, model.folders(), model.dialogs());
            purge = new io.tidemark.ui.purge.PurgeView(purgeModel);
        }
        purgeModel.show(model.sessionProperty().get(), model.selectedTenantProperty().get());
        return purge.root();
    }

    private Node historyShown() {
        if (history == null) {
            history = new HistoryView(historyModel);
        }
        historyModel.load(model.sessionProperty().get());
        return history.root();
    }

    /** The Archive screen, listing the open platform's archives the first time it is shown for it. */
    private Node archiveShown() {
        Object open = model.sessionProperty().get();
        if (open != archivesListedFor) {
            archivesListedFor = open;
            archiveModel.show(model.sessionProperty().get());
        }
        return archive.root();
    }

    private Node welcomePane() {
        Label title = new Label("Welcome to Tidemark");
        title.getStyleClass().add("welcome-title");
        Label text = new Label("Tidemark shows where a multi-tenant platform's storage goes, reads its logs, and runs "
                + "archive, purge and VACUUM work behind previews. Open the bundled demo platform to look around "
                + "(a SQLite database and a DATA_DIR generated in your data folder), or connect to a real platform.");
        text.setWrapText(true);
        Button demo = new Button("Open the demo platform");
        demo.setId("openDemo");
        demo.setDefaultButton(true);
        demo.getStyleClass().add("accent");
        demo.setOnAction(e -> model.openDemo());
        Hyperlink connect = new Hyperlink("Connect to a platform…");
        connect.setOnAction(e -> model.chooseConnection());
        VBox box = new VBox(title, text, demo, connect);
        box.getStyleClass().add("welcome");
        return box;
    }

    private static Node pendingPane(Screen screen) {
        Label title = new Label(screen.title());
        title.getStyleClass().add("screen-title");
        Label text = new Label("Not built yet. This screen will show: " + screen.comingNext());
        text.setWrapText(true);
        VBox box = new VBox(title, text);
        box.getStyleClass().add("pending");
        return box;
    }

    /** Shows {@code view} for {@code screen}; the supplier is asked each time the screen is shown (on the FX thread). */
    public void register(Screen screen, java.util.function.Supplier<Node> view) {
        screens.put(screen, view);
        showScreen();
    }

    /** The window's root node. */
    public Parent root() {
        return root;
    }
}
