package io.tidemark.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.config.ConfigMapper;
import io.tidemark.core.Tenant;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.profile.FileLayout;
import io.tidemark.core.profile.PlatformProfile;
import io.tidemark.core.profile.TenantModel;
import io.tidemark.core.storage.DataDirLayout;
import io.tidemark.core.storage.TenantFolders;
import io.tidemark.db.TenantDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Works out where each tenant's files are: the profile's path templates, then each tenant's settings rows that move them. */
public final class DataDirLayouts {

    private DataDirLayouts() {
    }

    /** The layout of an open platform (its tenants read from the database). */
    public static DataDirLayout of(PlatformSession session) {
        Path dataDir = session.dataDir().orElseThrow(() -> new TidemarkException("This connection has no DATA_DIR to scan."));
        PlatformProfile profile = session.profile();
        List<TenantFolders> tenants = new ArrayList<>();
        if (profile.hasTenants() && profile.hasFiles()) {
            TenantDirectory directory = new TenantDirectory(session.database(), profile.tenants());
            for (Tenant t : directory.tenants()) {
                tenants.add(folders(dataDir, profile, t.name(), directory.settings(t.id())));
            }
        }
        DataDirLayout layout = of(dataDir, profile, tenants);
        String own = databaseFileInDataDir(session);
        if (own != null && !layout.databaseFiles().contains(own)) {
            List<String> names = new ArrayList<>(layout.databaseFiles());
            names.add(own);
            layout = new DataDirLayout(layout.dataDir(), layout.logDir(), layout.tenants(), layout.archiveFolder(),
                    layout.jobLogFolder(), layout.runLogFolder(), names);
        }
        return layout;
    }

    /**
     * One tenant's folders, reading only that tenant's settings rows (an export of one tenant does not read every
     * tenant's settings).
     */
    public static TenantFolders tenantFolders(PlatformSession session, Tenant tenant) {
        Path dataDir = session.dataDir().orElseThrow(() -> new TidemarkException("This connection has no DATA_DIR to scan."));
        TenantDirectory directory = new TenantDirectory(session.database(), session.profile().tenants());
        return folders(dataDir, session.profile(), tenant.name(), directory.settings(tenant.id()));
    }

    /** The SQLite database's file name when the file lies directly in DATA_DIR (as on small installs), else null. */
    public static String databaseFileInDataDir(PlatformSession session) {
        if (session.info().kind() != io.tidemark.core.DatabaseKind.SQLITE || session.dataDir().isEmpty()) {
            return null;
        }
        Path file = Path.of(session.database().target().location()).toAbsolutePath().normalize();
        return session.dataDir().get().equals(file.getParent()) ? file.getFileName().toString() : null;
    }

    /** The layout of {@code dataDir} for the given tenants' folders. */
    public static DataDirLayout of(Path dataDir, PlatformProfile profile, List<TenantFolders> tenants) {
        FileLayout files = profile.files();
        Path logDir = files == null || files.logDir() == null ? dataDir.resolve("logs") : Path.of(expand(files.logDir(), dataDir, ""));
        return new DataDirLayout(dataDir, logDir, tenants,
                files == null ? "archive" : folderBelowTenant(files.archiveDir(), "archive"),
                files == null ? "logs/jobs" : folderBelowTenant(files.jobLog(), "logs/jobs"),
                files == null ? "logs/runs" : folderBelowTenant(files.runLog(), "logs/runs"),
                List.of("platform.sqlite3", "db.sqlite3"));
    }

    /** One tenant's folders: its settings' {@code data_dir} values (later ones win) replace the profile's template. */
    static TenantFolders folders(Path dataDir, PlatformProfile profile, String tenant, Map<String, String> settings) {
        TenantModel model = profile.tenants();
        String template = profile.files().tenantDir() == null ? "{data_dir}/{config}" : profile.files().tenantDir();
        String tenantDir = expand(template, dataDir, tenant);
        for (String name : model.dataDirSettings()) {
            tenantDir = override(settings.get(name), dataDir, tenant, tenantDir);
        }
        String jobLogDir = tenantDir;
        for (String name : model.jobLogDirSettings()) {
            jobLogDir = override(settings.get(name), dataDir, tenant, jobLogDir);
        }
        return new TenantFolders(tenant, Path.of(tenantDir), Path.of(jobLogDir));
    }

    private static String override(String json, Path dataDir, String tenant, String current) {
        if (json == null) {
            return current;
        }
        try {
            JsonNode value = ConfigMapper.json().readTree(json);
            JsonNode dir = value == null ? null : value.get("data_dir");
            if (dir == null || !dir.isTextual() || dir.asText().isBlank()) {
                return current;
            }
            Path resolved = dataDir.resolve(expand(dir.asText(), dataDir, tenant)).normalize();
            return resolved.toString();
        } catch (IOException e) {
            return current; // a settings row that is not JSON moves nothing; the platform ignores it too
        }
    }

    private static String expand(String template, Path dataDir, String tenant) {
        return template.replace("{data_dir}", dataDir.toString()).replace("{config}", tenant);
    }

    /** "{tenant_dir}/logs/jobs/{job}/{date}.log" → "logs/jobs". */
    static String folderBelowTenant(String template, String fallback) {
        if (template == null || !template.startsWith("{tenant_dir}/")) {
            return fallback;
        }
        StringBuilder folder = new StringBuilder();
        for (String segment : template.substring("{tenant_dir}/".length()).split("/")) {
            if (segment.contains("{")) {
                break;
            }
            folder.append(folder.isEmpty() ? "" : "/").append(segment);
        }
        return folder.toString();
    }
}
