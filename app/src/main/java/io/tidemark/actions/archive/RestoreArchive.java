package io.tidemark.actions.archive;

import io.tidemark.actions.PlatformSession;
import io.tidemark.config.history.HistoryStore;
import io.tidemark.core.Cancellation;
import io.tidemark.core.DatabaseKind;
import io.tidemark.core.Progress;
import io.tidemark.core.TidemarkException;
import io.tidemark.core.archive.ArchiveCheck;
import io.tidemark.core.archive.ArchiveFormat;
import io.tidemark.core.archive.ArchiveManifest;
import io.tidemark.core.archive.ArchiveName;
import io.tidemark.core.archive.RestoreReport;
import io.tidemark.core.history.Outcome;
import io.tidemark.db.archive.ArchiveRestorer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Puts an archive's rows back into the platform's database, after verifying the archive; rows still there are skipped. */
public final class RestoreArchive {

    /**
     * A restore about to run: the verified archive and what it holds.
     *
     * @param file     the archive file
     * @param name     its parsed name
     * @param manifest its verified manifest (tenant, day, tables and row counts)
     */
    public record Plan(Path file, ArchiveName name, ArchiveManifest manifest) {

        /** "tenant acme, 2026-11-10: 1,204 rows (cpimessagelog 200, …)" */
        public String describe() {
            StringBuilder s = new StringBuilder("tenant " + manifest.tenant() + ", " + manifest.day() + ": "
                    + String.format(java.util.Locale.ROOT, "%,d", manifest.totalRows()) + " rows (");
            for (int i = 0; i < manifest.tables().size(); i++) {
                ArchiveManifest.TableContent t = manifest.tables().get(i);
                s.append(i == 0 ? "" : ", ").append(t.table()).append(' ').append(String.format(java.util.Locale.ROOT, "%,d", t.rows()));
            }
            return s.append(')').toString();
        }
    }

    private RestoreArchive() {
    }

    /** Verifies the archive and says what a restore would put back; refuses an archive that does not verify. */
    public static Plan plan(PlatformSession session, Path file, Cancellation cancellation) {
        ArchiveName name = ArchiveReading.name(file);
        if (name.format() == ArchiveFormat.POSTGRES && session.info().kind() != DatabaseKind.POSTGRESQL) {
            throw new TidemarkException("A postgres archive restores into a PostgreSQL database; this platform is on SQLite.");
        }
        ArchiveCheck check = VerifyArchives.file(file, cancellation);
        if (!check.ok()) {
            throw new TidemarkException(file.getFileName() + " does not verify, so it is not restored: " + check.summary());
        }
        return new Plan(file, name, check.manifest());
    }

    /** Restores a planned archive, with the audit history. */
    public static RestoreReport run(PlatformSession session, Plan plan, HistoryStore history, Progress progress, Cancellation cancellation) {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("file", plan.file().toString());
        audit.put("archive", ArchiveJson.manifest(plan.manifest()));
        ArchiveHistory entry = ArchiveHistory.begin(history, session, "archive-restore",
                "tenant " + plan.manifest().tenant() + ", " + plan.manifest().day(), audit);
        try (Connection c = session.database().connection()) {
            RestoreReport report;
            if (plan.name().format() == ArchiveFormat.SQLITE) {
                try (ArchiveReading.PlainFile plain = ArchiveReading.plainSqlite(plan.file(), plan.name())) {
                    report = ArchiveRestorer.fromSqlite(plain.path(), plan.manifest(), c, session.info().kind(), progress, cancellation);
                }
            } else {
                try (InputStream in = ArchiveReading.script(plan.file(), plan.name())) {
                    report = ArchiveRestorer.fromPostgresScript(in, plan.manifest(), c, progress, cancellation);
                }
            }
            entry.finish(Outcome.DONE, ArchiveJson.restore(report), "Restored " + report.restored() + " rows, skipped "
                    + report.skipped() + " already there");
            return report;
        } catch (SQLException | IOException e) {
            TidemarkException failure = new TidemarkException("Restoring " + plan.file().getFileName()
                    + " failed and was rolled back: " + e.getMessage(), e);
            entry.failed(failure);
            throw failure;
        } catch (RuntimeException e) {
            entry.failed(e);
            throw e;
        }
    }
}
