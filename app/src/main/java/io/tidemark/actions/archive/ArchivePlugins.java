package io.tidemark.actions.archive;

import io.tidemark.core.archive.ArchivePlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The archive plugins on the class path ({@link ServiceLoader}) and the ones a configuration enables. */
public final class ArchivePlugins {

    private ArchivePlugins() {
    }

    /** Every installed plugin, by name. */
    public static Map<String, ArchivePlugin> installed() {
        Map<String, ArchivePlugin> plugins = new LinkedHashMap<>();
        for (ArchivePlugin p : ServiceLoader.load(ArchivePlugin.class, ArchivePlugins.class.getClassLoader())) {
            plugins.putIfAbsent(p.name(), p);
        }
        return plugins;
    }

    /**
     * The names under {@code enabled_plugins.archives}: a list ({@code [csv]}) or a map of name to true/false
     * ({@code {csv: true}}), in the order given.
     */
    public static List<String> enabled(Map<String, Object> configuration) {
        List<String> names = new ArrayList<>();
        if (configuration == null || !(configuration.get("enabled_plugins") instanceof Map<?, ?> enabled)) {
            return names;
        }
        Object archives = enabled.get("archives");
        if (archives instanceof List<?> list) {
            list.forEach(n -> names.add(String.valueOf(n)));
        } else if (archives instanceof Map<?, ?> map) {
            map.forEach((name, on) -> {
                if (Boolean.TRUE.equals(on) || "true".equalsIgnoreCase(String.valueOf(on))) {
                    names.add(String.valueOf(name));
                }
            });
        } else if (archives instanceof String one && !one.isBlank()) {
            names.add(one);
        }
        return names;
    }
}
