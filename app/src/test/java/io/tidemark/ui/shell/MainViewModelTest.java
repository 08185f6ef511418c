package io.tidemark.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.config.ConnectionStore;
import io.tidemark.config.UserFolders;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.ui.CurrentThreadTaskExecutor;
import io.tidemark.ui.ScriptedDialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's logic with a scripted dialog service: what is saved, what is said, what state follows. */
class MainViewModelTest {

    @TempDir
    Path home;

    /** Answers the dialogs as a test script says and records what they were shown. */
    @Test
    void aWrongConnectionIsExplainedSavedForCorrectionAndLeavesNothingOpen() {
        UserFolders folders = new UserFolders(home.resolve("config"), home.resolve("data"));
        ScriptedDialogs dialogs = new ScriptedDialogs();
        MainViewModel model = new MainViewModel(folders, new CurrentThreadTaskExecutor(), dialogs);
        dialogs.connectionAnswer = Optional.of(new ConnectionSpec("lab", home.resolve("lab.sqlite3").toString(), null, null, null));

        model.chooseConnection();

        assertThat(dialogs.errors).singleElement().asString().contains("lab.sqlite3", "does not exist");
        assertThat(model.connectionStateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(model.sessionProperty().get()).isNull();
        assertThat(new ConnectionStore(folders.config()).find("lab")).isPresent();
    }

    @Test
    void windowBoundsAndThemeAreRememberedForTheNextStart() {
        UserFolders folders = new UserFolders(home.resolve("config"), home.resolve("data"));
        MainViewModel first = new MainViewModel(folders, new CurrentThreadTaskExecutor(), new ScriptedDialogs());
        first.darkProperty().set(true);
        first.rememberWindow(new io.tidemark.config.UiSettings.WindowBounds(40, 30, 1333, 777, false));

        MainViewModel next = new MainViewModel(folders, new CurrentThreadTaskExecutor(), new ScriptedDialogs());
        assertThat(next.darkProperty().get()).isTrue();
        assertThat(next.savedWindow()).hasValueSatisfying(b -> {
            assertThat(b.width()).isEqualTo(1333);
            assertThat(b.x()).isEqualTo(40);
        });
    }

    @Test
    void cancellingTheConnectionDialogChangesNothing() {
        UserFolders folders = new UserFolders(home.resolve("config"), home.resolve("data"));
        ScriptedDialogs dialogs = new ScriptedDialogs();
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        MainViewModel model = new MainViewModel(folders, tasks, dialogs);

        model.chooseConnection();

        assertThat(tasks.titles).isEmpty();
        assertThat(new ConnectionStore(folders.config()).all()).isEmpty();
        assertThat(model.connectionStateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
    }
}
