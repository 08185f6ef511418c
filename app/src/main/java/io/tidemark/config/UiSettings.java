package io.tidemark.config;

import java.nio.file.Path;

/**
 * What the desktop window remembers between runs, in {@code ui.json}.
 *
 * @param theme          "light" or "dark"
 * @param lastConnection the name of the connection open when the window closed, or null
 * @param window         the window's bounds, or null before the first close
 */
public record UiSettings(String theme, String lastConnection, WindowBounds window) {

    /** The settings of a first start. */
    public static final UiSettings DEFAULT = new UiSettings("light", null, null);

    public UiSettings {
        theme = "dark".equals(theme) ? "dark" : "light";
    }

    /** These settings with another theme. */
    public UiSettings withTheme(String newTheme) {
        return new UiSettings(newTheme, lastConnection, window);
    }

    /** These settings with another last connection. */
    public UiSettings withLastConnection(String name) {
        return new UiSettings(theme, name, window);
    }

    /** These settings with other window bounds. */
    public UiSettings withWindow(WindowBounds bounds) {
        return new UiSettings(theme, lastConnection, bounds);
    }

    /** The main window's position and size. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    /** Reads and writes the settings file in a config folder. */
    public static final class Store {
        private final SettingsFile<UiSettings> file;

        public Store(Path configFolder) {
            this.file = new SettingsFile<>(configFolder.resolve("ui.json"), UiSettings.class);
        }

        /** The saved settings, or the first-start ones. */
        public UiSettings load() {
            return file.read().orElse(DEFAULT);
        }

        /** Saves the settings. */
        public void save(UiSettings settings) {
            file.write(settings);
        }
    }
}
