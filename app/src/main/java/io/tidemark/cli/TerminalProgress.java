package io.tidemark.cli;

import io.tidemark.core.Progress;
import java.io.PrintWriter;

/** Shows progress on stderr as one rewritten line when a person is watching, and nothing otherwise. */
final class TerminalProgress implements Progress {

    private final PrintWriter err;
    private final boolean enabled;
    private String last = "";

    TerminalProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled && System.console() != null;
    }

    @Override
    public synchronized void report(double fraction, String message) {
        if (!enabled) {
            return;
        }
        String line = fraction < 0 ? message : String.format(java.util.Locale.ROOT, "%3.0f%% %s", fraction * 100, message);
        if (!line.equals(last)) {
            err.print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
            if (fraction >= 1) {
                err.println();
            }
            err.flush();
            last = line;
        }
    }
}
