package dev.valkeyexplainer.concept;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Shows the Valkey GLIDE Java code behind the current step, with a copy button. */
public final class CodePanel extends BorderPane {

    private final Label title = new Label("Glide (Java)");
    private final TextArea code = new TextArea();

    public CodePanel() {
        getStyleClass().add("code-panel");
        code.setEditable(false);
        code.setWrapText(true); // long Glide calls wrap rather than hide behind a scroll bar
        code.getStyleClass().add("code");
        code.setPrefRowCount(9);
        Button copy = new Button("Copy");
        copy.getStyleClass().add("small");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(code.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.getStyleClass().add("panel-title");
        HBox head = new HBox(6, title, spacer, copy);
        head.getStyleClass().add("code-head");
        setTop(head);
        setCenter(code);
    }

    /** FX thread. */
    public void show(String heading, String javaCode) {
        title.setText(heading);
        code.setText(javaCode.strip());
    }

    public String text() {
        return code.getText();
    }
}
