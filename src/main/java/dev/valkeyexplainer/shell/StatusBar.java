package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.FxmlLoader;
import dev.valkeyexplainer.valkey.ConnectionStatus;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/**
 * The bottom bar (its form is {@code fxml/shell/status-bar.fxml}): connected or not, the address
 * (password masked), server version, mode, modules, PING round trip, the sandbox badge, and the
 * connection's message. The state word never shrinks; a long message is cut with "…" and its whole
 * text is in the tooltip.
 */
public final class StatusBar {

    private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
    private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

    private final HBox root;
    @FXML private Circle dot;
    @FXML private Label state;
    @FXML private Label target;
    @FXML private Label sandbox;
    @FXML private Label version;
    @FXML private Label mode;
    @FXML private Label modules;
    @FXML private Label latency;
    @FXML private Label denied;
    @FXML private Label message;

    public StatusBar(FxmlLoader fxml) {
        root = fxml.load("shell/status-bar.fxml", this);
        sandbox.managedProperty().bind(sandbox.visibleProperty());
    }

    public HBox root() {
        return root;
    }

    /** FX thread. */
    public void show(ConnectionStatus s) {
        boolean up = s.connected();
        dot.pseudoClassStateChanged(UP, up);
        dot.pseudoClassStateChanged(DOWN, s.state() == ConnectionStatus.State.DOWN);
        state.setText(switch (s.state()) {
            case CONNECTED -> "Connected";
            case CONNECTING -> "Connecting…";
            case DOWN -> "Not connected";
        });
        target.setText(s.target());
        target.setTooltip(s.target().isEmpty() ? null : new Tooltip(s.target()));
        sandbox.setVisible(s.sandbox());
        version.setText(s.version().isEmpty() ? "" : "Valkey " + s.version());
        mode.setText(s.mode().isEmpty() ? "" : s.mode());
        modules.setText(s.version().isEmpty() ? "" : "modules: " + (s.modules().isEmpty() ? "none" : String.join(", ", s.modules())));
        modules.setTooltip(modules.getText().isEmpty() ? null : new Tooltip(modules.getText()));
        latency.setText(up && s.latencyMicros() >= 0 ? String.format(Locale.ROOT, "round trip %,d µs", s.latencyMicros()) : "");
        message.setText(up ? "" : s.message());
        denied.setText(s.denied().isEmpty() ? "" : "restricted user: the server refused " + String.join(", ", s.denied()));
        denied.setTooltip(s.denied().isEmpty() ? null : new Tooltip("The server's ACL does not let this user run these"
                + " (NOPERM). Concepts that need them are marked read-only or off in the side list; using them shows the"
                + " server's message."));
        message.setTooltip(up || s.message().isEmpty() ? null : new Tooltip(s.message()));
    }

    public String stateText() {
        return state.getText();
    }

    public String messageText() {
        return message.getText();
    }

    public String deniedText() {
        return denied.getText();
    }

    public boolean sandboxShown() {
        return sandbox.isVisible();
    }
}
