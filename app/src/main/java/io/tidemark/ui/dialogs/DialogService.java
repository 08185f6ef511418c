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
     * Asks to confirm a destructive or weighty action (purge, tenant cleanup, restore, expiry, VACUUM FULL): it names
     * what is at risk and the counts, the action button carries the verb, Cancel is the default. True only when the
     * user pressed the action button (after typing {@link DangerConfirmation#typedName()} when one is asked). A service
     * that cannot ask refuses.
     */
    default boolean confirmDanger(DangerConfirmation confirmation) {
        return false;
    }
}
