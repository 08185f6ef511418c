package io.tidemark.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Switches between the light and dark themes in one place: AtlantaFX Primer plus Tidemark's stylesheet. */
public final class Theme {

    private static final String TIDEMARK_CSS = Theme.class.getResource("tidemark.css").toExternalForm();

    private Theme() {
    }

    /** Applies the light or dark theme to the whole application and adds Tidemark's stylesheet to {@code scene}. */
    public static void apply(Scene scene, boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(TIDEMARK_CSS)) {
            scene.getStylesheets().add(TIDEMARK_CSS);
        }
    }
}
