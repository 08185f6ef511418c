package io.tidemark.core.purge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSizerTest {

    private static final long MS = 1_000_000L;

    @Test
    void settlesOnTheSizeThatTakesTheTarget() {
        BatchSizer sizer = new BatchSizer(64, 4, 1 << 20, 40);
        for (int i = 0; i < 60; i++) {
            int size = sizer.size();
            sizer.took(size, size * 20_000L); // 20 µs a unit: 2,000 units take 40 ms
        }
        assertThat(sizer.size()).isBetween(1_900, 2_100);
    }

    @Test
    void aStallShrinksTheNextBatchAtOnce() {
        BatchSizer sizer = steady();
        sizer.took(2_000, 200 * MS); // five times the usual cost
        assertThat(sizer.size()).isLessThanOrEqualTo(400);
    }

    @Test
    void aLuckyBatchGrowsTheNextByAQuarterAtMost() {
        BatchSizer sizer = steady();
        sizer.took(2_000, 4 * MS); // ten times cheaper than usual
        assertThat(sizer.size()).isLessThanOrEqualTo(2_501);
        sizer.took(sizer.size(), 4 * MS);
        assertThat(sizer.size()).isLessThanOrEqualTo(3_128);
    }

    @Test
    void recoversSlowlyAfterAStall() {
        BatchSizer sizer = steady();
        sizer.took(2_000, 400 * MS);
        int afterStall = sizer.size();
        sizer.took(afterStall, afterStall * 20_000L);
        assertThat(sizer.size()).isGreaterThan(afterStall).isLessThan(2_000);
    }

    @Test
    void aTimeoutQuartersTheSizeButNotBelowTheMinimum() {
        BatchSizer sizer = steady();
        sizer.timedOut();
        assertThat(sizer.size()).isEqualTo(500);
        for (int i = 0; i < 10; i++) {
            sizer.timedOut();
        }
        assertThat(sizer.size()).isEqualTo(4);
    }

    private static BatchSizer steady() {
        BatchSizer sizer = new BatchSizer(2_000, 4, 1 << 20, 40);
        for (int i = 0; i < 10; i++) {
            sizer.took(2_000, 40 * MS);
        }
        assertThat(sizer.size()).isEqualTo(2_000);
        return sizer;
    }
}
