package io.tidemark.actions;

import io.tidemark.core.Cancellation;
import io.tidemark.core.DiskSpace;
import io.tidemark.core.Tenant;
import io.tidemark.core.profile.TableSpec;
import io.tidemark.core.storage.DatabaseStorage;
import io.tidemark.core.storage.TableStats;
import io.tidemark.db.StorageStatistics;
import io.tidemark.files.Disks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the Overview's figures from an open platform. */
public final class ReadOverview {

    private ReadOverview() {
    }

    /** Reads database size, the profile's tables, tenants and DATA_DIR's disk. */
    public static OverviewFigures read(PlatformSession session) {
        DatabaseStorage storage = readStorage(session, false, new Cancellation());
        List<TableStats> tables = storage.tables().stream().filter(TableStats::inProfile).toList();
        List<Tenant> tenants = session.tenants();
        DiskSpace disk = session.dataDir().map(Disks::spaceOf).orElse(null);
        return new OverviewFigures(session.info(), storage.totalBytes(), tables, tenants.size(),
                (int) tenants.stream().filter(Tenant::active).count(), disk, Instant.now());
    }

    /** Every table's storage figures; {@code exact} counts rows and measures bloat where it can (reads every table). */
    public static DatabaseStorage readStorage(PlatformSession session, boolean exact, Cancellation cancellation) {
        Set<String> profileTables = session.profile().tables().stream().map(TableSpec::name)
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new StorageStatistics(session.database()).read(profileTables, exact, cancellation);
    }
}
