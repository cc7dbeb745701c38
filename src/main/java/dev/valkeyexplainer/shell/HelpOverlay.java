package dev.valkeyexplainer.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts, over the window (F1 or ? opens it, Esc closes it). */
public final class HelpOverlay extends StackPane {

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
            {"Talk mode: PageDown, Right, Space", "Next step of the talk; PageUp goes back; Esc leaves"},
            {"F1 or ?", "This help"},
            {"Esc", "Close this help"},
    };


    public HelpOverlay() {
        getStyleClass().add("help-overlay");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label k = new Label(SHORTCUTS[i][0]);
            k.getStyleClass().add("kbd");
            grid.add(k, 0, i);
            grid.add(new Label(SHORTCUTS[i][1]), 1, i);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("concept-heading");
        Button close = new Button("Close");
        close.setOnAction(e -> setVisible(false));
        VBox card = new VBox(16, title, grid, close);
        card.getStyleClass().add("help-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) setVisible(false);
        });
    }
}
