package io.tidemark.ui.overview;

import io.tidemark.actions.OverviewFigures;
import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.ReadOverview;
import io.tidemark.core.ByteSize;
import io.tidemark.core.storage.TableStats;
import io.tidemark.core.TidemarkException;
import io.tidemark.ui.tasks.TaskExecutor;
import java.time.ZoneId;
import java.util.List;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Overview's figures, read in the background from the open platform and turned into the words the screen shows. */
public final class OverviewViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TaskExecutor tasks;
    private long requests;
    private final ReadOnlyObjectWrapper<OverviewFigures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper databaseSize = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper databaseDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tenants = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper tenantsDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diskFree = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper diskDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Double> diskUsed = new ReadOnlyObjectWrapper<>(0.0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<TableRow> tables = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper scopeNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper forecast = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataDirSize = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper dataDirDetail = new ReadOnlyStringWrapper("");
    private final ObservableList<String> biggestTenants = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();

    public OverviewViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** One line of the tables list, already in words. */
    public record TableRow(String table, String rows, String size, long sizeBytes, String rowsTooltip, String sizeTooltip) {
    }

    /** Reads the figures of {@code session} in the background; clears the screen when there is no platform. */
    public void refresh(PlatformSession session) {
        if (session == null) {
            requests++;
            figures.set(null);
            tables.clear();
            status.set("No platform open.");
            return;
        }
        loading.set(true);
        status.set("Reading figures…");
        long request = ++requests;
        tasks.submit("Reading the overview", (progress, cancel) -> ReadOverview.read(session), f -> {
            if (request == requests) {
                show(f); // an older read finishing late (a slow server) never covers a newer one
            }
        }, failure -> {
            if (request == requests) {
                loading.set(false);
                status.set(failure instanceof TidemarkException ? failure.getMessage() : "Reading the overview failed: " + failure);
            }
        });
    }

    private void show(OverviewFigures f) {
        loading.set(false);
        figures.set(f);
        databaseSize.set(ByteSize.format(f.databaseBytes()));
        databaseDetail.set(f.database().engineLabel() + " · " + f.database().name());
        tenants.set(String.valueOf(f.tenants()));
        tenantsDetail.set(f.activeTenants() + " active, " + (f.tenants() - f.activeTenants()) + " inactive");
        if (f.dataDir() != null) {
            diskFree.set(ByteSize.format(f.dataDir().freeBytes()) + " free");
            diskDetail.set("of " + ByteSize.format(f.dataDir().totalBytes()) + " on " + f.dataDir().filesystem()
                    + " (" + Math.round(f.dataDir().usedFraction() * 100) + "% used)");
            diskUsed.set(f.dataDir().usedFraction());
        } else {
            diskFree.set("no DATA_DIR");
            diskDetail.set("this connection has no DATA_DIR");
            diskUsed.set(0.0);
        }
        tables.setAll(f.tables().stream().map(t -> row(t, f.database().kind())).toList());
        status.set("Read at " + TIME.format(f.readAt()));
    }

    private static TableRow row(TableStats t, io.tidemark.core.DatabaseKind kind) {
        String rows = t.rows() < 0 ? "not analyzed" : (t.rowsExact() ? "" : "≈ ") + ByteSize.count(t.rows());
        String rowsTooltip = t.rowsExact() ? "Counted with count(*)"
                : kind == io.tidemark.core.DatabaseKind.POSTGRESQL
                        ? "Planner estimate (pg_class.reltuples), refreshed by ANALYZE and autovacuum; no table scan"
                        : "Row count from sqlite_stat1, as the last ANALYZE left it; no table scan";
        String sizeTooltip = t.totalBytes() < 0 ? "This database does not report table sizes"
                : ByteSize.count(t.totalBytes()) + " bytes: table " + ByteSize.format(t.tableBytes()) + ", indexes "
                        + ByteSize.format(t.indexBytes())
                        + (kind == io.tidemark.core.DatabaseKind.POSTGRESQL
                                ? ", TOAST " + ByteSize.format(t.toastBytes()) + " (pg_total_relation_size)" : " (SQLite dbstat)");
        return new TableRow(t.table(), rows, ByteSize.format(t.totalBytes()), t.totalBytes(), rowsTooltip, sizeTooltip);
    }

    /** Takes DATA_DIR's size, the largest tenants and the warnings from the Storage screen's latest scan (null while none). */
    public void showStorage(io.tidemark.actions.StorageReport report, boolean scanning) {
        if (report == null) {
            dataDirSize.set(scanning ? "scanning…" : "—");
            dataDirDetail.set(scanning ? "walking DATA_DIR in the background" : "not scanned");
            biggestTenants.clear();
            warnings.clear();
            return;
        }
        var usage = report.dataDir();
        if (usage == null) {
            dataDirSize.set("none");
            dataDirDetail.set("this connection has no DATA_DIR");
        } else {
            dataDirSize.set(ByteSize.format(usage.totalBytes()));
            dataDirDetail.set(ByteSize.count(usage.fileTotal().files()) + " files · scanned " + TIME.format(usage.scannedAt()));
            record Size(String tenant, long files, long database) {
                long total() {
                    return files + database;
                }
            }
            biggestTenants.setAll(usage.tenants().entrySet().stream()
                    .map(e -> new Size(e.getKey(), e.getValue().values().stream().mapToLong(io.tidemark.core.storage.Usage::bytes).sum(),
                            report.tenantRows().containsKey(e.getKey()) ? report.tenantRows().get(e.getKey()).bytes() : 0))
                    .sorted(java.util.Comparator.comparingLong(Size::total).reversed())
                    .limit(6)
                    .map(t -> t.tenant() + " · " + ByteSize.format(t.total()) + "\n    files " + ByteSize.format(t.files())
                            + " · database ≈ " + ByteSize.format(t.database()))
                    .toList());
        }
        List<String> all = new java.util.ArrayList<>();
        report.warnings().forEach(w -> all.add((w.level() == io.tidemark.core.storage.StorageWarning.Level.EXCEEDED
                ? "Limit exceeded · " : "Limit near · ") + w.message()));
        if (usage != null) {
            usage.problems().forEach(p -> all.add(p.kind() + " · " + p.path() + " · " + p.message()));
        }
        warnings.setAll(all);
    }

    public ReadOnlyStringProperty dataDirSizeProperty() {
        return dataDirSize.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataDirDetailProperty() {
        return dataDirDetail.getReadOnlyProperty();
    }

    public ObservableList<String> biggestTenants() {
        return biggestTenants;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    /** Says plainly that the figures cover every tenant while a single tenant is selected (per-tenant figures come with Storage). */
    public void showTenant(String tenant) {
        scopeNote.set(tenant == null || tenant.equals(io.tidemark.ui.shell.MainViewModel.ALL_TENANTS) ? ""
                : "These figures cover all tenants: the database reports table sizes, not tenant shares. "
                        + tenant + "'s files, by category, are on the Storage screen; its share of the tables is not measured yet.");
    }

    /** Shows the growth forecast's sentence ("At the current pace DATA_DIR fills the disk in about 140 days…"); empty hides it. */
    public void showForecast(String sentence) {
        forecast.set(sentence == null ? "" : sentence);
    }

    public ReadOnlyStringProperty forecastProperty() {
        return forecast.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scopeNoteProperty() {
        return scopeNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OverviewFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseSizeProperty() {
        return databaseSize.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseDetailProperty() {
        return databaseDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tenantsProperty() {
        return tenants.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tenantsDetailProperty() {
        return tenantsDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diskFreeProperty() {
        return diskFree.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diskDetailProperty() {
        return diskDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Double> diskUsedProperty() {
        return diskUsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<TableRow> tables() {
        return tables;
    }
}
