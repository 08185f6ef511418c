package io.tidemark.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Tidemark keeps the user's settings (no secrets) and data (demo platform, history), following each
 * OS's convention; {@code TIDEMARK_HOME} puts both under one folder (tests, portable installs).
 *
 * @param config the settings folder
 * @param data   the data folder
 */
public record UserFolders(Path config, Path data) {

    /** The folders of the current user on this machine. */
    public static UserFolders current() {
        String home = System.getenv("TIDEMARK_HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("tidemark.home");
        }
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home);
            return new UserFolders(root.resolve("config"), root.resolve("data"));
        }
        Path userHome = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path appData = envPath("APPDATA", userHome.resolve("AppData").resolve("Roaming"));
            Path localAppData = envPath("LOCALAPPDATA", userHome.resolve("AppData").resolve("Local"));
            return new UserFolders(appData.resolve("Tidemark"), localAppData.resolve("Tidemark"));
        }
        if (os.contains("mac")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve("Tidemark");
            return new UserFolders(support, support);
        }
        return new UserFolders(
                envPath("XDG_CONFIG_HOME", userHome.resolve(".config")).resolve("tidemark"),
                envPath("XDG_DATA_HOME", userHome.resolve(".local").resolve("share")).resolve("tidemark"));
    }

    /** The folder of the bundled demo platform. */
    public Path demoPlatform() {
        return data.resolve("demo");
    }

    private static Path envPath(String variable, Path fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
