package io.tidemark.ui.purge;

import io.tidemark.TestPostgres;
import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.purge.MakePurgePlan;
import io.tidemark.actions.purge.PurgeRequest;
import io.tidemark.actions.purge.RunPurge;
import io.tidemark.config.UserFolders;
import io.tidemark.config.purge.PurgeConfigFiles;
import io.tidemark.core.Cancellation;
import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.Progress;
import io.tidemark.core.profile.RetentionDefaults;
import io.tidemark.core.purge.PurgeJournal;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.ui.CurrentThreadTaskExecutor;
import io.tidemark.ui.shell.MainViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A role that may not delete sees why the Purge button is off, and the engine refuses too. */
class ReadOnlyPurgeTest {

    @TempDir
    Path home;

    @Test
    void aReadOnlyRoleSeesWhyAndNothingIsDeleted() throws Exception {
        String url = TestPostgres.newDatabase();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cel (id serial PRIMARY KEY, eventtime timestamptz NOT NULL)");
            // An hour off the day boundaries, so the cutoff (fixed a moment later, by the JVM's clock) cannot split a day.
            s.execute("INSERT INTO cel (eventtime) SELECT now() - g * interval '1 day' + interval '1 hour' FROM generate_series(1, 100) g");
            s.execute("ALTER DATABASE " + c.getCatalog() + " SET default_transaction_read_only = on");
        }
        try (PlatformSession session = PlatformSession.open(new ConnectionSpec("ro", url, null, null, "xivo"), PasswordSource.NONE)) {
            assertThat(session.info().readOnly()).isTrue();
            PurgeViewModel model = new PurgeViewModel(new CurrentThreadTaskExecutor(), new UserFolders(home.resolve("c"), home.resolve("d")),
                    new io.tidemark.ui.ScriptedDialogs());
            model.show(session, MainViewModel.ALL_TENANTS);
            model.daysToKeepProperty().set(30);
            model.preview(); // the plan only reads
            assertThat(model.planProperty().get().rows()).isEqualTo(70); // 31..100 days old (an hour less): the 30-day row is an hour newer than the cutoff
            assertThat(model.canPurge().get()).isFalse();
            assertThat(model.readOnlyReasonProperty().get()).startsWith("Purge is off: ").contains("read-only");
            assertThat(model.purgeOffReason().get()).contains("read-only");

            PurgePlan plan = MakePurgePlan.make(session, new PurgeRequest(PurgeConfigFiles.policy(Map.of(), RetentionDefaults.STANDARD, null)
                    .withDaysToKeep(30), null, List.of(), false, false, null), Progress.NONE);
            assertThatThrownBy(() -> RunPurge.run(session, plan, RunPurge.Options.of(PurgeJournal.inMemory(), null), Progress.NONE,
                    new Cancellation())).isInstanceOf(RunPurge.Refused.class).hasMessageContaining("Nothing was purged");
        }
    }
}
