package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.FxmlLoader;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Choose the server: the sandbox, or an existing one by address (its form is
 * {@code fxml/shell/connection-dialog.fxml}). A malformed address is explained under the field and
 * the dialog stays open; the current address comes back without its password.
 */
public final class ConnectionDialog extends Dialog<ConnectionDialog.Choice> {

    /** {@code target == null} means the embedded sandbox server. */
    public record Choice(ConnectionTarget target) {
        public boolean sandbox() {
            return target == null;
        }
    }

    @FXML private ToggleGroup choice;
    @FXML private RadioButton sandbox;
    @FXML private RadioButton existing;
    @FXML private TextField address;
    @FXML private Label passwordHint;
    @FXML private Label error;
    @FXML private Label hint;

    public ConnectionDialog(Window owner, ConnectionTarget current, FxmlLoader fxml) {
        initOwner(owner);
        setTitle("Connect to Valkey");
        setHeaderText("Which server should the app use?");
        VBox form = fxml.load("shell/connection-dialog.fxml", this);
        address.disableProperty().bind(existing.selectedProperty().not());
        if (current == null || current.embedded()) {
            sandbox.setSelected(true);
        } else {
            existing.setSelected(true);
            address.setText(current.withoutPassword());
        }
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Connect");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (existing.isSelected()) {
                Optional<String> problem = validate(address.getText());
                if (problem.isPresent()) {
                    error.setText(problem.get());
                    e.consume();
                    // the dialog grows to show the whole message
                    getDialogPane().getScene().getWindow().sizeToScene();
                }
            }
        });
        setResultConverter(b -> {
            if (b != ButtonType.OK) return null;
            return existing.isSelected() ? new Choice(ConnectionTarget.parse(address.getText())) : new Choice(null);
        });
    }

    /** Empty when the address parses; otherwise the message to show (it never contains the password). */
    public static Optional<String> validate(String text) {
        try {
            ConnectionTarget.parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    TextField addressField() {
        return address;
    }

    Label errorLabel() {
        return error;
    }
}
