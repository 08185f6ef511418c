package io.tidemark.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** Tidemark's stylesheet parses without an error: a broken block makes JavaFX drop every rule after it, silently. */
class StylesheetTest {

    @Test
    void theStylesheetParsesCleanly() throws Exception {
        URL css = Theme.class.getResource("tidemark.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(css);
        assertThat(CssParser.errorsProperty()).extracting(Object::toString).isEmpty();
        // every screen's section is there, after the shell's
        assertThat(sheet.getRules().stream().flatMap(r -> r.getSelectors().stream()).map(Object::toString).toList())
                .anyMatch(s -> s.contains("command-palette")).anyMatch(s -> s.contains("growth"))
                .anyMatch(s -> s.contains("archive")).anyMatch(s -> s.contains("notice"));
    }
}
