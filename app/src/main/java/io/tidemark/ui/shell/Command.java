package io.tidemark.ui.shell;

import java.util.Objects;
import javafx.scene.input.KeyCombination;

/**
 * Something the user can do from the keyboard: from its shortcut anywhere in the window, or by name in the command
 * palette (Ctrl+K).
 *
 * @param name     what it does, as the palette lists it ("Go to Storage")
 * @param shortcut its key, or null when it has none
 * @param action   runs it (on the FX thread)
 */
public record Command(String name, KeyCombination shortcut, Runnable action) {

    public Command {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
    }

    /** The shortcut as this platform writes it ("Ctrl+1", "⌘1"), or "" when there is none. */
    public String shortcutText() {
        return shortcut == null ? "" : shortcut.getDisplayText();
    }
}
