package io.tidemark.core.storage;

import java.util.Comparator;
import java.util.List;

/**
 * One box of the storage treemap: a name, its bytes, and the boxes inside it (largest first).
 *
 * @param name     what it is ("DATA_DIR", "acme-prod", "archives", "logs/runs/fetch_message_logs")
 * @param bytes    its size; for a box with children, at least their sum
 * @param detail   a line for the tooltip (where the figure comes from)
 * @param children what it holds, largest first
 */
public record SizeNode(String name, long bytes, String detail, List<SizeNode> children) {

    public SizeNode {
        children = children.stream().filter(c -> c.bytes() > 0)
                .sorted(Comparator.comparingLong(SizeNode::bytes).reversed()).toList();
    }

    /** A box with nothing inside. */
    public static SizeNode leaf(String name, long bytes, String detail) {
        return new SizeNode(name, bytes, detail, List.of());
    }

    /** A box whose size is the sum of its children. */
    public static SizeNode of(String name, String detail, List<SizeNode> children) {
        return new SizeNode(name, children.stream().mapToLong(c -> Math.max(0, c.bytes())).sum(), detail, children);
    }
}
