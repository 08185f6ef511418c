package io.tidemark.actions.growth;

import io.tidemark.core.ByteSize;
import io.tidemark.core.growth.Dimension;
import io.tidemark.core.growth.Forecast;
import io.tidemark.core.growth.GrowthCategory;
import io.tidemark.core.growth.GrowthSeries;
import io.tidemark.core.storage.Quotas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The forecasts of one platform: when the disk under DATA_DIR, each limit of quotas.yml, or a chosen size is reached. */
public final class GrowthForecasts {

    /** The days fitted by default: the current pace, not last year's. */
    public static final int DEFAULT_WINDOW_DAYS = 90;

    private GrowthForecasts() {
    }

    /**
     * Works them out.
     *
     * @param windowDays the recent days fitted
     * @param untilBytes a size to forecast the total reaching, or 0 for none
     */
    public static List<Forecast> of(GrowthReport report, int windowDays, long untilBytes) {
        List<Forecast> forecasts = new ArrayList<>();
        Forecast disk = disk(report, windowDays);
        if (disk != null) {
            forecasts.add(disk);
        }
        Quotas q = report.quotas();
        if (q.dataDir() > 0 && report.dataDirSeries() != null) {
            forecasts.add(Forecast.of("the data_dir limit of " + ByteSize.format(q.dataDir()), report.dataDirSeries(), q.dataDir(), windowDays));
        }
        GrowthSeries database = report.history().find(Dimension.CATEGORY, GrowthCategory.DATABASE.key());
        if (q.database() > 0 && database != null) {
            forecasts.add(Forecast.of("the database limit of " + ByteSize.format(q.database()), database, q.database(), windowDays));
        }
        for (GrowthSeries tenant : report.history().of(Dimension.TENANT)) {
            long limit = q.tenants().getOrDefault(tenant.name(), Map.of()).getOrDefault("total", q.perTenant());
            if (limit > 0) {
                forecasts.add(Forecast.of(tenant.name() + "'s limit of " + ByteSize.format(limit), tenant, limit, windowDays));
            }
        }
        if (untilBytes > 0) {
            forecasts.add(Forecast.of(ByteSize.format(untilBytes) + " in all", report.history().total(), untilBytes, windowDays));
        }
        return forecasts;
    }

    /** When DATA_DIR's growth uses up the disk's free space (down to the free-disk floor, if one is set); null without DATA_DIR. */
    public static Forecast disk(GrowthReport report, int windowDays) {
        if (report.dataDirSeries() == null || report.disk() == null || report.dataDirSeries().points().isEmpty()) {
            return null;
        }
        long floor = report.quotas().freeDiskFloor();
        long limit = report.dataDirSeries().last().bytes() + Math.max(0, report.disk().freeBytes() - floor);
        return Forecast.of(floor > 0 ? "the free-disk floor of " + ByteSize.format(floor) : "the disk under DATA_DIR",
                report.dataDirSeries(), limit, windowDays);
    }

    /** The Overview's sentence for a disk forecast. */
    public static String sentence(Forecast f) {
        if (f == null) {
            return "No forecast: this connection has no DATA_DIR.";
        }
        if (f.trend() == null) {
            return "No forecast yet: DATA_DIR's history is shorter than three days.";
        }
        boolean floor = f.target().startsWith("the free-disk floor");
        if (!f.reached()) {
            return "At the current pace DATA_DIR does not grow: the disk does not fill.";
        }
        String what = floor ? "reaches " + f.target() : "fills the disk";
        String band = f.earliest() != null && f.latest() != null && !f.earliest().equals(f.latest())
                ? " (between " + f.earliest() + " and " + f.latest() + ")" : "";
        return "At the current pace DATA_DIR " + what + " in about " + about(f.days()) + ", around " + f.date() + band + ".";
    }

    /** A number of days in rounded words: "140 days", "3 years". */
    static String about(double days) {
        if (days < 1) {
            return "less than a day";
        }
        if (days < 730) {
            long d = Math.round(days);
            return d == 1 ? "1 day" : d + " days";
        }
        return Math.round(days / 365.25) + " years";
    }
}
