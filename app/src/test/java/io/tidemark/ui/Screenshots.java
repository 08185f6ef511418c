package io.tidemark.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Writes a scene as the PNG the README shows: into {@code tidemark.screenshots.dir} in the build, else a temp folder. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Renders {@code scene} (real pixels, also headless) into {@code name}; returns the file. */
    public static File write(FxRobot robot, Scene scene, String name, Path fallbackDir) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(image[0], null);
        String dir = System.getProperty("tidemark.screenshots.dir");
        File target = dir == null ? fallbackDir.resolve(name).toFile() : new File(dir, name);
        target.getParentFile().mkdirs();
        try {
            ImageIO.write(png, "png", target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(target).isFile();
        return target;
    }
}
