package io.tidemark.ui.dialogs;

import io.tidemark.core.ConnectionSpec;
import io.tidemark.core.DatabaseTarget;
import io.tidemark.ui.connect.ConnectionDialog;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setMinWidth(480);
        alert.showAndWait();
    }

    @Override
    public Optional<char[]> askPassword(DatabaseTarget target, String user, String reason) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Database password");
        dialog.setHeaderText("Password for role '" + user + "'");
        PasswordField field = new PasswordField();
        field.setId("password");
        Label where = new Label(target.location() + "\n" + capitalised(reason) + ". It is kept in memory only; "
                + "to avoid this prompt, add the server to your pgpass file.");
        where.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, where, field));
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(connect, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == connect ? field.getText().toCharArray() : null);
        field.requestFocus();
        return dialog.showAndWait();
    }

    @Override
    public Optional<ConnectionSpec> chooseConnection(List<ConnectionSpec> saved, ConnectionSpec initial) {
        return ConnectionDialog.show(owner, saved, initial);
    }

    @Override
    public boolean confirmDanger(DangerConfirmation c) {
        return DangerDialog.show(owner, c);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
