package io.tidemark.demo.servicelogs;

/** Shell wrapper output: its own lines stamped with date -u +%FT%TZ, and the raw output of the tools it runs. */
abstract class ShellWrapperLog extends ServiceLog {
    ShellWrapperLog(String name, Platform platform) {
        super(name, platform);
    }

    /** Starts a wrapper line; append the message, then any tool output lines, then emitSeconds. */
    final StringBuilder say(long at, String message) {
        StringBuilder sb = line();
        stamp.iso(sb, at).append(' ').append(name).append(": ").append(message);
        return sb;
    }

    final void sayAlone(long at, String message) {
        say(at, message);
        emitSeconds(at);
    }
}
