package io.tidemark.ui.shell;

import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.ConnectionStore;
import io.tidemark.config.UiSettings;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Tenant;
import io.tidemark.core.TidemarkException;
import io.tidemark.ui.dialogs.DialogService;
import io.tidemark.ui.tasks.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: which platform is open, the connection light, the tenant filter, the current screen and
 * the theme. Opening and checking connections runs in the background; results land here on the FX thread.
 */
public final class MainViewModel {

    /** The tenant selector's first entry. */
    public static final String ALL_TENANTS = "All tenants";

    private final UserFolders folders;
    private final ConnectionStore connections;
    private final UiSettings.Store settingsStore;
    private final TaskExecutor tasks;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<PlatformSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> connectionState = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper platformTitle = new ReadOnlyStringWrapper("No platform open");
    private final ReadOnlyStringWrapper rights = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("");
    private final ObservableList<String> tenantChoices = FXCollections.observableArrayList(ALL_TENANTS);
    private final ObjectProperty<String> selectedTenant = new SimpleObjectProperty<>(ALL_TENANTS);
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.OVERVIEW);
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private UiSettings settings;
    /** Counts connection attempts, so only the newest one's outcome is shown. */
    private long attempts;

    /** The user's folders (settings, data, history). */
    public UserFolders folders() {
        return folders;
    }

    /** The dialogs every screen asks through. */
    public DialogService dialogs() {
        return dialogs;
    }

    public MainViewModel(UserFolders folders, TaskExecutor tasks, DialogService dialogs) {
        this.folders = folders;
        this.connections = new ConnectionStore(folders.config());
        this.settingsStore = new UiSettings.Store(folders.config());
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settingsStore.load();
        dark.set("dark".equals(settings.theme()));
        dark.addListener((obs, was, isDark) -> saveSettings(settings.withTheme(isDark ? "dark" : "light")));
    }

    /** Opens what the user worked on last time, or leaves the welcome screen up when there is nothing. */
    public void openLastConnection() {
        String last = settings.lastConnection();
        if (last == null) {
            return;
        }
        // The saved connections and the demo folder are on disk: look them up off the FX thread.
        tasks.submit(null, (progress, cancel) -> DemoPlatform.CONNECTION_NAME.equals(last)
                        ? Optional.of(DemoPlatform.connection(folders.demoPlatform())).filter(c -> DemoPlatform.exists(folders))
                        : connections.find(last),
                found -> found.ifPresent(this::connect), failure -> lastError.set(failure.getMessage()));
    }

    /** Opens the bundled demo platform, building it first if needed. */
    public void openDemo() {
        if (connectionState.get() == ConnectionState.CONNECTING) {
            return; // a second click while the first is still building or connecting
        }
        connectionState.set(ConnectionState.CONNECTING);
        tasks.submit("Preparing the demo platform",
                (progress, cancel) -> DemoPlatform.ensure(folders, progress, cancel),
                this::connect,
                this::failed);
    }

    /** Opens the connection dialog and connects to what the user picks (saving it, without password). */
    public void chooseConnection() {
        ConnectionSpec current = session.get() == null ? null : session.get().spec();
        dialogs.chooseConnection(connections.all(), current).ifPresent(spec -> {
            if (!DemoPlatform.CONNECTION_NAME.equals(spec.name())) {
                connections.save(spec);
            }
            connect(spec);
        });
    }

    /** Connects to a platform named on the command line and keeps it among the saved connections for the next start. */
    public void connectAndRemember(ConnectionSpec spec) {
        connections.save(spec);
        connect(spec);
    }

    /** Connects in the background and replaces the open platform when it succeeds. */
    public void connect(ConnectionSpec spec) {
        connectionState.set(ConnectionState.CONNECTING);
        lastError.set("");
        PasswordSource passwords = this::askPasswordOnFxThread;
        long attempt = ++attempts;
        tasks.submit("Connecting to " + spec.name(),
                (progress, cancel) -> {
                    PlatformSession opened = PlatformSession.open(spec, passwords);
                    try {
                        return new Opened(attempt, opened, opened.tenants());
                    } catch (RuntimeException e) {
                        opened.close();
                        throw e;
                    }
                },
                this::opened,
                failure -> {
                    if (attempt == attempts) {
                        failed(failure);
                    }
                });
    }

    private record Opened(long attempt, PlatformSession session, List<Tenant> tenants) {
    }

    private void opened(Opened opened) {
        if (opened.attempt() != attempts) {
            // A later connection was asked for while this one was opening: this one is not wanted any more.
            tasks.submit(null, (progress, cancel) -> { opened.session().close(); return null; }, ignored -> { }, ignored -> { });
            return;
        }
        PlatformSession previous = session.get();
        PlatformSession now = opened.session();
        session.set(now);
        if (previous != null) {
            // Closing a pool waits for its connections: never on the FX thread.
            tasks.submit(null, (progress, cancel) -> { previous.close(); return null; }, ignored -> { }, ignored -> { });
        }
        tenantChoices.setAll(ALL_TENANTS);
        opened.tenants().forEach(t -> tenantChoices.add(t.name()));
        selectedTenant.set(ALL_TENANTS);
        platformTitle.set(now.spec().name() + " · " + now.info().engineLabel()
                + now.dataDir().map(d -> " · " + d).orElse(""));
        rights.set(now.info().readOnly() ? "read-only" : "read-write");
        connectionState.set(ConnectionState.CONNECTED);
        saveSettings(settings.withLastConnection(now.spec().name()));
    }

    private void failed(Throwable failure) {
        connectionState.set(session.get() == null ? ConnectionState.DISCONNECTED : ConnectionState.CONNECTED);
        String message = failure instanceof TidemarkException ? failure.getMessage()
                : "Unexpected error: " + failure;
        lastError.set(message);
        if (!(failure instanceof io.tidemark.core.Cancellation.CancelledException)) {
            dialogs.showError("Cannot open the platform", message);
        }
    }

    /** Checks that the open database still answers; the light turns to "lost" and back as the pool reconnects. */
    public void checkConnection() {
        PlatformSession open = session.get();
        if (open == null || connectionState.get() == ConnectionState.CONNECTING) {
            return;
        }
        tasks.submit(null, (progress, cancel) -> open.reachable(), reachable -> {
            if (session.get() == open) {
                connectionState.set(reachable ? ConnectionState.CONNECTED : ConnectionState.LOST);
            }
        }, failure -> connectionState.set(ConnectionState.LOST));
    }

    /** Called from a background thread by the driver: shows the password prompt on the FX thread and waits. */
    private Optional<char[]> askPasswordOnFxThread(DatabaseTarget target, String user, String reason) {
        CompletableFuture<Optional<char[]>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.askPassword(target, user, reason)));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** Remembers the window's bounds. */
    public void rememberWindow(UiSettings.WindowBounds bounds) {
        saveSettings(settings.withWindow(bounds));
    }

    /** The saved window bounds, if any. */
    public Optional<UiSettings.WindowBounds> savedWindow() {
        return Optional.ofNullable(settings.window());
    }

    private void saveSettings(UiSettings updated) {
        settings = updated;
        try {
            settingsStore.save(updated);
        } catch (TidemarkException e) {
            lastError.set(e.getMessage());
        }
    }

    /** Closes the open platform. */
    public void close() {
        attempts++; // anything still opening is not wanted any more
        PlatformSession open = session.get();
        if (open != null) {
            open.close();
        }
    }

    public ReadOnlyObjectProperty<PlatformSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty platformTitleProperty() {
        return platformTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rightsProperty() {
        return rights.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public ObservableList<String> tenantChoices() {
        return tenantChoices;
    }

    public ObjectProperty<String> selectedTenantProperty() {
        return selectedTenant;
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The reason the open platform is read-only, or null. */
    public String readOnlyReason() {
        PlatformSession open = session.get();
        return open == null ? null : open.info().readOnlyReason();
    }
}
