package io.tidemark.core;

/** Receives the progress of a long piece of work: a fraction (or -1 when unknown) and a short message. */
@FunctionalInterface
public interface Progress {

    /** A sink that ignores everything, for callers that do not show progress. */
    Progress NONE = (fraction, message) -> { };

    /** Reports that the work is {@code fraction} done (0..1, or -1 if unknown) and is now doing {@code message}. */
    void report(double fraction, String message);
}
