package io.tidemark.config.purge;

import io.tidemark.config.ConfigMapper;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.RetentionDefaults;
import io.tidemark.core.purge.ConfigChain;
import io.tidemark.core.purge.RetentionPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The purge configuration as xivo-purge-db reads it: {@code config.yml}, then every {@code *.yml} file of {@code conf.d/}
 * (or of the folder its {@code extra_config_files} names) in name order, hidden files and other extensions skipped, a
 * file that does not parse skipped with a warning; merged by {@link ConfigChain} (the first {@code conf.d} file by name
 * wins, then the next, then {@code config.yml}; maps merge key by key).
 *
 * <p>Keys: {@code days_to_keep}, {@code days_to_keep_per_table} (table → days), {@code log_retention_days}
 * ({@code LOG_RETENTION_DAYS} in the environment otherwise), {@code archive_delete_older_than},
 * {@code enabled_plugins.archives} (plugin names), {@code vacuum} (true/false).
 */
public final class PurgeConfigFiles {

    /** The file the GUI writes its edits to: first by name, so it wins over the other conf.d files. */
    public static final String GUI_FILE = "00-tidemark.yml";

    private final Path folder;
    private final List<String> warnings = new ArrayList<>();

    /** @param folder the folder holding {@code config.yml} and {@code conf.d/} (xivo-purge-db's is /etc/xivo-purge-db) */
    public PurgeConfigFiles(Path folder) {
        this.folder = folder;
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    /** Files that could not be read at the last {@link #merged()}, one sentence each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The merged configuration. */
    public Map<String, Object> merged() {
        warnings.clear();
        Map<String, Object> main = read(folder.resolve("config.yml"));
        Object extra = main.get("extra_config_files");
        Path confD = extra instanceof String s && !s.isBlank() ? folder.resolve(s) : folder.resolve("conf.d");
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Path file : confFiles(confD)) {
            layers.add(read(file));
        }
        layers.add(main);
        return ConfigChain.merge(layers);
    }

    /** The policy from the merged configuration over the profile's defaults. */
    public RetentionPolicy policy(RetentionDefaults defaults) {
        return policy(merged(), defaults, System.getenv("LOG_RETENTION_DAYS"));
    }

    /** The policy of a merged configuration. */
    public static RetentionPolicy policy(Map<String, Object> config, RetentionDefaults defaults, String logRetentionEnv) {
        int days = days(config, "days_to_keep", defaults.daysToKeep());
        Map<String, Integer> perTable = new LinkedHashMap<>();
        if (config.get("days_to_keep_per_table") instanceof Map<?, ?> m) {
            m.forEach((table, value) -> perTable.put(String.valueOf(table), days(Map.of("days_to_keep_per_table." + table, value),
                    "days_to_keep_per_table." + table, days)));
        } else if (config.containsKey("days_to_keep_per_table") && config.get("days_to_keep_per_table") != null) {
            throw new TidemarkException("days_to_keep_per_table must map table names to days.");
        }
        int logDefault = defaults.logRetentionDays();
        if (logRetentionEnv != null && !logRetentionEnv.isBlank()) {
            logDefault = days(Map.of("LOG_RETENTION_DAYS", logRetentionEnv), "LOG_RETENTION_DAYS", logDefault);
        }
        int logDays = days(config, "log_retention_days", logDefault);
        int archiveDays = days(config, "archive_delete_older_than", defaults.archiveDeleteOlderThan());
        List<String> plugins = new ArrayList<>();
        if (config.get("enabled_plugins") instanceof Map<?, ?> enabled && enabled.get("archives") instanceof List<?> list) {
            list.forEach(p -> plugins.add(String.valueOf(p)));
        }
        boolean vacuum = !(config.get("vacuum") instanceof Boolean b) || b;
        return new RetentionPolicy(days, perTable, logDays, archiveDays, plugins, vacuum, config);
    }

    /** Saves the GUI's edits in {@value #GUI_FILE} of conf.d, keeping whatever else that file holds. */
    public void save(int daysToKeep, Map<String, Integer> perTable, int logRetentionDays) {
        Path confD = folder.resolve("conf.d");
        Path file = confD.resolve(GUI_FILE);
        Map<String, Object> content = Files.exists(file) ? read(file) : new LinkedHashMap<>();
        content.put("days_to_keep", daysToKeep);
        if (perTable.isEmpty()) {
            content.remove("days_to_keep_per_table");
        } else {
            content.put("days_to_keep_per_table", new LinkedHashMap<>(perTable));
        }
        content.put("log_retention_days", logRetentionDays);
        try {
            Files.createDirectories(confD);
            Path temp = Files.createTempFile(confD, ".tidemark", ".tmp");
            Files.writeString(temp, "# Written by Tidemark's Purge screen; the first conf.d file by name wins.\n"
                    + ConfigMapper.yaml().writeValueAsString(content), StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TidemarkException("Cannot save the purge settings in " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> confFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && name.endsWith(".yml") && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            return files;
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            Object value = ConfigMapper.yaml().readValue(file.toFile(), Object.class);
            if (value == null) {
                return new LinkedHashMap<>();
            }
            if (!(value instanceof Map<?, ?>)) {
                warnings.add(file + " is not a YAML mapping: skipped.");
                return new LinkedHashMap<>();
            }
            return new LinkedHashMap<>((Map<String, Object>) value);
        } catch (IOException e) {
            warnings.add("Could not read " + file + ": skipped (" + e.getMessage().lines().findFirst().orElse("") + ").");
            return new LinkedHashMap<>();
        }
    }

    private static int days(Map<String, Object> config, String key, int fallback) {
        Object v = config.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int days = v instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(v.toString().trim());
            if (days < 0 || (v instanceof Number n && n.doubleValue() != days)) {
                throw new NumberFormatException();
            }
            return days;
        } catch (RuntimeException e) {
            throw new TidemarkException(key + " must be a whole number of days, 0 or more (it is '" + v + "').");
        }
    }
}
