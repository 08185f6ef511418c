package io.tidemark.ui.dialogs;

import java.util.List;

/**
 * A confirmation before something is deleted: it names what is at risk, the counts and the bytes, and the action's
 * verb is the button ("Purge 1,204,331 rows"); Cancel is the default.
 *
 * @param title        the dialog's title
 * @param header       one sentence naming the database (or tenant) and the cutoff
 * @param details      the lines at risk (tables with counts and bytes, folders)
 * @param action       the danger button's label, a verb with the count
 * @param typedName    when not null, the text the user must type before the action button works (tenant cleanup,
 *                     days_to_keep 0)
 */
public record DangerConfirmation(String title, String header, List<String> details, String action, String typedName) {

    public DangerConfirmation {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
