package io.tidemark.config;

import io.tidemark.core.TidemarkException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One JSON settings file in the user's config folder, written to a temporary name and renamed so it is never half written. */
final class SettingsFile<T> {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

    private final Path file;
    private final Class<T> type;

    SettingsFile(Path file, Class<T> type) {
        this.file = file;
        this.type = type;
    }

    /** The stored value; empty when there is none or it cannot be read (a broken file is kept aside, not lost). */
    Optional<T> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigMapper.json().readValue(file.toFile(), type));
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            LOG.warn("Settings file {} is unreadable ({}); keeping it as {} and starting afresh", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailure) {
                LOG.warn("Could not move {} aside: {}", file, moveFailure.getMessage());
            }
            return Optional.empty();
        }
    }

    void write(T value) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            ConfigMapper.json().writeValue(temp.toFile(), value);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TidemarkException("Cannot save " + file + ": " + e.getMessage(), e);
        }
    }
}
