package io.tidemark.core.purge;

import java.util.Optional;

/** Where a running purge records its progress after every batch, so an interruption can be resumed. */
public interface PurgeJournal {

    /** Records the plan before its first delete. */
    void start(PurgePlan plan);

    /** Records progress; called after each committed batch. */
    void save(PurgeState state);

    /** The saved progress of this plan, if any. */
    Optional<PurgeState> load(String planId);

    /** The plan of an unfinished purge on this platform, if any. */
    Optional<PurgePlan> unfinished(String platformKey);

    /** Forgets a purge that finished. */
    void finish(String planId);

    /** A journal that keeps everything in memory (tests, dry runs). */
    static PurgeJournal inMemory() {
        return new PurgeJournal() {
            private final java.util.Map<String, PurgeState> states = new java.util.concurrent.ConcurrentHashMap<>();
            private final java.util.Map<String, PurgePlan> plans = new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            public void start(PurgePlan plan) {
                plans.put(plan.id(), plan);
            }

            @Override
            public void save(PurgeState state) {
                states.put(state.planId(), state);
            }

            @Override
            public Optional<PurgeState> load(String planId) {
                return Optional.ofNullable(states.get(planId));
            }

            @Override
            public Optional<PurgePlan> unfinished(String platformKey) {
                return plans.values().stream().filter(p -> p.platformKey().equals(platformKey)).findFirst();
            }

            @Override
            public void finish(String planId) {
                plans.remove(planId);
                states.remove(planId);
            }
        };
    }
}
