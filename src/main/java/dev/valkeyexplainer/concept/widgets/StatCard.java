package dev.valkeyexplainer.concept.widgets;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A labelled figure, e.g. "Clients / 3". */
public final class StatCard extends VBox {

    private final Label value = new Label("–");
    private final Label caption;

    public StatCard(String caption) {
        this.caption = new Label(caption);
        this.caption.getStyleClass().add("stat-caption");
        value.getStyleClass().add("stat-value");
        getStyleClass().add("stat-card");
        getChildren().addAll(this.caption, value);
    }

    public void set(String text) {
        value.setText(text);
    }

    public void setCaption(String text) {
        caption.setText(text);
    }

    public String text() {
        return value.getText();
    }
}
