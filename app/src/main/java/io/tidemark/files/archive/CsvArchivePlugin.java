package io.tidemark.files.archive;

import io.tidemark.core.archive.ArchivePlugin;
import io.tidemark.core.archive.ArchivePluginContext;
import io.tidemark.core.archive.ArchiveScope;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The example archive plugin: writes the rows a purge is about to delete as a CSV file (RFC 4180, UTF-8, a header row;
 * blobs as {@code \x} hex; NULL as an empty unquoted field) in its folder, under a temporary name, flushed, then renamed.
 * Enable it with {@code enabled_plugins: {archives: [csv]}}.
 */
public final class CsvArchivePlugin implements ArchivePlugin {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public void beforePurge(Map<String, Object> configuration, ArchiveScope scope, ArchivePluginContext context) throws Exception {
        Path folder = context.outputFolder();
        String base = scope.table() + "_" + (scope.tenant() == null ? "all-tenants" : "tenant") + "_before_" + STAMP.format(scope.cutoff());
        Path target = folder.resolve(base + ".csv");
        Path temp = folder.resolve("." + base + ".csv.tmp");
        long[] rows = {0};
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16)) {
            context.readRows(new ArchivePluginContext.ScopeRows() {
                @Override
                public void columns(List<String> columns) throws IOException {
                    for (int i = 0; i < columns.size(); i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.write(quote(columns.get(i)));
                    }
                    out.write("\r\n");
                }

                @Override
                public void row(Object[] values) throws IOException {
                    for (int i = 0; i < values.length; i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        Object v = values[i];
                        if (v instanceof byte[] b) {
                            out.write("\\x" + HexFormat.of().formatHex(b));
                        } else if (v != null) {
                            out.write(quote(v.toString()));
                        }
                    }
                    out.write("\r\n");
                    if ((++rows[0] & 0xFFF) == 0) {
                        context.cancellation().checkpoint();
                    }
                }
            });
        } catch (Exception e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        ArchiveFiles.sync(temp);
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ArchiveFiles.syncFolder(folder);
        context.progress().report(1, "Wrote " + rows[0] + " rows to " + target.getFileName());
    }

    static String quote(String text) {
        if (text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
