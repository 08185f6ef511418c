package io.tidemark.core.maintenance;

import io.tidemark.core.TidemarkException;
import java.util.List;

/** A command gave up waiting for its table's lock (lock_timeout): nothing was changed; the holders are named. */
public final class LockTimedOut extends TidemarkException {

    private final List<LockHolder> holders;

    public LockTimedOut(String message, List<LockHolder> holders) {
        super(message);
        this.holders = List.copyOf(holders);
    }

    /** The sessions that held the lock when it gave up. */
    public List<LockHolder> holders() {
        return holders;
    }
}
