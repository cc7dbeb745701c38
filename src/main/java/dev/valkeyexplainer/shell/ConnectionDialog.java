package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.valkey.ConnectionTarget;
import java.util.Optional;
import javafx.event.ActionEvent;
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
 * Choose the server: the sandbox, or an existing one by address. A malformed address is explained
 * under the field and the dialog stays open.
 */
public final class ConnectionDialog extends Dialog<ConnectionDialog.Choice> {

    /** {@code target == null} means the embedded sandbox server. */
    public record Choice(ConnectionTarget target) {
        public boolean sandbox() {
            return target == null;
        }
    }

    private final TextField address = new TextField();
    private final Label error = new Label();

    public ConnectionDialog(Window owner, ConnectionTarget current) {
        initOwner(owner);
        setTitle("Connect to Valkey");
        setHeaderText("Which server should the app use?");
        ToggleGroup group = new ToggleGroup();
        RadioButton sandbox = new RadioButton("Embedded sandbox (the app's own valkey-server: loopback, random password,"
                + " no persistence)");
        RadioButton existing = new RadioButton("An existing server:");
        sandbox.setToggleGroup(group);
        sandbox.setWrapText(true);
        sandbox.setMaxWidth(540);
        existing.setToggleGroup(group);
        address.setPromptText("valkey://[user:password@]host:port  (valkeys:// for TLS)");
        Label passwordHint = new Label("Passwords are never shown again: type it into the address when the server needs one.");
        passwordHint.getStyleClass().add("muted");
        passwordHint.setWrapText(true);
        address.setPrefColumnCount(42);
        address.disableProperty().bind(existing.selectedProperty().not());
        if (current == null || current.embedded()) {
            sandbox.setSelected(true);
        } else {
            existing.setSelected(true);
            // the password is never shown again: the address comes back without it
            String user = current.username() == null ? "" : current.username() + "@";
            address.setText((current.tls() ? "valkeys://" : "valkey://") + (current.hasPassword() ? "" : user)
                    + (current.host().contains(":") ? "[" + current.host() + "]" : current.host()) + ":" + current.port());
        }
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        Label hint = new Label("Every key the app writes starts with the namespace prefix; reset deletes only those keys."
                + " The app never runs FLUSHALL, FLUSHDB or MONITOR.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        VBox box = new VBox(10, sandbox, existing, address, passwordHint, error, hint);
        box.setPrefWidth(560);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Connect");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (existing.isSelected()) {
                Optional<String> problem = validate(address.getText());
                if (problem.isPresent()) {
                    error.setText(problem.get());
                    e.consume();
                }
            }
        });
        setResultConverter(b -> {
            if (b != ButtonType.OK) return null;
            return existing.isSelected() ? new Choice(ConnectionTarget.parse(address.getText())) : new Choice(null);
        });
    }

    /** Empty when the address parses; otherwise the message to show. */
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
