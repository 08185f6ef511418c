package io.tidemark.actions.growth;

import io.tidemark.actions.DataDirLayouts;
import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.ReadOverview;
import io.tidemark.config.QuotaFile;
import io.tidemark.config.UserFolders;
import io.tidemark.config.growth.GrowthStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DiskSpace;
import io.tidemark.core.Progress;
import io.tidemark.core.Tenant;
import io.tidemark.core.growth.Dimension;
import io.tidemark.core.growth.GrowthCategory;
import io.tidemark.core.growth.GrowthHistory;
import io.tidemark.core.growth.GrowthPoint;
import io.tidemark.core.growth.GrowthSeries;
import io.tidemark.core.growth.RebuiltVolumes;
import io.tidemark.core.growth.StorageSnapshot;
import io.tidemark.core.storage.DatabaseStorage;
import io.tidemark.core.storage.Quotas;
import io.tidemark.core.storage.TableStats;
import io.tidemark.db.growth.DailyRowCounts;
import io.tidemark.files.Disks;
import io.tidemark.files.growth.DailyFileVolumes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a platform's growth: rebuilds the daily history from its rows and files, then lays the recorded snapshots over it. */
public final class ReadGrowth {

    private ReadGrowth() {
    }

    /** Reads it. */
    public static GrowthReport read(PlatformSession session, UserFolders folders, Progress progress, Cancellation cancellation) {
        Quotas quotas = new QuotaFile(folders.config()).forConnection(session.spec().name());
        long started = System.nanoTime();
        RebuiltVolumes volumes = rebuild(session, progress, cancellation);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        progress.report(-1, "Reading table sizes");
        DatabaseStorage storage = ReadOverview.readStorage(session, false, cancellation);
        Map<String, Long> tableBytes = new HashMap<>();
        for (TableStats t : storage.tables()) {
            tableBytes.put(t.table(), t.totalBytes());
        }
        List<StorageSnapshot> snapshots = GrowthStore.open(folders).list(session.key());
        GrowthHistory history = GrowthHistory.build(volumes, tableBytes, snapshots);
        DiskSpace disk = session.dataDir().map(Disks::spaceOf).orElse(null);
        GrowthSeries dataDir = session.dataDir().isPresent()
                ? dataDirSeries(history, DataDirLayouts.databaseFileInDataDir(session) != null) : null;
        return new GrowthReport(history, volumes, dataDir, disk, quotas, took);
    }

    /** What the rows' timestamps and the files' names and times say was added each day. */
    public static RebuiltVolumes rebuild(PlatformSession session, Progress progress, Cancellation cancellation) {
        progress.report(-1, "Counting rows per day");
        Map<Long, String> names = new HashMap<>();
        for (Tenant t : session.tenants()) {
            names.put(t.id(), t.name());
        }
        List<RebuiltVolumes.RowDay> rows = new DailyRowCounts(session.database(), session.profile()).count(names, cancellation);
        List<RebuiltVolumes.FileDay> files = new ArrayList<>();
        if (session.dataDir().isPresent() && session.profile().hasFiles()) {
            progress.report(-1, "Dating archives and logs");
            files = new DailyFileVolumes(DataDirLayouts.of(session), session.profile().files().archiveNames()).read(cancellation);
        }
        return new RebuiltVolumes(rows, files);
    }

    /** The file categories added up (and the database when it is a file in DATA_DIR), day by day. */
    static GrowthSeries dataDirSeries(GrowthHistory history, boolean databaseInDataDir) {
        TreeMap<LocalDate, long[]> sum = new TreeMap<>();
        TreeMap<LocalDate, Boolean> rebuilt = new TreeMap<>();
        for (GrowthSeries s : history.of(Dimension.CATEGORY)) {
            if (s.name().equals(GrowthCategory.DATABASE.key()) && !databaseInDataDir) {
                continue;
            }
            for (GrowthPoint p : s.points()) {
                long[] v = sum.computeIfAbsent(p.day(), d -> new long[2]);
                v[0] += p.bytes();
                v[1] += s.name().equals(GrowthCategory.DATABASE.key()) ? 0 : p.count();
                rebuilt.merge(p.day(), p.rebuilt(), Boolean::logicalOr);
            }
        }
        List<GrowthPoint> points = new ArrayList<>();
        sum.forEach((day, v) -> points.add(new GrowthPoint(day, v[0], v[1], rebuilt.get(day))));
        return new GrowthSeries(Dimension.TOTAL, "DATA_DIR", points);
    }
}
