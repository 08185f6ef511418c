package io.tidemark;

import io.tidemark.cli.TidemarkCommand;
import io.tidemark.ui.TidemarkApp;

/**
 * The jar's entry point: a command runs headless; no command opens the desktop window. It does not extend
 * {@code Application}, so {@code java -jar} works with JavaFX on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Application.launch blocks until the window closes, so exiting here ends a GUI run as well as a command.
        System.exit(TidemarkCommand.commandLine(TidemarkApp::launchWindow).execute(args));
    }
}
