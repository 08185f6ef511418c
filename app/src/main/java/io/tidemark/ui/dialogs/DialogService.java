package io.tidemark.ui.dialogs;

import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseTarget;
import java.util.List;
import java.util.Optional;

/** Every dialog the view models open goes through here, so tests can script the answers. */
public interface DialogService {

    /** Shows an error the user can act on (no stack trace). */
    void showError(String title, String message);

    /** Asks for a database password; empty when the user cancels. Never stored. */
    Optional<char[]> askPassword(DatabaseTarget target, String user, String reason);

    /** Opens the connection dialog on the saved connections; empty when the user cancels. */
    Optional<ConnectionSpec> chooseConnection(List<ConnectionSpec> saved, ConnectionSpec initial);

    /**
     * Asks before destructive work; Cancel is the default button.
     *
     * @return the text typed (empty when no name was asked for) when the user chose the action, empty when cancelled
     */
    Optional<String> confirm(Confirmation confirmation);
}
