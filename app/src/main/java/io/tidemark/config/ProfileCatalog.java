package io.tidemark.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.core.profile.TableSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds platform profiles: the ones shipped in the jar by name, or a user's YAML file by path. */
public final class ProfileCatalog {

    /** The profiles shipped with Tidemark. */
    public static final List<String> SHIPPED = List.of("integramon", "xivo", "igny8");

    private ProfileCatalog() {
    }

    /** Loads a shipped profile by name, or a profile file when {@code nameOrPath} is a path to one. */
    public static PlatformProfile load(String nameOrPath) {
        if (SHIPPED.contains(nameOrPath)) {
            return loadShipped(nameOrPath);
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new TidemarkException("Unknown profile '" + nameOrPath + "': use one of " + String.join(", ", SHIPPED)
                    + " or the path of a profile YAML file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return validated(read(in, file.toString()), file.toString());
        } catch (IOException e) {
            throw new TidemarkException("Cannot read the profile file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The YAML text of a shipped profile, for users who want a copy to edit. */
    public static String shippedText(String name) {
        try (InputStream in = shippedStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Shipped profile " + name + " is unreadable", e);
        }
    }

    private static PlatformProfile loadShipped(String name) {
        try (InputStream in = shippedStream(name)) {
            return validated(read(in, name + ".yaml"), name + ".yaml");
        } catch (IOException e) {
            throw new IllegalStateException("Shipped profile " + name + " is unreadable", e);
        }
    }

    private static InputStream shippedStream(String name) {
        InputStream in = ProfileCatalog.class.getResourceAsStream("/io/tidemark/profiles/" + name + ".yaml");
        if (in == null) {
            throw new IllegalStateException("Shipped profile " + name + " is missing from the jar");
        }
        return in;
    }

    private static PlatformProfile read(InputStream in, String source) throws IOException {
        try {
            return ConfigMapper.yaml().readValue(in, PlatformProfile.class);
        } catch (JsonProcessingException e) {
            throw new TidemarkException("The profile " + source + " is not valid: " + e.getOriginalMessage()
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
        }
    }

    /** Checks what YAML cannot: names present, parents known, no cycles between tables. */
    private static PlatformProfile validated(PlatformProfile profile, String source) {
        if (profile.name() == null || profile.name().isBlank()) {
            throw new TidemarkException("The profile " + source + " has no name.");
        }
        Set<String> names = new HashSet<>();
        for (TableSpec table : profile.tables()) {
            if (table.name() == null || table.name().isBlank()) {
                throw new TidemarkException("The profile " + source + " has a table without a name.");
            }
            if (!names.add(table.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new TidemarkException("The profile " + source + " names the table " + table.name() + " twice.");
            }
        }
        if (profile.hasTenants()) {
            var t = profile.tenants();
            if (t.table() == null || t.idColumn() == null || t.nameColumn() == null) {
                throw new TidemarkException("In the profile " + source + ", tenants needs table, id_column and name_column.");
            }
            if (t.configTable() != null && (t.configTenantColumn() == null || t.configNameColumn() == null || t.configValueColumn() == null)) {
                throw new TidemarkException("In the profile " + source + ", tenants.config_table needs config_tenant_column, "
                        + "config_name_column and config_value_column.");
            }
        }
        for (TableSpec table : profile.tables()) {
            if (table.parent() != null && profile.table(table.parent().table()).isEmpty()) {
                throw new TidemarkException("In the profile " + source + ", " + table.name() + " has the parent "
                        + table.parent().table() + ", which the profile does not list.");
            }
            if (table.parent() == null && table.retentionColumn() == null) {
                throw new TidemarkException("In the profile " + source + ", " + table.name()
                        + " has neither a retention column nor a parent: its rows' age cannot be known.");
            }
        }
        return profile;
    }
}
