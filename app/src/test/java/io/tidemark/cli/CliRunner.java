package io.tidemark.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs tidemark commands as a script would (through picocli, with the real exit codes) and keeps the last output. */
final class CliRunner {

    /** What the last command printed on stdout. */
    final StringWriter out = new StringWriter();
    /** What the last command printed on stderr. */
    final StringWriter err = new StringWriter();

    /** Runs one command line and returns its exit code; out and err then hold only its output. */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = TidemarkCommand.commandLine(window -> { });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
