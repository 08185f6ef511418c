package io.tidemark.cli;

/** What a command's exit status tells a nightly job. */
public final class ExitCode {

    /** Everything asked was done. */
    public static final int OK = 0;
    /** It failed: nothing or not everything was done; the message says why. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Tidemark refused (a confirmation was missing, a safety rule forbade it); nothing was changed. */
    public static final int REFUSED = 3;
    /** Some of the work was done and some failed; the output lists which. */
    public static final int PARTIAL = 4;

    private ExitCode() {
    }
}
