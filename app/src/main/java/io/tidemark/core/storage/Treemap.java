package io.tidemark.core.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Squarified treemap layout (Bruls, Huizing and van Wijk): rectangles whose areas are proportional to the sizes and
 * whose sides stay as close to square as the sizes allow, so small items remain readable.
 */
public final class Treemap {

    /** A placed rectangle, for the item at {@code index} of the sizes given. */
    public record Box(int index, double x, double y, double width, double height) {
    }

    private Treemap() {
    }

    /** Lays out {@code sizes} (largest first, non-negative) in the rectangle; zero sizes get no box. */
    public static List<Box> layout(List<Long> sizes, double x, double y, double width, double height) {
        List<Box> boxes = new ArrayList<>();
        double total = sizes.stream().mapToDouble(Long::doubleValue).sum();
        if (total <= 0 || width <= 0 || height <= 0) {
            return boxes;
        }
        double scale = width * height / total;
        List<double[]> items = new ArrayList<>(); // {index, area}
        for (int i = 0; i < sizes.size(); i++) {
            if (sizes.get(i) > 0) {
                items.add(new double[] {i, sizes.get(i) * scale});
            }
        }
        double rx = x;
        double ry = y;
        double rw = width;
        double rh = height;
        int start = 0;
        while (start < items.size()) {
            double side = Math.min(rw, rh);
            int end = start + 1;
            double rowArea = items.get(start)[1];
            while (end < items.size()
                    && worst(items, start, end + 1, rowArea + items.get(end)[1], side) <= worst(items, start, end, rowArea, side)) {
                rowArea += items.get(end)[1];
                end++;
            }
            double thickness = rowArea / side;
            double offset = 0;
            for (int i = start; i < end; i++) {
                double length = items.get(i)[1] / thickness;
                if (rw >= rh) {
                    boxes.add(new Box((int) items.get(i)[0], rx, ry + offset, thickness, length)); // a column on the left
                } else {
                    boxes.add(new Box((int) items.get(i)[0], rx + offset, ry, length, thickness)); // a row on top
                }
                offset += length;
            }
            if (rw >= rh) {
                rx += thickness;
                rw -= thickness;
            } else {
                ry += thickness;
                rh -= thickness;
            }
            start = end;
        }
        return boxes;
    }

    /** The worst aspect ratio of items [from, to) laid along {@code side} with total area {@code area}. */
    private static double worst(List<double[]> items, int from, int to, double area, double side) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            max = Math.max(max, items.get(i)[1]);
            min = Math.min(min, items.get(i)[1]);
        }
        double s2 = side * side;
        double a2 = area * area;
        return Math.max(s2 * max / a2, a2 / (s2 * min));
    }
}
