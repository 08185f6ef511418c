package io.tidemark.ui;

import io.tidemark.core.WindowRequest;
import io.tidemark.config.UiSettings;
import io.tidemark.config.UserFolders;
import io.tidemark.ui.dialogs.FxDialogService;
import io.tidemark.ui.overview.OverviewViewModel;
import io.tidemark.ui.maintenance.MaintenanceView;
import io.tidemark.ui.maintenance.MaintenanceViewModel;
import io.tidemark.ui.shell.MainView;
import io.tidemark.ui.shell.Screen;
import io.tidemark.ui.shell.MainViewModel;
import io.tidemark.ui.archive.ArchiveViewModel;
import io.tidemark.ui.storage.StorageViewModel;
import io.tidemark.ui.tasks.FxTaskExecutor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The desktop application: one main window on the platform the command line named, the last one, or the welcome screen. */
public final class TidemarkApp extends Application {

    private static volatile WindowRequest request = new WindowRequest(false, null);

    private FxTaskExecutor tasks;
    private MainViewModel model;
    private Stage stage;

    /** Opens the window and blocks until it closes. */
    public static void launchWindow(WindowRequest what) {
        request = what;
        try {
            Application.launch(TidemarkApp.class);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // No display (an SSH session, a server): the commands still work.
            throw new io.tidemark.core.TidemarkException("The window cannot open here (" + e.getMessage() + "). On a server, "
                    + "run a command instead: tidemark --help lists them.", e);
        }
    }

    /** The main window's pieces, built on a stage; used by the application and by the UI tests. */
    public record Window(Scene scene, MainViewModel model, MainView view, FxTaskExecutor tasks) {
    }

    /** Builds the main window on {@code stage} with the user's folders. */
    public static Window build(Stage stage, UserFolders folders) {
        return build(stage, folders, new FxDialogService(stage));
    }

    /** Builds the main window with the given dialogs (tests script them). */
    public static Window build(Stage stage, UserFolders folders, io.tidemark.ui.dialogs.DialogService dialogs) {
        FxTaskExecutor tasks = new FxTaskExecutor();
        MainViewModel model = new MainViewModel(folders, tasks, dialogs);
        MainView view = new MainView(model, new OverviewViewModel(tasks), new StorageViewModel(tasks, folders),
                new ArchiveViewModel(tasks, dialogs, folders), tasks);
        MaintenanceViewModel maintenance = new MaintenanceViewModel(tasks, dialogs, folders);
        MaintenanceView maintenanceView = new MaintenanceView(maintenance);
        view.register(Screen.MAINTENANCE, () -> {
            maintenance.show(model.sessionProperty().get());
            return maintenanceView.root();
        });
        view.withLogs(new io.tidemark.ui.logs.LogsViewModel(tasks, folders));
        Scene scene = new Scene(view.root(), 1200, 760);
        view.palette().install(scene);
        Theme.apply(scene, model.darkProperty().get());
        model.darkProperty().addListener((obs, was, dark) -> Theme.apply(scene, dark));
        // The title names the open platform, so a taskbar full of windows tells prod from the demo.
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.sessionProperty().get() == null
                ? "Tidemark" : "Tidemark — " + model.platformTitleProperty().get(), model.sessionProperty(), model.platformTitleProperty()));
        stage.getIcons().add(new javafx.scene.image.Image(TidemarkApp.class.getResource("icons/tidemark.png").toExternalForm()));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        model.savedWindow().ifPresent(b -> {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        });
        // Ask the pool every 15 s whether the server still answers, so the status bar tells a lost connection.
        Timeline health = new Timeline(new KeyFrame(Duration.seconds(15), e -> model.checkConnection()));
        health.setCycleCount(Timeline.INDEFINITE);
        health.play();
        return new Window(scene, model, view, tasks);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        Window window = build(primaryStage, UserFolders.current());
        tasks = window.tasks();
        model = window.model();
        primaryStage.show();
        WindowRequest what = request;
        if (what.archive() != null) {
            window.view().openArchive(what.archive());
            if (what.connection() != null) {
                model.connectAndRemember(what.connection());
            }
            return;
        }
        if (what.connection() != null) {
            model.connectAndRemember(what.connection());
        } else if (what.openDemo()) {
            model.openDemo();
        } else {
            model.openLastConnection();
        }
    }

    @Override
    public void stop() {
        if (model != null && stage != null) {
            model.rememberWindow(new UiSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized()));
            model.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
