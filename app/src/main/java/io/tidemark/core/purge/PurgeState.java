package io.tidemark.core.purge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a purge got, saved after every batch so an interrupted purge resumes where it stopped, with the plan's own
 * cutoffs.
 *
 * @param planId the plan
 * @param steps  per step id: where its walk stands and what it deleted
 */
public record PurgeState(String planId, Map<String, StepState> steps) {

    public PurgeState {
        steps = steps == null ? new LinkedHashMap<>() : new LinkedHashMap<>(steps);
    }

    /** A step's state, new if the step has not started. */
    public StepState step(String id) {
        return steps.getOrDefault(id, StepState.NEW);
    }

    /** This state with one step's state replaced. */
    public PurgeState with(String id, StepState state) {
        Map<String, StepState> copy = new LinkedHashMap<>(steps);
        copy.put(id, state);
        return new PurgeState(planId, copy);
    }

    /**
     * One step's progress.
     *
     * @param position where the walk stands: the last key deleted (as text), or the next page for a page walk; null at start
     * @param rows     rows deleted so far, dependents included
     * @param done     whether the step finished
     */
    public record StepState(String position, long rows, boolean done) {
        public static final StepState NEW = new StepState(null, 0, false);
    }
}
