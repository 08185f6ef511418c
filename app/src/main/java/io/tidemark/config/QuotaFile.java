package io.tidemark.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.storage.FileCategory;
import io.tidemark.core.storage.QuotaCheck;
import io.tidemark.core.storage.Quotas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The administrator's storage limits, {@code quotas.yml} in the config folder, one section per connection name:
 * <pre>
 * "prod-eu":
 *   free_disk_floor: 50GB
 *   data_dir: 2TB
 *   database: 500GB
 *   per_tenant: 40GB
 *   per_category: { archives: 20GB, job_logs: 2GB, run_logs: 2GB }
 *   tenants:
 *     acme-prod: { total: 120GB, archives: 60GB }
 * </pre>
 * Sizes are bytes or a number with kB, MB, GB or TB (1024-based, as everywhere in Tidemark).
 */
public final class QuotaFile {

    /** The file's name in the config folder. */
    public static final String NAME = "quotas.yml";
    private static final Pattern SIZE = Pattern.compile("(?i)^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(b|bytes|kb|k|mb|m|gb|g|tb|t)?\\s*$");

    private final Path file;

    public QuotaFile(Path configFolder) {
        this.file = configFolder.resolve(NAME);
    }

    /** The file's path, for messages and for the user to edit. */
    public Path path() {
        return file;
    }

    /** The limits for a connection, or none when the file or its section is missing. */
    public Quotas forConnection(String connectionName) {
        if (!Files.isRegularFile(file)) {
            return Quotas.NONE;
        }
        JsonNode root;
        try {
            root = ConfigMapper.yaml().readTree(file.toFile());
        } catch (IOException e) {
            throw new TidemarkException("The quota file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        JsonNode section = root == null ? null : root.get(connectionName);
        if (section == null || section.isNull()) {
            return Quotas.NONE;
        }
        String where = file + " (" + connectionName + ")";
        Map<FileCategory, Long> perCategory = new EnumMap<>(FileCategory.class);
        JsonNode categories = section.path("per_category");
        for (Iterator<Map.Entry<String, JsonNode>> it = categories.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            perCategory.put(category(e.getKey(), where), size(e.getValue(), where + " per_category." + e.getKey()));
        }
        Map<String, Map<String, Long>> tenants = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = section.path("tenants").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tenant = it.next();
            Map<String, Long> limits = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> l = tenant.getValue().fields(); l.hasNext(); ) {
                Map.Entry<String, JsonNode> limit = l.next();
                if (!limit.getKey().equals("total")) {
                    category(limit.getKey(), where + " tenants." + tenant.getKey());
                }
                limits.put(limit.getKey(), size(limit.getValue(), where + " tenants." + tenant.getKey() + "." + limit.getKey()));
            }
            tenants.put(tenant.getKey(), limits);
        }
        for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!java.util.Set.of("free_disk_floor", "data_dir", "database", "per_tenant", "per_category", "tenants").contains(name)) {
                throw new TidemarkException("Unknown limit '" + name + "' in " + where + ": use free_disk_floor, data_dir, database, "
                        + "per_tenant, per_category or tenants.");
            }
        }
        return new Quotas(size(section.get("free_disk_floor"), where + " free_disk_floor"), size(section.get("data_dir"), where + " data_dir"),
                size(section.get("database"), where + " database"), size(section.get("per_tenant"), where + " per_tenant"),
                perCategory, tenants);
    }

    private static FileCategory category(String key, String where) {
        for (FileCategory c : new FileCategory[] {FileCategory.ARCHIVES, FileCategory.JOB_LOGS, FileCategory.RUN_LOGS, FileCategory.TENANT_OTHER}) {
            if (QuotaCheck.key(c).equals(key)) {
                return c;
            }
        }
        throw new TidemarkException("Unknown category '" + key + "' in " + where + ": use archives, job_logs, run_logs or other.");
    }

    /** "50GB", "750 MB", "1.5TB" or a plain number of bytes. */
    static long size(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        Matcher m = SIZE.matcher(node.asText());
        if (!m.matches()) {
            throw new TidemarkException("'" + node.asText() + "' in " + where + " is not a size: write e.g. 50GB, 750MB or 1.5TB.");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        return Math.round(value * Math.pow(1024, power));
    }
}
