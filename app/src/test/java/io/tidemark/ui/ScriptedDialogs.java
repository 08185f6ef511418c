package io.tidemark.ui;

import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.ui.dialogs.DangerConfirmation;
import io.tidemark.ui.dialogs.DialogService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Dialogs answered as a test says, keeping what they showed: confirmations take the next queued answer, else
 * {@link #answer}; errors are kept; the connection dialog returns {@link #connectionAnswer}.
 */
public final class ScriptedDialogs implements DialogService {

    /** Every confirmation asked, in order. */
    public final List<DangerConfirmation> asked = new CopyOnWriteArrayList<>();
    /** Every error shown (its message), in order. */
    public final List<String> errors = new CopyOnWriteArrayList<>();
    /** The next confirmations' answers, taken first. */
    public final Deque<Boolean> answers = new ArrayDeque<>();
    /** The answer when none is queued. */
    public volatile boolean answer;
    /** What the connection dialog returns. */
    public volatile Optional<ConnectionSpec> connectionAnswer = Optional.empty();

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public Optional<char[]> askPassword(DatabaseTarget target, String user, String reason) {
        return Optional.empty();
    }

    @Override
    public Optional<ConnectionSpec> chooseConnection(List<ConnectionSpec> saved, ConnectionSpec initial) {
        return connectionAnswer;
    }

    @Override
    public synchronized boolean confirmDanger(DangerConfirmation confirmation) {
        asked.add(confirmation);
        Boolean next = answers.poll();
        return next != null ? next : answer;
    }

    /** The last confirmation asked. */
    public DangerConfirmation last() {
        return asked.get(asked.size() - 1);
    }
}
