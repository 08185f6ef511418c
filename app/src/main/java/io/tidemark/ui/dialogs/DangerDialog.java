package io.tidemark.ui.dialogs;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The confirmation dialog of a destructive action: the action button carries the verb; Cancel is the default. */
public final class DangerDialog {

    private DangerDialog() {
    }

    /** Builds the dialog (tests look at it without showing it); {@link #show} shows it and waits. */
    public static Alert build(Window owner, DangerConfirmation c) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(c.title());
        alert.setHeaderText(c.header());
        ButtonType action = new ButtonType(c.action(), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(action, cancel);
        VBox content = new VBox(6);
        for (String line : c.details()) {
            Label l = new Label(line);
            l.setWrapText(true);
            content.getChildren().add(l);
        }
        if (c.report() != null) {
            javafx.scene.control.TextArea report = new javafx.scene.control.TextArea(c.report());
            report.setId("dangerReport");
            report.setEditable(false);
            report.setWrapText(false);
            report.getStyleClass().add("monospace");
            report.setPrefColumnCount(100);
            report.setPrefRowCount(16);
            content.getChildren().add(report);
        }
        Button actionButton = (Button) alert.getDialogPane().lookupButton(action);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        actionButton.setId("dangerAction");
        actionButton.getStyleClass().add("danger");
        actionButton.setDefaultButton(false);
        cancelButton.setId("dangerCancel");
        cancelButton.setDefaultButton(true);
        if (c.typedName() != null) {
            Label ask = new Label("Type " + c.typedName() + " to confirm:");
            TextField typed = new TextField();
            typed.setId("typedConfirmation");
            typed.setPromptText(c.typedName());
            actionButton.disableProperty().bind(typed.textProperty().isNotEqualTo(c.typedName()));
            content.getChildren().addAll(ask, typed);
        }
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setMinWidth(560);
        alert.setResultConverter(b -> b);
        return alert;
    }

    /** Shows the dialog; true only when the action button was pressed. */
    public static boolean show(Window owner, DangerConfirmation c) {
        Alert alert = build(owner, c);
        return alert.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OTHER).isPresent();
    }
}
