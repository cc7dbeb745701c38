package dev.valkeyexplainer.concept;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The common layout of a tab: heading and one-line idea on top, the live visual in the middle, and a
 * side column with the controls, a short explanation of the idea, and the Glide code panel.
 */
public final class ConceptPane {

    private ConceptPane() {
    }

    public static BorderPane layout(String conceptId, String heading, String lede, Node visual, Node controls,
                                    String explanation, CodePanel code) {
        Label h = new Label(heading);
        h.getStyleClass().add("concept-heading");
        Label l = new Label(lede);
        l.getStyleClass().add("concept-lede");
        l.setWrapText(true);
        VBox top = new VBox(2, h, l);
        top.getStyleClass().add("concept-top");

        Label explainTitle = new Label("The idea");
        explainTitle.getStyleClass().add("panel-title");
        Label explain = new Label(explanation);
        explain.setWrapText(true);
        explain.getStyleClass().add("explanation");
        VBox explainBox = new VBox(4, explainTitle, explain);
        explainBox.getStyleClass().add("panel");

        VBox side = new VBox(10, controls, explainBox, code);
        side.getStyleClass().add("side-column");
        VBox.setVgrow(code, Priority.ALWAYS);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add("side-scroll");
        sideScroll.setPrefViewportWidth(430);
        sideScroll.setMinWidth(320);

        BorderPane pane = new BorderPane();
        pane.getStyleClass().addAll("concept", "concept-" + conceptId);
        pane.setTop(top);
        pane.setCenter(visual);
        pane.setRight(sideScroll);
        BorderPane.setMargin(visual, new Insets(8, 10, 0, 0));
        return pane;
    }

    /** A small grey caption above a figure. */
    public static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stat-caption");
        return l;
    }

    /** A titled panel (side column, or a tab's own panels). */
    public static VBox panel(String title, Node... children) {
        Label t = new Label(title);
        t.getStyleClass().add("panel-title");
        VBox box = new VBox(6);
        box.getChildren().add(t);
        box.getChildren().addAll(children);
        box.getStyleClass().add("panel");
        return box;
    }
}
