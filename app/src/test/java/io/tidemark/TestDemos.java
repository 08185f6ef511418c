package io.tidemark;

import io.tidemark.actions.DemoPlatform;
import io.tidemark.core.Cancellation;
import io.tidemark.core.Progress;
import io.tidemark.core.demo.DemoScale;
import io.tidemark.core.demo.DemoSpec;
import java.nio.file.Path;
import java.time.LocalDate;

/** Small demo platforms for tests, ending on a fixed day so every figure they give is the same on every run. */
public final class TestDemos {

    /** The newest day of every test demo. */
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);

    private TestDemos() {
    }

    /** Builds a small SQLite demo in {@code dir} and returns {@code dir}. */
    public static Path build(Path dir, int tenants, int days, long seed) {
        DemoPlatform.build(new DemoSpec(dir, tenants, days, seed, DemoScale.SMALL, null, LAST_DAY, false), Progress.NONE, new Cancellation());
        return dir;
    }
}
