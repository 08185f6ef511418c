package io.tidemark.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, as Maven stamped it. */
public final class TidemarkVersion {

    private TidemarkVersion() {
    }

    /** "0.1.0", or "development" when run from unbuilt classes. */
    public static String current() {
        try (InputStream in = TidemarkVersion.class.getResourceAsStream("/io/tidemark/version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "development");
            return v.startsWith("${") ? "development" : v;
        } catch (IOException e) {
            return "development";
        }
    }
}
