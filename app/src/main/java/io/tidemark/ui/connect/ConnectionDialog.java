package io.tidemark.ui.connect;

import io.tidemark.config.ProfileCatalog;
import io.tidemark.core.ConnectionSpec;
import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Picks a saved connection or describes a new one (database, role, DATA_DIR, profile). Holds no password. */
public final class ConnectionDialog {

    private ConnectionDialog() {
    }

    /** Shows the dialog; the answer is the connection to open, or empty when cancelled. */
    public static Optional<ConnectionSpec> show(Window owner, List<ConnectionSpec> saved, ConnectionSpec initial) {
        Dialog<ConnectionSpec> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to a platform");
        dialog.setHeaderText("A PostgreSQL server or a SQLite file, and the platform's DATA_DIR");

        ListView<ConnectionSpec> savedList = new ListView<>();
        savedList.getItems().setAll(saved);
        savedList.setPrefWidth(180);
        savedList.setPlaceholder(new Label("No saved connections"));
        savedList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ConnectionSpec spec, boolean empty) {
                super.updateItem(spec, empty);
                setText(empty || spec == null ? null : spec.name());
            }
        });

        TextField name = new TextField();
        name.setId("connectionName");
        name.setPromptText("prod-eu");
        TextField database = new TextField();
        database.setId("connectionDatabase");
        database.setPromptText("jdbc:postgresql://db.example.com:5432/integramon?sslmode=verify-full  or  /data/db.sqlite3");
        database.setPrefColumnCount(36);
        database.setTooltip(new Tooltip("PostgreSQL JDBC URL (sslmode in the URL is honoured) or the path of a SQLite file.\n"
                + "The password comes from PGPASSWORD, your pgpass file, or a prompt; it is never saved."));
        TextField user = new TextField();
        user.setId("connectionUser");
        user.setPromptText("role (default: from the URL or your OS user)");
        TextField dataDir = new TextField();
        dataDir.setId("connectionDataDir");
        dataDir.setPromptText("/mnt/integramon-data");
        ComboBox<String> profile = new ComboBox<>();
        profile.getItems().setAll(ProfileCatalog.SHIPPED);
        profile.setEditable(true);
        profile.setValue("integramon");
        profile.setTooltip(new Tooltip("A shipped profile, or the path of your own profile YAML file"));

        Button browseDb = new Button("File…");
        browseDb.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("SQLite database file");
            File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                database.setText(file.getAbsolutePath());
            }
        });
        Button browseDir = new Button("Folder…");
        browseDir.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("DATA_DIR");
            File dir = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (dir != null) {
                dataDir.setText(dir.getAbsolutePath());
            }
        });

        savedList.getSelectionModel().selectedItemProperty().addListener((obs, was, spec) -> fill(spec, name, database, user, dataDir, profile));
        if (initial != null) {
            fill(initial, name, database, user, dataDir, profile);
        }

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Database"), new HBox(6, database, browseDb));
        form.addRow(2, new Label("Role"), user);
        form.addRow(3, new Label("DATA_DIR"), new HBox(6, dataDir, browseDir));
        form.addRow(4, new Label("Profile"), profile);
        HBox body = new HBox(14, savedList, form);
        body.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(body);

        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(connect, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(connect).disableProperty().bind(
                database.textProperty().isEmpty().or(name.textProperty().isEmpty()));
        dialog.setResultConverter(button -> button == connect
                ? new ConnectionSpec(name.getText().strip(), database.getText().strip(), user.getText(), dataDir.getText(),
                        profile.getValue())
                : null);
        return dialog.showAndWait();
    }

    private static void fill(ConnectionSpec spec, TextField name, TextField database, TextField user, TextField dataDir,
                             ComboBox<String> profile) {
        if (spec == null) {
            return;
        }
        name.setText(spec.name());
        database.setText(spec.database());
        user.setText(spec.user() == null ? "" : spec.user());
        dataDir.setText(spec.dataDir() == null ? "" : spec.dataDir());
        profile.setValue(spec.profile());
    }
}
