package io.tidemark.ui.storage;

import io.tidemark.core.ByteSize;
import io.tidemark.core.storage.SizeNode;
import io.tidemark.core.storage.Treemap;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * The storage treemap: one box per child of the current node, areas in proportion to bytes; a click on a box with
 * something inside opens it, the path above leads back.
 */
public final class TreemapView extends BorderPane {

    private static final int PALETTE = 8;
    private final HBox path = new HBox(4);
    private final Pane boxes = new Pane();
    private final List<SizeNode> trail = new ArrayList<>();

    public TreemapView() {
        getStyleClass().add("treemap");
        path.setPadding(new Insets(0, 0, 6, 0));
        setTop(path);
        setCenter(boxes);
        boxes.setMinSize(0, 0);
        boxes.widthProperty().addListener((obs, was, now) -> draw());
        boxes.heightProperty().addListener((obs, was, now) -> draw());
    }

    /** Shows a new tree from its root (keeping the opened path when its names still exist). */
    public void show(SizeNode root) {
        List<String> opened = trail.stream().skip(1).map(SizeNode::name).toList();
        trail.clear();
        if (root == null) {
            draw();
            return;
        }
        trail.add(root);
        for (String name : opened) {
            SizeNode next = current().children().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (next == null) {
                break;
            }
            trail.add(next);
        }
        draw();
    }

    /** Opens the child with this name, if the current box holds one with something inside. */
    public boolean open(String name) {
        SizeNode child = current() == null ? null
                : current().children().stream().filter(c -> c.name().equals(name) && !c.children().isEmpty()).findFirst().orElse(null);
        if (child != null) {
            trail.add(child);
            draw();
        }
        return child != null;
    }

    /** The box being shown. */
    public SizeNode current() {
        return trail.isEmpty() ? null : trail.get(trail.size() - 1);
    }

    private void draw() {
        path.getChildren().clear();
        boxes.getChildren().clear();
        SizeNode node = current();
        if (node == null) {
            path.getChildren().add(new Label("Nothing scanned yet"));
            return;
        }
        for (int i = 0; i < trail.size(); i++) {
            SizeNode step = trail.get(i);
            int depth = i;
            if (i > 0) {
                path.getChildren().add(new Label("›"));
            }
            Hyperlink link = new Hyperlink(step.name() + " (" + ByteSize.format(step.bytes()) + ")");
            link.setOnAction(e -> {
                trail.subList(depth + 1, trail.size()).clear();
                draw();
            });
            link.setDisable(i == trail.size() - 1);
            path.getChildren().add(link);
        }
        List<SizeNode> children = node.children();
        List<Treemap.Box> placed = Treemap.layout(children.stream().map(SizeNode::bytes).toList(), 0, 0, boxes.getWidth(), boxes.getHeight());
        for (Treemap.Box box : placed) {
            SizeNode child = children.get(box.index());
            StackPane tile = new StackPane();
            tile.getStyleClass().addAll("treemap-box", "treemap-color-" + (box.index() % PALETTE));
            if (!child.children().isEmpty()) {
                tile.getStyleClass().add("treemap-opens");
                tile.setOnMouseClicked(e -> open(child.name()));
            }
            tile.setManaged(false); // placed by the layout above, not by the pane
            tile.resizeRelocate(box.x(), box.y(), box.width(), box.height());
            if (box.width() > 60 && box.height() > 28) {
                Label label = new Label(child.name() + "\n" + ByteSize.format(child.bytes()));
                label.getStyleClass().add("treemap-label");
                label.setMaxWidth(box.width() - 6);
                tile.getChildren().add(label);
            }
            double share = node.bytes() <= 0 ? 0 : 100.0 * child.bytes() / node.bytes();
            Tooltip.install(tile, new Tooltip(child.name() + "\n" + ByteSize.format(child.bytes()) + " (" + ByteSize.count(child.bytes())
                    + " bytes, " + String.format(java.util.Locale.ROOT, "%.1f", share) + " % of " + node.name() + ")\n" + child.detail()
                    + (child.children().isEmpty() ? "" : "\nClick to open")));
            boxes.getChildren().add(tile);
        }
    }
}
