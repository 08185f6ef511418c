package io.tidemark.ui.logs;

import io.tidemark.core.logs.LogLevel;
import io.tidemark.core.logs.LogLine;
import io.tidemark.core.logs.LogNode;
import io.tidemark.ui.ViewLoader;
import io.tidemark.ui.logs.LogsViewModel.ResultEntry;
import io.tidemark.ui.logs.LogsViewModel.Row;
import io.tidemark.ui.logs.LogsViewModel.Scope;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/** The Logs screen: tree, virtualized viewer, filters, search with results, follow, merge, request trace, copy and save. */
public final class LogsView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int PIECE = 64 * 1024;
    private static final double ROW_HEIGHT = 20;

    @FXML private Parent root;
    @FXML private Label title;
    @FXML private ToggleButton wrap;
    @FXML private ToggleButton follow;
    @FXML private Button wholeFile;
    @FXML private Button mergeFamily;
    @FXML private Button mergeSelected;
    @FXML private Button traceButton;
    @FXML private Button copyButton;
    @FXML private Button saveButton;
    @FXML private SplitPane split;
    @FXML private TextField treeFilter;
    @FXML private TreeView<LogNode> tree;
    @FXML private ChoiceBox<String> level;
    @FXML private TextField since;
    @FXML private TextField until;
    @FXML private Button applyFilter;
    @FXML private ChoiceBox<String> encoding;
    @FXML private TextField jumpTime;
    @FXML private Button jump;
    @FXML private ListView<Integer> lines;
    @FXML private TextField searchField;
    @FXML private CheckBox regex;
    @FXML private CheckBox ignoreCase;
    @FXML private ChoiceBox<Scope> scope;
    @FXML private Button searchButton;
    @FXML private Button previous;
    @FXML private Button next;
    @FXML private Button cancelSearch;
    @FXML private Tab resultsTab;
    @FXML private Label searchSummary;
    @FXML private ListView<ResultEntry> results;
    @FXML private Label pieceInfo;
    @FXML private Button pieceBack;
    @FXML private Button pieceNext;
    @FXML private TextArea detail;
    @FXML private Label status;

    private final LogsViewModel model;
    private final RowIndexList rows = new RowIndexList();
    private final Set<String> expanded = new HashSet<>();
    private Pattern highlight;
    private long pieceOffset;

    public LogsView(LogsViewModel model) {
        this.model = model;
        ViewLoader.load(this);
        title.textProperty().bind(model.titleProperty());
        status.textProperty().bind(model.statusProperty());
        searchSummary.textProperty().bind(model.searchSummaryProperty());

        treeFilter.textProperty().bindBidirectional(model.treeFilterProperty());
        tree.setCellFactory(t -> new NodeCell());
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        model.treeProperty().addListener((obs, was, now) -> showTree(now));
        showTree(model.treeProperty().get());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && now.getValue().kind() == LogNode.Kind.FILE && tree.getSelectionModel().getSelectedItems().size() == 1) {
                model.open(now.getValue());
            }
        });

        lines.setItems(rows);
        lines.setFixedCellSize(ROW_HEIGHT); // one height for every row: scrolling 8 million rows stays exact and cheap
        lines.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        lines.setCellFactory(l -> new LineCell());
        lines.setPlaceholder(new Label("Choose a log in the tree: it opens at once, whatever its size"));
        model.rowCountProperty().addListener((obs, was, now) -> {
            rows.resize(now.intValue());
            model.rowsShown();
        });
        model.revisionProperty().addListener((obs, was, now) -> {
            updateHighlight();
            lines.refresh();
        });
        model.scrollToProperty().addListener((obs, was, now) -> {
            int row = now.intValue();
            if (row >= 0 && row < rows.size()) {
                lines.scrollTo(Math.max(0, row - 3));
                lines.getSelectionModel().clearAndSelect(row);
            }
        });
        lines.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> showDetail(0));
        wrap.selectedProperty().addListener((obs, was, now) -> {
            lines.setFixedCellSize(now ? -1 : ROW_HEIGHT);
            lines.refresh();
        });

        level.getItems().setAll("All levels", "Debug and above", "Info and above", "Warning and above", "Error and above", "Critical");
        level.getSelectionModel().select(0);
        applyFilter.setOnAction(e -> filter());
        jump.setOnAction(e -> {
            Long t = time(jumpTime.getText());
            if (t != null) {
                model.jumpTo(t);
            }
        });
        jumpTime.setOnAction(jump.getOnAction());
        wholeFile.setOnAction(e -> model.showWholeFile());
        encoding.getItems().setAll("UTF-8", "ISO-8859-1", "windows-1252");
        encoding.getSelectionModel().select(0);
        encoding.setTooltip(new Tooltip("How the file's bytes are read as text (bytes that are not valid show as \uFFFD)"));
        encoding.valueProperty().addListener((obs, was, now) -> model.encoding(java.nio.charset.Charset.forName(now)));

        scope.getItems().setAll(Scope.values());
        scope.getSelectionModel().select(Scope.FILE);
        searchButton.setOnAction(e -> model.search(searchField.getText(), regex.isSelected(), ignoreCase.isSelected(),
                scope.getValue()));
        searchField.setOnAction(searchButton.getOnAction());
        next.setOnAction(e -> model.nextHit(lines.getSelectionModel().getSelectedIndex(), true));
        previous.setOnAction(e -> model.nextHit(Math.max(0, lines.getSelectionModel().getSelectedIndex()), false));
        cancelSearch.setOnAction(e -> model.cancelSearch());
        results.setItems(model.results());
        results.setPlaceholder(new Label("Search results appear here, grouped by log"));
        results.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.openResult(now));
        model.results().addListener((javafx.collections.ListChangeListener<ResultEntry>) c -> resultsTab.setText("Results ("
                + model.results().stream().filter(r -> r.line() == null).mapToLong(ResultEntry::count).sum() + ")"));

        follow.selectedProperty().addListener((obs, was, now) -> model.follow(now));
        model.followingProperty().addListener((obs, was, now) -> follow.setSelected(now));
        follow.setTooltip(new Tooltip("Show new lines as they are written; survives rotation and truncation (polls the file)"));
        mergeFamily.setOnAction(e -> model.mergeFamily());
        mergeFamily.setTooltip(new Tooltip("Show the open log's rotation family (or job) as one timeline ordered by time"));
        mergeSelected.setOnAction(e -> mergeSelection());
        mergeSelected.setTooltip(new Tooltip("Show the files or families selected in the tree as one timeline ordered by time"));
        traceButton.setOnAction(e -> trace());
        traceButton.setTooltip(new Tooltip("Every line that carries the selected line's request ID (or the searched ID), in the search scope, by time"));
        copyButton.setOnAction(e -> copy());
        lines.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copy();
            }
        });
        saveButton.setOnAction(e -> save());
        pieceNext.setOnAction(e -> showDetail(pieceOffset + PIECE));
        pieceBack.setOnAction(e -> showDetail(Math.max(0, pieceOffset - PIECE)));

        // New files appear without a restart: the tree is read again every few seconds (polling works on network shares).
        Timeline treePoll = new Timeline(new KeyFrame(Duration.seconds(5), e -> {
            if (root.getScene() != null) {
                model.refreshTree();
            }
        }));
        treePoll.setCycleCount(Timeline.INDEFINITE);
        treePoll.play();
        // Follow polls four times a second (a stat when nothing changed), as tail -f does on a share without events.
        Timeline followPoll = new Timeline(new KeyFrame(Duration.millis(250), e -> model.followTick()));
        followPoll.setCycleCount(Timeline.INDEFINITE);
        followPoll.play();
    }

    public Parent root() {
        return root;
    }

    private void showTree(LogNode top) {
        remember(tree.getRoot());
        if (top == null) {
            tree.setRoot(null);
            return;
        }
        boolean first = expanded.isEmpty();
        TreeItem<LogNode> item = item(top, first, 0);
        item.setExpanded(true);
        tree.setRoot(item);
    }

    private TreeItem<LogNode> item(LogNode node, boolean first, int depth) {
        TreeItem<LogNode> item = new TreeItem<>(node);
        for (LogNode c : node.children()) {
            item.getChildren().add(item(c, first, depth + 1));
        }
        item.setExpanded(first ? depth <= 1 : expanded.contains(key(node)));
        return item;
    }

    private void remember(TreeItem<LogNode> item) {
        if (item == null) {
            return;
        }
        if (item.isExpanded()) {
            expanded.add(key(item.getValue()));
        } else {
            expanded.remove(key(item.getValue()));
        }
        item.getChildren().forEach(this::remember);
    }

    private static String key(LogNode n) {
        return n.kind() + "/" + n.tenant() + "/" + n.name();
    }

    private void filter() {
        LogLevel min = switch (level.getSelectionModel().getSelectedIndex()) {
            case 1 -> LogLevel.DEBUG;
            case 2 -> LogLevel.INFO;
            case 3 -> LogLevel.WARNING;
            case 4 -> LogLevel.ERROR;
            case 5 -> LogLevel.CRITICAL;
            default -> null;
        };
        model.filter(min, time(since.getText()), time(until.getText()));
    }

    /** A time typed by the user (UTC): 2026-11-20, 2026-11-20 03:00[:00], or ISO-8601 with a zone; null when empty. */
    private Long time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().replace(' ', 'T');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(t).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t.length() == 16 ? t + ":00" : t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            status.textProperty().unbind();
            status.setText("'" + text + "' is not a time: write 2026-11-20, 2026-11-20 03:00 or 2026-11-20T03:00:00Z.");
            status.textProperty().bind(model.statusProperty());
            return null;
        }
    }

    private void mergeSelection() {
        List<LogNode> files = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (TreeItem<LogNode> item : tree.getSelectionModel().getSelectedItems()) {
            if (item != null) {
                files.addAll(item.getValue().files());
                name.append(name.isEmpty() ? "" : ", ").append(item.getValue().name());
            }
        }
        model.merge(files.stream().distinct().toList(), name.toString());
    }

    private void trace() {
        String typed = searchField.getText() == null ? "" : searchField.getText().trim();
        Row row = model.row(lines.getSelectionModel().getSelectedIndex());
        List<String> ids = model.requestIds(row);
        String id = !ids.isEmpty() ? ids.get(0) : typed;
        if (!id.isEmpty()) {
            model.trace(id, scope.getValue());
        }
    }

    private void copy() {
        List<Integer> selected = new ArrayList<>(lines.getSelectionModel().getSelectedIndices());
        model.copy(selected, text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save what the viewer shows");
        chooser.setInitialFileName("tidemark-logs.txt");
        java.io.File target = chooser.showSaveDialog(root.getScene().getWindow());
        if (target != null) {
            model.save(target.toPath());
        }
    }

    private void showDetail(long offset) {
        Row row = model.row(lines.getSelectionModel().getSelectedIndex());
        if (row == null || row.line() == null) {
            detail.clear();
            pieceInfo.setText("");
            return;
        }
        LogLine line = row.line();
        pieceOffset = offset;
        boolean cut = line.cut();
        pieceBack.setDisable(!cut || offset == 0);
        pieceNext.setDisable(!cut || offset + PIECE >= line.byteLength());
        if (!cut) {
            detail.setText(line.text());
            pieceInfo.setText("Line " + (line.number() + 1) + " · " + line.byteLength() + " bytes");
            return;
        }
        pieceInfo.setText(String.format("Line %,d · bytes %,d–%,d of %,d", line.number() + 1, offset,
                Math.min(line.byteLength(), offset + PIECE), line.byteLength()));
        model.readPiece(row, offset, PIECE, detail::setText);
    }

    private void updateHighlight() {
        String h = model.highlight();
        if (h == null || h.isEmpty()) {
            highlight = null;
            return;
        }
        int flags = model.highlightIgnoreCase() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        try {
            highlight = Pattern.compile(model.highlightRegex() ? h : Pattern.quote(h), flags);
        } catch (RuntimeException e) {
            highlight = null;
        }
    }

    /** One log line: its number (or its file), then its text coloured by level, matches highlighted. */
    private final class LineCell extends ListCell<Integer> {
        private final Label number = new Label();
        private final TextFlow text = new TextFlow();
        private final HBox box = new HBox(number, text);

        LineCell() {
            number.getStyleClass().add("log-number");
            number.setMinWidth(64);
        }

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            getStyleClass().removeIf(s -> s.startsWith("log-") && !s.equals("log-row"));
            if (empty || index == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Row row = model.row(index);
            text.getChildren().clear();
            if (row == null || row.line() == null) {
                number.setText(Integer.toString(index + 1));
                text.getChildren().add(styled("…", false));
            } else {
                LogLine line = row.line();
                number.setText(row.source() == null ? Long.toString(line.number() + 1) : row.source() + ":" + (line.number() + 1));
                if (line.meta() != null && line.meta().level() != null) {
                    getStyleClass().add("log-" + line.meta().level().label());
                }
                fill(line.text() + (line.cut() ? "  … (" + io.tidemark.core.ByteSize.format(line.byteLength()) + " line: see Line below)" : ""));
            }
            if (wrap.isSelected()) {
                text.setPrefWidth(Math.max(100, lines.getWidth() - number.getMinWidth() - 40));
                text.setMaxWidth(text.getPrefWidth());
            } else {
                text.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                text.setMaxWidth(Double.MAX_VALUE);
            }
            setText(null);
            setGraphic(box);
        }

        private void fill(String s) {
            if (highlight == null) {
                text.getChildren().add(styled(s, false));
                return;
            }
            Matcher m = highlight.matcher(s);
            int at = 0;
            while (m.find()) {
                if (m.end() == m.start()) {
                    break;
                }
                if (m.start() > at) {
                    text.getChildren().add(styled(s.substring(at, m.start()), false));
                }
                text.getChildren().add(styled(s.substring(m.start(), m.end()), true));
                at = m.end();
            }
            if (at < s.length()) {
                text.getChildren().add(styled(s.substring(at), false));
            }
        }

        private Text styled(String s, boolean hit) {
            Text t = new Text(s);
            t.getStyleClass().add("log-text");
            if (hit) {
                t.getStyleClass().add("log-hit");
            }
            return t;
        }
    }

    /** A tree entry: name, size and date. */
    private static final class NodeCell extends TreeCell<LogNode> {
        @Override
        protected void updateItem(LogNode node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String when = node.modified() == null ? "" : " · " + WHEN.format(node.modified());
            setText(node.name() + "  (" + io.tidemark.core.ByteSize.format(node.sizeBytes()) + when + ")");
            setTooltip(node.path() == null ? null : new Tooltip(node.path().toString()));
        }
    }

    /** For tests: the row text shown for {@code index}. */
    String shownText(int index) {
        Row row = model.row(index);
        return row == null || row.line() == null ? null : row.line().text();
    }


    /** Puts the cursor in the search box (Ctrl+F). */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** Moves to the next search hit (F3). */
    public void nextResult() {
        next.fire();
    }

    /** Moves to the previous search hit (Shift+F3). */
    public void previousResult() {
        previous.fire();
    }

    /** Follows the open file, or stops following it (Ctrl+Shift+F). */
    public void toggleFollow() {
        follow.fire();
    }

    /** Tells each keyboard-reachable button its shortcut. */
    public void showShortcuts(String search, String nextKey, String previousKey, String followKey) {
        searchField.setPromptText(searchField.getPromptText() == null ? "Search (" + search + ")" : searchField.getPromptText() + " (" + search + ")");
        next.setTooltip(new javafx.scene.control.Tooltip("Next hit (" + nextKey + ")"));
        previous.setTooltip(new javafx.scene.control.Tooltip("Previous hit (" + previousKey + ")"));
        follow.setTooltip(new javafx.scene.control.Tooltip("Show new lines as they are written, across rotation and truncation ("
                + followKey + ")"));
    }
}
