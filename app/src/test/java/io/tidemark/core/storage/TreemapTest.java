package io.tidemark.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreemapTest {

    @Test
    void areasAreProportionalBoxesFitAndNeverOverlap() {
        List<Long> sizes = List.of(6000L, 6000L, 4000L, 3000L, 2000L, 2000L, 1000L, 0L);
        List<Treemap.Box> boxes = Treemap.layout(sizes, 10, 20, 600, 400);
        assertThat(boxes).hasSize(7).extracting(Treemap.Box::index).doesNotContain(7);
        double total = 24_000;
        for (Treemap.Box b : boxes) {
            assertThat(b.width() * b.height()).isCloseTo(600.0 * 400 * sizes.get(b.index()) / total, within(1e-6));
            assertThat(b.x()).isGreaterThanOrEqualTo(10 - 1e-9);
            assertThat(b.y()).isGreaterThanOrEqualTo(20 - 1e-9);
            assertThat(b.x() + b.width()).isLessThanOrEqualTo(610 + 1e-9);
            assertThat(b.y() + b.height()).isLessThanOrEqualTo(420 + 1e-9);
            assertThat(Math.max(b.width() / b.height(), b.height() / b.width())).as("aspect ratio of box " + b.index()).isLessThan(4);
        }
        for (Treemap.Box a : boxes) {
            for (Treemap.Box b : boxes) {
                if (a != b) {
                    double overlapW = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
                    double overlapH = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
                    assertThat(overlapW <= 1e-9 || overlapH <= 1e-9).as(a + " overlaps " + b).isTrue();
                }
            }
        }
    }

    @Test
    void nothingToShowGivesNoBoxes() {
        assertThat(Treemap.layout(List.of(0L, 0L), 0, 0, 100, 100)).isEmpty();
        assertThat(Treemap.layout(List.of(5L), 0, 0, 0, 100)).isEmpty();
    }
}
