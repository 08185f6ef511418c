package io.tidemark.ui.dialogs;

import java.util.List;

/**
 * A confirmation before something is deleted or rewritten: it names what is at risk, the counts and the bytes, and the
 * action's verb is the button ("Purge 1,204,331 rows"); Cancel is the default.
 *
 * @param title        the dialog's title
 * @param header       one sentence naming the database (or tenant) and the cutoff
 * @param details      the lines at risk (tables with counts and bytes, folders)
 * @param action       the danger button's label, a verb with the count
 * @param typedName    when not null, the text the user must type before the action button works (tenant cleanup,
 *                     days_to_keep 0, VACUUM FULL)
 * @param report       a plan shown as is in a fixed-width box (the maintenance pre-flight), or null
 */
public record DangerConfirmation(String title, String header, List<String> details, String action, String typedName, String report) {

    public DangerConfirmation {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** A confirmation without a fixed-width report. */
    public DangerConfirmation(String title, String header, List<String> details, String action, String typedName) {
        this(title, header, details, action, typedName, null);
    }
}
