package io.tidemark.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.TestDemos;
import io.tidemark.actions.DemoPlatform;
import io.tidemark.actions.PlatformSession;
import io.tidemark.config.UserFolders;
import io.tidemark.core.PasswordSource;
import io.tidemark.core.logs.LogLevel;
import io.tidemark.core.logs.LogNode;
import io.tidemark.ui.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsViewModelTest {

    @TempDir
    Path temp;

    @Test
    void opensFiltersSearchesMergesTracesFollowsAndSaves() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 2, 3, 4);
        UserFolders folders = new UserFolders(temp.resolve("config"), temp.resolve("data"));
        LogsViewModel model = new LogsViewModel(new CurrentThreadTaskExecutor(), folders);
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            model.showPlatform(session);
            LogNode tree = model.treeProperty().get();
            assertThat(tree.children()).extracting(LogNode::name).containsExactly("Service logs", "Tenants");

            model.treeFilterProperty().set("publish_sync");
            assertThat(model.treeProperty().get().files()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.name()).startsWith("publish_sync"));
            model.treeFilterProperty().set("");

            // Open the Django log: its lines as the file has them, with levels.
            LogNode django = tree.find(LogNode.Kind.FAMILY, "django/django.log").children().get(0);
            List<String> text = Files.readAllLines(django.path());
            model.open(django);
            assertThat(model.rowCountProperty().get()).isEqualTo(text.size());
            assertThat(model.row(0).line().text()).isEqualTo(text.get(0));
            assertThat(model.row(text.size() - 1).line().text()).isEqualTo(text.get(text.size() - 1));
            assertThat(model.row(0).line().meta().hasTime()).isTrue();

            // Level filter: only warnings and worse remain.
            model.filter(LogLevel.WARNING, null, null);
            assertThat(model.modeProperty().get()).isEqualTo(LogsViewModel.Mode.FILTERED);
            int shown = model.rowCountProperty().get();
            assertThat(shown).isPositive().isLessThan(text.size());
            for (int i = 0; i < shown; i++) {
                assertThat(model.row(i).line().meta().level().atLeast(LogLevel.WARNING)).isTrue();
            }
            model.showWholeFile();

            // Search in the file: counts and next/previous over the hits.
            model.search("GET", false, false, LogsViewModel.Scope.FILE);
            long expected = text.stream().filter(l -> l.contains("GET")).count();
            assertThat(model.results().get(0).count()).isEqualTo(expected);
            int first = model.nextHit(-1, true);
            assertThat(model.row(first).line().text()).contains("GET");
            int second = model.nextHit(first, true);
            assertThat(second).isGreaterThan(first);
            assertThat(model.nextHit(second, false)).isEqualTo(first);

            // The family as one timeline.
            model.mergeFamily();
            assertThat(model.modeProperty().get()).isEqualTo(LogsViewModel.Mode.MERGED);
            long familyLines = 0;
            for (LogNode f : tree.find(LogNode.Kind.FAMILY, "django/django.log").files()) {
                familyLines += Files.readAllLines(f.path()).size();
            }
            assertThat(model.rowCountProperty().get()).isEqualTo(familyLines);

            // A request ID from a line, traced across all logs in time order.
            Matcher id = Pattern.compile("request_id=([0-9a-f-]{36})").matcher(String.join("\n", text));
            assertThat(id.find()).isTrue();
            model.open(django);
            model.trace(id.group(1), LogsViewModel.Scope.ALL);
            assertThat(model.modeProperty().get()).isEqualTo(LogsViewModel.Mode.TRACE);
            assertThat(model.rowCountProperty().get()).isPositive();
            assertThat(model.row(0).line().text()).contains(id.group(1));

            // Save what is shown.
            Path saved = temp.resolve("trace.txt");
            model.save(saved);
            assertThat(Files.readAllLines(saved)).hasSize(model.rowCountProperty().get())
                    .allSatisfy(l -> assertThat(l).contains(id.group(1)));
        }
    }

    @Test
    void followShowsAppendedLinesAndReopensARotatedFile() throws Exception {
        Path dir = temp.resolve("data-dir");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path file = logs.resolve("worker.log");
        Files.writeString(file, "2026-11-20 03:00:00,000 INFO one\n");
        UserFolders folders = new UserFolders(temp.resolve("config"), temp.resolve("data"));
        LogsViewModel model = new LogsViewModel(new CurrentThreadTaskExecutor(), folders);
        model.open(LogNode.file("worker.log", file, Files.size(file), null, null));
        model.follow(true);
        assertThat(model.followingProperty().get()).isTrue();
        Files.writeString(file, "2026-11-20 03:00:01,000 ERROR two\n", StandardOpenOption.APPEND);
        model.followTick();
        assertThat(model.rowCountProperty().get()).isEqualTo(2);
        assertThat(model.row(1).line().text()).endsWith("ERROR two");
        Files.move(file, logs.resolve("worker.log.1"));
        Files.writeString(file, "2026-11-20 03:00:02,000 INFO three\n");
        model.followTick();
        assertThat(model.rowCountProperty().get()).isEqualTo(1);
        assertThat(model.row(0).line().text()).endsWith("three");
        assertThat(model.followingProperty().get()).isTrue();
    }

    @Test
    void theTenantChosenInTheHeaderNarrowsTheTreeAndAllLogs() throws Exception {
        Path demo = TestDemos.build(temp.resolve("demo"), 3, 3, 6);
        LogsViewModel model = new LogsViewModel(new CurrentThreadTaskExecutor(), new UserFolders(temp.resolve("config"), temp.resolve("data")));
        try (PlatformSession session = PlatformSession.open(DemoPlatform.connection(demo), PasswordSource.NONE)) {
            model.showPlatform(session);
            LogNode all = model.treeProperty().get();
            LogNode tenants = all.find(LogNode.Kind.GROUP, "Tenants");
            assertThat(tenants.children()).hasSize(3);
            String chosen = tenants.children().get(1).name();
            long serviceFiles = all.files().stream().filter(f -> f.tenant() == null).count();

            model.showTenant(chosen);
            LogNode narrowed = model.treeProperty().get();
            assertThat(narrowed.files()).isNotEmpty().allSatisfy(f -> assertThat(f.tenant()).isIn(null, chosen));
            assertThat(narrowed.files().stream().filter(f -> f.tenant() == null).count()).isEqualTo(serviceFiles);
            assertThat(narrowed.find(LogNode.Kind.GROUP, "Tenants").children()).extracting(LogNode::name).containsExactly(chosen);

            LogNode file = narrowed.files().get(0);
            model.open(file);
            model.search("INFO", false, false, LogsViewModel.Scope.ALL);
            assertThat(model.searchSummaryProperty().get()).contains("of " + narrowed.files().size() + " logs");

            model.showTenant(io.tidemark.ui.shell.MainViewModel.ALL_TENANTS);
            assertThat(model.treeProperty().get().files()).hasSameSizeAs(all.files());
        }
    }

    @Test
    void aFollowTickWaitsForTheOneInFlightInsteadOfPilingUp() throws Exception {
        Path log = Files.writeString(Files.createDirectories(temp.resolve("dd").resolve("logs")).resolve("app.log"), "one\ntwo\n");
        List<Runnable> held = new java.util.ArrayList<>();
        boolean[] hold = {false};
        io.tidemark.ui.tasks.TaskExecutor tasks = new io.tidemark.ui.tasks.TaskExecutor() {
            final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();

            @Override
            public <T> io.tidemark.ui.tasks.RunningTask submit(String title, io.tidemark.ui.tasks.BackgroundTask<T> task,
                                                                java.util.function.Consumer<T> onSuccess,
                                                                java.util.function.Consumer<Throwable> onFailure) {
                if (hold[0]) { // a slow share: the tick's stat has not answered yet
                    held.add(() -> now.submit(title, task, onSuccess, onFailure));
                    return new io.tidemark.ui.tasks.RunningTask("");
                }
                return now.submit(title, task, onSuccess, onFailure);
            }
        };
        LogsViewModel model = new LogsViewModel(tasks, new UserFolders(temp.resolve("config"), temp.resolve("data")));
        model.open(LogNode.file("app.log", log, Files.size(log), null, null));
        assertThat(model.rowCountProperty().get()).isEqualTo(2);
        model.follow(true);
        hold[0] = true;
        model.followTick();
        model.followTick();
        model.followTick();
        assertThat(held).hasSize(1);
        Files.writeString(log, "three\n", StandardOpenOption.APPEND);
        hold[0] = false;
        held.remove(0).run();
        assertThat(model.rowCountProperty().get()).isEqualTo(3);
        hold[0] = true;
        model.followTick(); // the last one answered: the next tick goes out
        assertThat(held).hasSize(1);
    }
}
