package io.tidemark.actions.growth;

import io.tidemark.core.TidemarkException;
import io.tidemark.core.growth.GrowthPoint;
import io.tidemark.core.growth.GrowthSeries;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Growth series as CSV: one line per series and day, with exact bytes and whether the point was rebuilt. */
public final class GrowthCsv {

    private GrowthCsv() {
    }

    /** Writes the series to {@code file}. */
    public static void write(List<GrowthSeries> series, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("dimension,series,day,bytes,count,rebuilt\n");
            for (GrowthSeries s : series) {
                String name = quote(s.name());
                for (GrowthPoint p : s.points()) {
                    out.write(s.dimension().key() + "," + name + "," + p.day() + "," + p.bytes() + "," + p.count() + "," + p.rebuilt() + "\n");
                }
            }
        } catch (IOException e) {
            throw new TidemarkException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                && !value.startsWith("=") && !value.startsWith("+") && !value.startsWith("-") && !value.startsWith("@");
        return plain ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
