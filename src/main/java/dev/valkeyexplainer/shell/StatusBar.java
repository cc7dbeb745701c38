package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.valkey.ConnectionStatus;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/** The bottom bar: connected or not, server version, mode, modules, round-trip latency, sandbox badge. */
public final class StatusBar extends HBox {

    private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
    private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

    private final Circle dot = new Circle(6);
    private final Label state = new Label();
    private final Label target = new Label();
    private final Label sandbox = new Label("sandbox");
    private final Label version = new Label();
    private final Label mode = new Label();
    private final Label modules = new Label();
    private final Label latency = new Label();
    private final Label message = new Label();

    public StatusBar() {
        getStyleClass().add("status-bar");
        dot.getStyleClass().add("status-dot");
        state.getStyleClass().add("status-state");
        sandbox.getStyleClass().add("badge");
        sandbox.setTooltip(new javafx.scene.control.Tooltip(
                "The app's own valkey-server: loopback only, random password, no persistence; stopped on exit"));
        message.getStyleClass().add("status-message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.SOMETIMES);
        getChildren().addAll(dot, state, target, sandbox, version, mode, modules, latency, spacer, message);
        for (Label l : new Label[]{target, version, mode, modules, latency}) l.getStyleClass().add("status-item");
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
        sandbox.setVisible(s.sandbox());
        sandbox.setManaged(s.sandbox());
        version.setText(s.version().isEmpty() ? "" : "Valkey " + s.version());
        mode.setText(s.mode().isEmpty() ? "" : s.mode());
        modules.setText(s.version().isEmpty() ? "" : "modules: " + (s.modules().isEmpty() ? "none" : String.join(", ", s.modules())));
        latency.setText(up && s.latencyMicros() >= 0 ? String.format(Locale.ROOT, "PING %,d µs", s.latencyMicros()) : "");
        message.setText(up ? "" : s.message());
    }

    public String stateText() {
        return state.getText();
    }

    public boolean sandboxShown() {
        return sandbox.isVisible();
    }
}
