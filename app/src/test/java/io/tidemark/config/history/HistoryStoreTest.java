package io.tidemark.config.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.TidemarkException;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.HistoryQuery;
import io.tidemark.core.history.HistoryStart;
import io.tidemark.core.history.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    @TempDir Path dir;

    @Test
    void recordsAnActionFromStartToEndAndSurvivesReopening() {
        Path file = dir.resolve("h/history.sqlite");
        HistoryStore store = HistoryStore.open(file, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        long id = store.begin(new HistoryStart("purge", "sqlite:/p.sqlite3", "p.sqlite3", null, "cpimessagelog",
                "{\"cutoff\":\"2025-11-21\"}"));

        HistoryEntry running = store.get(id).orElseThrow();
        assertThat(running.outcome()).isEqualTo(Outcome.RUNNING);
        assertThat(running.finished()).isNull();
        assertThat(running.osUser()).isEqualTo(System.getProperty("user.name"));

        store.finish(id, Outcome.DONE, "{\"rows\":42}", null);

        HistoryEntry done = HistoryStore.open(file, Clock.systemUTC()).get(id).orElseThrow();
        assertThat(done.outcome()).isEqualTo(Outcome.DONE);
        assertThat(done.kind()).isEqualTo("purge");
        assertThat(done.subject()).isEqualTo("cpimessagelog");
        assertThat(done.planJson()).isEqualTo("{\"cutoff\":\"2025-11-21\"}");
        assertThat(done.resultJson()).isEqualTo("{\"rows\":42}");
        assertThat(done.started()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(done.duration()).isZero();
    }

    @Test
    void filtersByPlatformKindAndTimeNewestFirst() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T00:00:00Z"));
        HistoryStore store = HistoryStore.open(dir.resolve("history.sqlite"), clock);
        long first = store.begin(new HistoryStart("vacuum", "a", "a", "postgres", "t1", null));
        clock.now = Instant.parse("2026-11-10T00:00:00Z");
        long second = store.begin(new HistoryStart("purge", "a", "a", "postgres", null, null));
        clock.now = Instant.parse("2026-11-20T00:00:00Z");
        long third = store.begin(new HistoryStart("purge", "b", "b", null, null, null));

        assertThat(store.list(HistoryQuery.all())).extracting(HistoryEntry::id).containsExactly(third, second, first);
        assertThat(store.list(HistoryQuery.of("a"))).extracting(HistoryEntry::id).containsExactly(second, first);
        assertThat(store.list(new HistoryQuery(null, "purge", null, 0))).extracting(HistoryEntry::id).containsExactly(third, second);
        assertThat(store.list(new HistoryQuery(null, null, Instant.parse("2026-11-05T00:00:00Z"), 0)))
                .extracting(HistoryEntry::id).containsExactly(third, second);
        assertThat(store.list(new HistoryQuery(null, null, null, 1))).extracting(HistoryEntry::id).containsExactly(third);
    }

    @Test
    void anActionWhoseProcessDiedIsInterrupted() throws Exception {
        Path file = dir.resolve("history.sqlite");
        HistoryStore store = HistoryStore.open(file, Clock.systemUTC());
        long id = store.begin(new HistoryStart("purge", "a", "a", null, null, null));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE action SET pid = " + gone.pid() + " WHERE id = " + id);
        }

        assertThat(store.get(id).orElseThrow().outcome()).isEqualTo(Outcome.INTERRUPTED);
    }

    @Test
    void twoWritersAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("history.sqlite");
        HistoryStore.open(file, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            HistoryStore writer = HistoryStore.open(file, Clock.systemUTC());
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    long id = writer.begin(new HistoryStart("analyze", "a", "a", null, null, null));
                    writer.finish(id, Outcome.DONE, null, null);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(HistoryStore.open(file, Clock.systemUTC()).list(HistoryQuery.all()))
                .hasSize(100).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.DONE));
    }

    @Test
    void aFileThatIsNotAHistoryIsNamedAndLeftAlone() throws Exception {
        Path file = dir.resolve("history.sqlite");
        Files.writeString(file, "not a database at all");

        assertThatThrownBy(() -> HistoryStore.open(file, Clock.systemUTC()))
                .isInstanceOf(TidemarkException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a SQLite database");
        assertThat(Files.readString(file)).isEqualTo("not a database at all");
    }

    @Test
    void finishingAnUnknownActionIsAnError() {
        HistoryStore store = HistoryStore.open(dir.resolve("history.sqlite"), Clock.systemUTC());
        assertThatThrownBy(() -> store.finish(99, Outcome.DONE, null, null)).hasMessageContaining("no action 99");
        assertThatThrownBy(() -> store.finish(1, Outcome.RUNNING, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
