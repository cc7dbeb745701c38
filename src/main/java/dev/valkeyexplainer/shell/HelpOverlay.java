package dev.valkeyexplainer.shell;

import dev.valkeyexplainer.concept.FxmlLoader;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard shortcuts, over the window (F1 or ? opens it, Esc closes it). The card is
 * {@code fxml/shell/help-overlay.fxml}; the rows come from {@link #SHORTCUTS}. It scrolls when the
 * window is small or the scale is large.
 */
public final class HelpOverlay {

    static final String[][] SHORTCUTS = {
            {"Ctrl+K or /", "Search the concepts (titles, commands, keywords)"},
            {"Ctrl+1 … Ctrl+7", "Caching, Sessions, AI, Messaging, Probabilistic, Geo, Rate limiting (again: next in the group)"},
            {"Alt+Home", "The Server view"},
            {"Alt+Left / Alt+Right", "Back / forward through visited concepts"},
            {"Ctrl+B", "Show / fold the concept list"},
            {"Ctrl + / Ctrl -", "Bigger / smaller UI (everything, canvases too)"},
            {"Ctrl+0", "UI scale back to 100%"},
            {"Ctrl+D", "Light / dark theme"},
            {"F11", "Full screen on / off"},
            {"Space", "Play / pause the concept's scenario"},
            {"Right arrow", "One step of the scenario"},
            {"Talk mode: PageDown, Right, Space", "Next step of the talk; PageUp or Left goes back; Esc leaves"},
            {"F1 or ?", "This help"},
            {"Esc", "Close this help"},
    };

    private final StackPane root;
    @FXML private ScrollPane scroller;
    @FXML private VBox card;
    @FXML private GridPane grid;

    public HelpOverlay(FxmlLoader fxml) {
        root = fxml.load("shell/help-overlay.fxml", this);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label k = new Label(SHORTCUTS[i][0]);
            k.getStyleClass().add("kbd");
            k.setMinWidth(Label.USE_PREF_SIZE);
            Label what = new Label(SHORTCUTS[i][1]);
            what.setWrapText(true);
            grid.add(k, 0, i);
            grid.add(what, 1, i);
        }
    }

    public StackPane root() {
        return root;
    }

    public boolean isVisible() {
        return root.isVisible();
    }

    public void setVisible(boolean visible) {
        root.setVisible(visible);
    }

    @FXML private void close() {
        root.setVisible(false);
    }

    @FXML private void clickOutside(MouseEvent e) {
        if (e.getTarget() == root) root.setVisible(false);
    }
}
