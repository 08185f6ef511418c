package io.tidemark.cli;

import io.tidemark.core.DatabaseTarget;
import io.tidemark.core.PasswordSource;
import java.io.Console;
import java.util.Optional;

/** Asks for a password on the terminal, when there is one (never in a cron job). */
final class ConsolePasswords implements PasswordSource {

    @Override
    public Optional<char[]> password(DatabaseTarget target, String user, String reason) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("Password for %s on %s (%s): ", user, target.location(), reason);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
    }
}
