package io.tidemark.cli;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.ReadStorage;
import io.tidemark.actions.StorageReport;
import io.tidemark.actions.growth.RecordSnapshot;
import io.tidemark.config.ConfigMapper;
import io.tidemark.config.UserFolders;
import io.tidemark.config.growth.GrowthStore;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.ByteSize;
import io.tidemark.core.Cancellation;
import io.tidemark.core.growth.StorageSnapshot;
import io.tidemark.core.storage.ScanProblem;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tidemark snapshot}: records the platform's storage in the local growth history (for cron). */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Scans the database and DATA_DIR and records the figures (per table, per tenant and category, totals, "
                + "free disk) in the growth history in your data folder (growth.sqlite), for `tidemark growth` and the Growth screen.",
                "Run it daily from cron: snapshots accumulate; before the first one, growth is rebuilt from the data itself."})
final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--to-platform", description = "Also add the per-tenant figures to the platform's metric snapshot table "
            + "(the profile's metrics: section; cmetricsnapshot on IntegraMon).")
    boolean toPlatform;

    @Option(names = "--json", description = "Print what was recorded as JSON (docs/growth-json.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        UserFolders folders = UserFolders.current();
        try (PlatformSession session = PlatformSession.open(connection.spec(), new ConsolePasswords())) {
            StorageReport report = ReadStorage.read(session, folders, true, false,
                    new TerminalProgress(command.commandLine().getErr(), !json), new Cancellation());
            StorageSnapshot snapshot = RecordSnapshot.record(session, folders, report);
            int metrics = toPlatform ? RecordSnapshot.writeToPlatform(session, snapshot, HistoryStore.open(folders)) : 0;
            int count = GrowthStore.open(folders).list(session.key()).size();
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("platform", session.key());
                j.put("store", folders.data().resolve(GrowthStore.FILE).toString());
                j.put("snapshots", count);
                j.put("snapshot", GrowthCommand.snapshotJson(snapshot));
                j.put("platform_metrics_written", metrics);
                out.println(ConfigMapper.json().writeValueAsString(j));
            } else {
                out.printf("Recorded snapshot %d of %s at %s: database %s, DATA_DIR %s, %s free on the disk.%n", count, session.key(),
                        snapshot.takenAt(), ByteSize.format(snapshot.databaseBytes()),
                        snapshot.dataDirBytes() < 0 ? "none" : ByteSize.format(snapshot.dataDirBytes()),
                        snapshot.diskFreeBytes() < 0 ? "unknown" : ByteSize.format(snapshot.diskFreeBytes()));
                if (toPlatform) {
                    out.printf("Added %d rows to %s.%n", metrics, session.profile().metrics().table());
                }
            }
            out.flush();
            return report.dataDir() != null && report.dataDir().problems().stream().anyMatch(ScanProblem::leftSomethingOut)
                    ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }
}
