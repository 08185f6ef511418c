package io.tidemark.config;

import io.tidemark.core.ConnectionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The named connection profiles the administrator saved (no passwords), in {@code connections.json}. */
public final class ConnectionStore {

    private final SettingsFile<Saved> file;

    public ConnectionStore(Path configFolder) {
        this.file = new SettingsFile<>(configFolder.resolve("connections.json"), Saved.class);
    }

    /** Every saved connection, by name. */
    public List<ConnectionSpec> all() {
        List<ConnectionSpec> all = new ArrayList<>(file.read().map(Saved::connections).orElse(List.of()));
        all.sort(Comparator.comparing(ConnectionSpec::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    /** The saved connection with this name. */
    public Optional<ConnectionSpec> find(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Saves the connection, replacing one of the same name. */
    public void save(ConnectionSpec spec) {
        List<ConnectionSpec> all = new ArrayList<>(all());
        all.removeIf(c -> c.name().equals(spec.name()));
        all.add(spec);
        file.write(new Saved(all));
    }

    /** Forgets the connection with this name. */
    public void remove(String name) {
        List<ConnectionSpec> all = new ArrayList<>(all());
        all.removeIf(c -> c.name().equals(name));
        file.write(new Saved(all));
    }

    record Saved(List<ConnectionSpec> connections) {
        Saved {
            connections = connections == null ? List.of() : connections;
        }
    }
}
