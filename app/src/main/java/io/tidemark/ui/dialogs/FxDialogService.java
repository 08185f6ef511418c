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
    public boolean confirm(String title, String message, String action) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setMinWidth(520);
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OTHER);
        alert.getButtonTypes().setAll(go, ButtonType.CANCEL);
        // Cancel is the default button: Enter never confirms by accident.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        javafx.scene.control.Button danger = (javafx.scene.control.Button) alert.getDialogPane().lookupButton(go);
        danger.setDefaultButton(false);
        danger.getStyleClass().add("danger");
        return alert.showAndWait().filter(b -> b == go).isPresent();
    }

    @Override
    public Optional<String> confirm(Confirmation confirmation) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(confirmation.title());
        dialog.setHeaderText(confirmation.header());
        javafx.scene.control.TextArea details = new javafx.scene.control.TextArea(confirmation.details());
        details.setEditable(false);
        details.setWrapText(false);
        details.getStyleClass().add("monospace");
        details.setPrefColumnCount(100);
        details.setPrefRowCount(16);
        VBox content = new VBox(8, details);
        javafx.scene.control.TextField typed = new javafx.scene.control.TextField();
        typed.setId("confirmName");
        if (confirmation.typedName() != null) {
            content.getChildren().addAll(new Label("Type " + confirmation.typedName() + " to confirm:"), typed);
        }
        dialog.getDialogPane().setContent(content);
        ButtonType action = new ButtonType(confirmation.actionLabel(), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(action, cancel);
        javafx.scene.control.Button actionButton = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(action);
        javafx.scene.control.Button cancelButton = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(cancel);
        actionButton.getStyleClass().add("danger");
        actionButton.setDefaultButton(false);
        cancelButton.setDefaultButton(true);
        if (confirmation.typedName() != null) {
            actionButton.disableProperty().bind(typed.textProperty().isNotEqualTo(confirmation.typedName()));
            typed.requestFocus();
        }
        dialog.setResultConverter(b -> b == action ? typed.getText() : null);
        return dialog.showAndWait();
    }

    @Override
    public boolean confirmDanger(DangerConfirmation c) {
        return DangerDialog.show(owner, c);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
