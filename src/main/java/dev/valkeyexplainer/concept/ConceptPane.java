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

    /**
     * The common layout. Wide (at least {@link #NARROW_WIDTH} logical pixels): the visual in the
     * middle and the side column on the right, each scrolling on its own. Narrow (a 1280 px projector
     * at 150 % is 853 px wide): one column that scrolls, the visual first (at least
     * {@link #NARROW_VISUAL_HEIGHT} high) and the side column under it, so nothing is ever out of reach.
     */
    public static BorderPane layout(String conceptId, String heading, String lede, Node visual, Node controls,
                                    String explanation, CodePanel code) {
        Label h = new Label(heading);
        h.getStyleClass().add("concept-heading");
        h.setWrapText(true);
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
        pane.setMinWidth(0); // the window decides the width; the layout below adapts to it
        pane.setMinHeight(0);
        pane.setTop(top);
        new Arrangement(pane, visual, side, sideScroll).wide();
        MessageReveal.watch(controls); // a refusal below the fold is scrolled into view
        keepSliderKeys(controls);
        return pane;
    }

    /**
     * Home and End on a slider move the slider only: JavaFX's slider acts on their release, so the press
     * went on to the scroll pane around the form, which jumped to its top or bottom as well.
     */
    static void keepSliderKeys(Node form) {
        for (Node n : form.lookupAll(".slider")) {
            n.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.HOME || e.getCode() == javafx.scene.input.KeyCode.END) e.consume();
            });
        }
    }

    /** Below this width (logical pixels) a concept is laid out in one scrolling column. */
    public static final double NARROW_WIDTH = 980;
    /** The visual's height in the one-column layout, at least. */
    public static final double NARROW_VISUAL_HEIGHT = 460;

    /** Switches a concept between the two layouts as its width changes (FX thread). */
    private static final class Arrangement {
        private final BorderPane pane;
        private final Node visual;
        private final VBox side;
        private final ScrollPane sideScroll;
        private final VBox column = new VBox(10);
        private final ScrollPane columnScroll = new ScrollPane(column);
        private final javafx.scene.layout.StackPane visualBox = new javafx.scene.layout.StackPane();
        private Boolean narrow;

        Arrangement(BorderPane pane, Node visual, VBox side, ScrollPane sideScroll) {
            this.pane = pane;
            this.visual = visual;
            this.side = side;
            this.sideScroll = sideScroll;
            columnScroll.setFitToWidth(true);
            columnScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED); // a visual wider than a narrow window scrolls
            columnScroll.getStyleClass().addAll("side-scroll", "concept-column");
            visualBox.setMinHeight(NARROW_VISUAL_HEIGHT);
            visualBox.prefHeightProperty().bind(javafx.beans.binding.Bindings.max(NARROW_VISUAL_HEIGHT,
                    columnScroll.heightProperty().multiply(0.92)));
            pane.widthProperty().addListener((o, a, w) -> arrange(w.doubleValue()));
        }

        void wide() {
            narrow = false;
            visualBox.getChildren().clear();
            column.getChildren().clear();
            sideScroll.setContent(side);
            pane.setCenter(visual);
            pane.setRight(sideScroll);
            BorderPane.setMargin(visual, new Insets(8, 10, 0, 0));
        }

        private void narrow() {
            narrow = true;
            pane.setCenter(null);
            pane.setRight(null);
            sideScroll.setContent(null);
            BorderPane.setMargin(visual, null);
            visualBox.getChildren().setAll(visual);
            column.getChildren().setAll(visualBox, side);
            pane.setCenter(columnScroll);
            BorderPane.setMargin(columnScroll, new Insets(8, 0, 0, 0));
        }

        private void arrange(double width) {
            if (width <= 0) return;
            // two columns need the visual's minimum width beside the side column's
            double needed = Math.max(NARROW_WIDTH, visual.minWidth(-1) + sideScroll.minWidth(-1) + 40);
            // a little hysteresis, so a width near the limit does not flip the layout back and forth
            if (!narrow && width < needed - 10) narrow();
            else if (narrow && width > needed + 10) wide();
        }
    }

    /**
     * The visual in a scroll pane that fits it to the space when there is room, and scrolls when its
     * minimum size is larger (a 1280 × 800 projector at 150 %), so nothing is cut off or drawn over. A
     * concept passes {@code scrollable(view)} as the visual of {@link #layout}.
     */
    public static ScrollPane scrollable(javafx.scene.layout.Region visual) {
        ScrollPane sp = new ScrollPane(visual);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        sp.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        sp.getStyleClass().addAll("side-scroll", "visual-scroll");
        sp.setFocusTraversable(false); // focused, a scroll pane would eat the talk's PageDown and the player's Space
        return sp;
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
