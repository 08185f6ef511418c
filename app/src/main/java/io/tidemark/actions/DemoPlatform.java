package io.tidemark.actions;

import io.tidemark.config.UserFolders;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.Progress;
import io.tidemark.demo.DemoPlatformBuilder;
import io.tidemark.core.demo.DemoReport;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled demo platform in the user's data folder: built on first use, then opened like any platform. */
public final class DemoPlatform {

    /** The name the demo's connection carries. */
    public static final String CONNECTION_NAME = "Demo platform";

    private DemoPlatform() {
    }

    /** Whether the demo was already built in these folders. */
    public static boolean exists(UserFolders folders) {
        Path dir = folders.demoPlatform();
        return Files.isRegularFile(dir.resolve(DemoPlatformBuilder.MARKER)) && Files.isRegularFile(dir.resolve(DemoSpec.SQLITE_FILE));
    }

    /** The demo's connection, building the demo first when it is missing. */
    public static synchronized ConnectionSpec ensure(UserFolders folders, Progress progress, Cancellation cancellation) {
        Path dir = folders.demoPlatform();
        if (!exists(folders)) {
            buildInPlace(dir, progress, cancellation);
        }
        return connection(dir);
    }

    /**
     * Builds next to {@code dir} and renames into place, so an interrupted build never leaves a half demo where the
     * app looks for one; a broken earlier folder is kept aside, not deleted.
     */
    private static void buildInPlace(Path dir, Progress progress, Cancellation cancellation) {
        try {
            Files.createDirectories(dir.getParent());
            Path building = Files.createTempDirectory(dir.getParent(), "demo.building-");
            try {
                build(DemoSpec.defaults(building, DemoScale.SMALL), progress, cancellation);
            } catch (RuntimeException e) {
                deleteQuietly(building); // a cancelled or failed first build leaves nothing behind
                throw e;
            }
            if (Files.exists(dir)) {
                Files.move(dir, dir.resolveSibling("demo.broken-" + System.currentTimeMillis()));
            }
            Files.move(building, dir);
        } catch (java.io.IOException e) {
            throw new io.tidemark.core.TidemarkException("Cannot build the demo platform in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            // what could not be removed stays in the data folder under its demo.building- name
        }
    }

    /** Builds a demo platform as specified. */
    public static DemoReport build(DemoSpec spec, Progress progress, Cancellation cancellation) {
        return new DemoPlatformBuilder(spec).build(progress, cancellation);
    }

    /** The connection to a demo built in {@code dir} with its SQLite database. */
    public static ConnectionSpec connection(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return new ConnectionSpec(CONNECTION_NAME, absolute.resolve(DemoSpec.SQLITE_FILE).toString(), null,
                absolute.toString(), "integramon");
    }
}
