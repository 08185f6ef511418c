package io.tidemark.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.ConnectionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved connections and window settings survive a restart, hold no password, and a broken file loses nothing. */
class SettingsTest {

    @TempDir
    Path config;

    @Test
    void connectionsAreSavedWithoutSecrets() throws Exception {
        ConnectionStore store = new ConnectionStore(config);
        store.save(new ConnectionSpec("prod-eu", "jdbc:postgresql://db:5432/integramon?sslmode=require", "tidemark", "/mnt/data", "integramon"));
        store.save(new ConnectionSpec("lab", "/srv/lab.sqlite3", null, null, null));
        assertThat(new ConnectionStore(config).all()).extracting(ConnectionSpec::name).containsExactly("lab", "prod-eu");
        assertThat(new ConnectionStore(config).find("prod-eu").orElseThrow().dataDir()).isEqualTo("/mnt/data");
        assertThat(Files.readString(config.resolve("connections.json"))).doesNotContainIgnoringCase("password");
        store.remove("lab");
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void windowSettingsRoundTripAndABrokenFileIsKeptAside() throws Exception {
        UiSettings.Store store = new UiSettings.Store(config);
        store.save(UiSettings.DEFAULT.withTheme("dark").withLastConnection("prod-eu")
                .withWindow(new UiSettings.WindowBounds(10, 20, 1300, 800, false)));
        UiSettings read = new UiSettings.Store(config).load();
        assertThat(read.theme()).isEqualTo("dark");
        assertThat(read.window().width()).isEqualTo(1300);

        Files.writeString(config.resolve("ui.json"), "{ not json");
        assertThat(store.load()).isEqualTo(UiSettings.DEFAULT);
        assertThat(config.resolve("ui.json.unreadable")).hasContent("{ not json");
    }
}
