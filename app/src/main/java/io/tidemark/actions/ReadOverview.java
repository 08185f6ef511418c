package io.tidemark.actions;

import io.tidemark.core.DiskSpace;
import io.tidemark.core.TableFigures;
import io.tidemark.core.Tenant;
import io.tidemark.core.profile.TableSpec;
import io.tidemark.db.DatabaseCatalog;
import io.tidemark.files.Disks;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Reads the Overview's figures from an open platform. */
public final class ReadOverview {

    private ReadOverview() {
    }

    /** Reads database size, the profile's tables, tenants and DATA_DIR's disk. */
    public static OverviewFigures read(PlatformSession session) {
        DatabaseCatalog catalog = new DatabaseCatalog(session.database());
        List<String> names = session.profile().tables().stream().map(TableSpec::name).toList();
        List<TableFigures> tables = catalog.figures(names).stream()
                .sorted(Comparator.comparingLong(TableFigures::totalBytes).reversed().thenComparing(TableFigures::table))
                .toList();
        List<Tenant> tenants = session.tenants();
        DiskSpace disk = session.dataDir().map(Disks::spaceOf).orElse(null);
        return new OverviewFigures(session.info(), catalog.databaseBytes(), tables, tenants.size(),
                (int) tenants.stream().filter(Tenant::active).count(), disk, Instant.now());
    }
}
