package io.tidemark.core;

import java.util.Optional;

/**
 * Asks for a database password when neither {@code PGPASSWORD} nor the pgpass file has one: a prompt in the GUI,
 * the console in the CLI. The answer is kept in memory only.
 */
@FunctionalInterface
public interface PasswordSource {

    /** A source that never has a password (nightly jobs: use pgpass). */
    PasswordSource NONE = (target, user, reason) -> Optional.empty();

    /**
     * The password for {@code user} on {@code target}, or empty when the user declined.
     *
     * @param reason why it is asked ("the server asks for a password", "the password was rejected")
     */
    Optional<char[]> password(DatabaseTarget target, String user, String reason);
}
