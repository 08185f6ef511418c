package io.tidemark.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML from ui-resources (same package and base name as the view class), with the view as controller. */
public final class ViewLoader {

    private ViewLoader() {
    }

    /** Loads {@code <ViewClass>.fxml} into {@code view}'s {@code @FXML} fields and returns its root. */
    public static Parent load(Object view) {
        Class<?> type = view.getClass();
        URL fxml = type.getResource(type.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("Missing FXML for " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
    }
}
