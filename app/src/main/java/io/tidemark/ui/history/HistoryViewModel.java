package io.tidemark.ui.history;

import io.tidemark.actions.PlatformSession;
import io.tidemark.actions.history.ReadHistory;
import io.tidemark.config.UserFolders;
import io.tidemark.core.history.HistoryEntry;
import io.tidemark.core.history.HistoryQuery;
import io.tidemark.core.history.Outcome;
import io.tidemark.ui.tasks.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The History screen: every action Tidemark recorded, filtered, with the exact plan and result of the one selected. */
public final class HistoryViewModel {

    /** The choice that shows every kind or every outcome. */
    public static final String ANY = "Any";

    private final TaskExecutor tasks;
    private final UserFolders folders;
    private final ObservableList<HistoryEntry> all = FXCollections.observableArrayList();
    private final ObservableList<io.tidemark.core.history.PlatformRecord> platformRecords = FXCollections.observableArrayList();
    private final FilteredList<HistoryEntry> shown = new FilteredList<>(all);
    private final ObservableList<String> kinds = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> outcomes = FXCollections.observableArrayList(ANY);
    private final StringProperty kind = new SimpleStringProperty(ANY);
    private final StringProperty outcome = new SimpleStringProperty(ANY);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final BooleanProperty thisPlatformOnly = new SimpleBooleanProperty(true);
    private final ObjectProperty<HistoryEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("Select an action to see its plan and result.");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private PlatformSession session;

    public HistoryViewModel(TaskExecutor tasks, UserFolders folders) {
        this.tasks = tasks;
        this.folders = folders;
        for (Outcome o : Outcome.values()) {
            outcomes.add(label(o));
        }
        kind.addListener((obs, was, now) -> filter());
        outcome.addListener((obs, was, now) -> filter());
        text.addListener((obs, was, now) -> filter());
        since.addListener((obs, was, now) -> filter());
        thisPlatformOnly.addListener((obs, was, now) -> filter());
        selected.addListener((obs, was, now) -> showDetail(now));
    }

    /** Reads the history again, for {@code platform} (the one open, or null). */
    public void load(PlatformSession platform) {
        this.session = platform;
        status.set("Reading the history…");
        tasks.submit(null, (progress, cancellation) -> new Loaded(ReadHistory.read(folders, HistoryQuery.all()),
                ReadHistory.location(folders), platform == null ? List.of() : platformRecordsOf(platform)), loaded -> {
                    platformRecords.setAll(loaded.platformRecords());
                    HistoryEntry wasSelected = selected.get();
                    all.setAll(loaded.entries());
                    TreeSet<String> seen = new TreeSet<>();
                    loaded.entries().forEach(e -> seen.add(e.kind()));
                    String keep = kind.get();
                    kinds.setAll(ANY);
                    kinds.addAll(seen);
                    kind.set(kinds.contains(keep) ? keep : ANY);
                    filter();
                    if (wasSelected != null) {
                        shown.stream().filter(e -> e.id() == wasSelected.id()).findFirst().ifPresent(selected::set);
                    }
                    status.set(loaded.entries().size() + " actions recorded in " + loaded.location());
                }, failure -> status.set(failure.getMessage()));
    }

    /** Reads the history again for the same platform. */
    public void refresh() {
        load(session);
    }

    private void filter() {
        String wantedKind = kind.get();
        String wantedOutcome = outcome.get();
        String needle = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
        Instant from = since.get() == null ? null : since.get().atStartOfDay(ZoneId.systemDefault()).toInstant();
        String platform = thisPlatformOnly.get() && session != null ? session.key() : null;
        shown.setPredicate(e -> (wantedKind == null || ANY.equals(wantedKind) || wantedKind.equals(e.kind()))
                && (wantedOutcome == null || ANY.equals(wantedOutcome) || wantedOutcome.equals(label(e.outcome())))
                && (from == null || !e.started().isBefore(from))
                && (platform == null || platform.equals(e.platformKey()))
                && (needle.isEmpty() || haystack(e).contains(needle)));
    }

    private static String haystack(HistoryEntry e) {
        return String.join(" ", String.valueOf(e.id()), e.kind(), nonNull(e.subject()), nonNull(e.message()), nonNull(e.platformTitle()),
                e.osUser(), nonNull(e.dbRole()), nonNull(e.planJson())).toLowerCase(Locale.ROOT);
    }

    private void showDetail(HistoryEntry e) {
        if (e == null) {
            plan.set("");
            result.set("");
            detail.set("Select an action to see its plan and result.");
            return;
        }
        plan.set(e.planJson() == null ? "(this action has no plan)" : ReadHistory.readable(e.planJson()));
        result.set(e.resultJson() == null ? "(no result recorded)" : ReadHistory.readable(e.resultJson()));
        detail.set("#" + e.id() + " · " + e.kind() + " · " + label(e.outcome()) + " · " + e.platformTitle()
                + " · " + who(e) + (e.duration() == null ? "" : " · took " + took(e.duration()))
                + (e.message() == null ? "" : "\n" + e.message()));
    }

    /** An outcome as the screen says it. */
    public static String label(Outcome outcome) {
        String name = outcome.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Who ran an action: OS user, host and database role. */
    public static String who(HistoryEntry e) {
        return e.osUser() + "@" + e.host() + (e.dbRole() == null ? "" : " as " + e.dbRole());
    }

    /** A duration in words. */
    public static String took(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
                : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** The platform's own records, or none when it cannot give them (the History screen still shows Tidemark's). */
    private static List<io.tidemark.core.history.PlatformRecord> platformRecordsOf(PlatformSession platform) {
        try {
            return ReadHistory.platformRecords(platform, null, 500);
        } catch (io.tidemark.core.TidemarkException e) {
            return List.of();
        }
    }

    private record Loaded(List<HistoryEntry> entries, String location, List<io.tidemark.core.history.PlatformRecord> platformRecords) {
    }

    /** The platform's tenant cleanups and job runs, newest first. */
    public ObservableList<io.tidemark.core.history.PlatformRecord> platformRecords() {
        return platformRecords;
    }

    public ObservableList<HistoryEntry> entries() {
        return shown;
    }

    public ObservableList<String> kinds() {
        return kinds;
    }

    public ObservableList<String> outcomes() {
        return outcomes;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty outcomeProperty() {
        return outcome;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    public BooleanProperty thisPlatformOnlyProperty() {
        return thisPlatformOnly;
    }

    public ObjectProperty<HistoryEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
