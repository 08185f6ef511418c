package io.tidemark.ui.dialogs;

/**
 * A question before destructive work: what is at risk, in detail, and the verb on the button. Cancel is the default.
 *
 * @param title       the window title
 * @param header      one line naming the action and the item at risk
 * @param details     the plan (figures, warnings), shown as is
 * @param actionLabel the danger button's label, a verb with the item ("VACUUM FULL cpimessagelog")
 * @param typedName   the name the user must type before the button enables, or null
 */
public record Confirmation(String title, String header, String details, String actionLabel, String typedName) {
}
