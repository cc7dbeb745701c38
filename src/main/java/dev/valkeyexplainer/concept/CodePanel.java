package dev.valkeyexplainer.concept;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.SegmentedButton;

/**
 * Shows the Valkey GLIDE code behind the current step, in Java or Python (a switch shared by every
 * concept and remembered across them), with a copy button.
 */
public final class CodePanel extends BorderPane {

    private final Label title = new Label("Glide");
    private final TextArea code = new TextArea();
    private final ObjectProperty<CodeLanguage> language;
    private String heading = "Glide";
    private Snippet snippet = Snippet.of("", "");

    public CodePanel(ObjectProperty<CodeLanguage> language) {
        this.language = language;
        getStyleClass().add("code-panel");
        code.setEditable(false);
        // read-only: a click still selects text, but Tab and a disabled button never hand it the focus,
        // where it would eat the talk's PageDown and the step player's Space
        code.setFocusTraversable(false);
        code.setWrapText(true); // long Glide calls wrap rather than hide behind a scroll bar
        code.getStyleClass().add("code");
        code.setPrefRowCount(9);
        Button copy = new Button("Copy");
        copy.getStyleClass().add("small");
        copy.setFocusTraversable(false);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(code.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        SegmentedButton switcher = new SegmentedButton();
        switcher.getStyleClass().add("code-language");
        switcher.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (CodeLanguage l : CodeLanguage.values()) {
            ToggleButton b = new ToggleButton(l.label());
            b.setUserData(l);
            b.setFocusTraversable(false);
            b.getStyleClass().add("small");
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setSelected(l == language.get());
            b.setOnAction(e -> {
                if (b.isSelected()) language.set(l);
                else b.setSelected(true); // one language is always chosen
            });
            switcher.getButtons().add(b);
        }
        language.addListener((o, a, now) -> {
            switcher.getButtons().forEach(b -> b.setSelected(b.getUserData() == now));
            render();
        });
        title.getStyleClass().add("panel-title");
        title.setWrapText(true); // a long step title wraps beside the language switch instead of being cut
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(6, title, switcher, copy);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        head.getStyleClass().add("code-head");
        setTop(head);
        setCenter(code);
    }

    /** FX thread: the code of the current step, shown in the chosen language. */
    public void show(String heading, Snippet snippet) {
        this.heading = heading;
        this.snippet = snippet;
        render();
    }

    private void render() {
        CodeLanguage l = language.get();
        title.setText(heading);
        code.setText(snippet.in(l));
    }

    /** The snippet on screen (tests compare it with the commands the step sent). */
    public Snippet snippet() {
        return snippet;
    }

    public String text() {
        return code.getText();
    }
}
