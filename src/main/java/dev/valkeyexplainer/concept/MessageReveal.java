package dev.valkeyexplainer.concept;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;

/**
 * Brings a form's problem message into view when it appears: on a 1280 × 800 projector the "Try it"
 * form scrolls, and a refusal written under a button the user pressed near the top would otherwise
 * stay below the fold, as if nothing had happened. When a label with the style class
 * {@value #STYLE_CLASS} inside the form gets a non-blank text, the nearest
 * enclosing {@link ScrollPane} scrolls just enough to show it (the least movement; nothing moves when
 * it is already visible). FX thread only.
 */
public final class MessageReveal {

    /** The style class of the forms' problem lines (see {@code styles/app.css}). */
    public static final String STYLE_CLASS = "error-text";

    /** Space left below the message when it is scrolled into view, in logical pixels. */
    private static final double MARGIN = 8;

    private MessageReveal() {
    }

    /**
     * Watches every label inside {@code form} (already built, e.g. loaded from FXML); one that shows a
     * problem (has {@value #STYLE_CLASS} when its new text is laid out: some forms switch the class
     * with the text) is scrolled into view.
     */
    public static void watch(Node form) {
        for (Node n : form.lookupAll(".label")) {
            if (n instanceof Labeled l) {
                l.textProperty().addListener((o, before, text) -> {
                    // after the next layout pass: the wrapped text's height is known only then
                    if (text != null && !text.isBlank()) {
                        Platform.runLater(() -> {
                            if (l.getStyleClass().contains(STYLE_CLASS)) reveal(l);
                        });
                    }
                });
            }
        }
    }

    /**
     * Shows {@code text} on a form's message line as a problem (red, {@value #STYLE_CLASS}, scrolled into
     * view) or as a neutral result ({@code muted}); null shows nothing.
     */
    public static void show(Labeled line, String text, boolean problem) {
        line.getStyleClass().removeAll(STYLE_CLASS, "muted");
        line.getStyleClass().add(problem ? STYLE_CLASS : "muted");
        line.setText(text == null ? "" : text);
    }

    /** {@link #show} as a problem (an empty text clears the line). */
    public static void problem(Labeled line, String text) {
        show(line, text, true);
    }

    /** Scrolls the nearest enclosing scroll pane so that {@code node} is inside its viewport; false if nothing moved. */
    public static boolean reveal(Node node) {
        ScrollPane scroll = enclosing(node);
        if (scroll == null || scroll.getContent() == null || node.getScene() == null || !node.isVisible()) return false;
        Node content = scroll.getContent();
        scroll.applyCss();
        scroll.layout();
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double range = content.getLayoutBounds().getHeight() - viewport;
        if (b == null || viewport <= 0 || range <= 0) return false;
        double top = scroll.getVvalue() / (scroll.getVmax() - scroll.getVmin()) * range;
        double newTop = top;
        if (b.getMaxY() + MARGIN > top + viewport) newTop = Math.min(b.getMaxY() + MARGIN - viewport, b.getMinY());
        else if (b.getMinY() < top) newTop = b.getMinY();
        if (newTop == top) return false;
        double clamped = Math.max(0, Math.min(range, newTop));
        scroll.setVvalue(scroll.getVmin() + clamped / range * (scroll.getVmax() - scroll.getVmin()));
        return true;
    }

    private static ScrollPane enclosing(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) return s;
        }
        return null;
    }
}
