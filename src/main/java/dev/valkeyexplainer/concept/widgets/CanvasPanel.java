package dev.valkeyexplainer.concept.widgets;

import dev.valkeyexplainer.concept.Palette;
import javafx.beans.property.ObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that owns one canvas filling it, drawn on a rounded panel background in the colours of the
 * current theme. Subclasses draw in {@link #draw}; they call {@link #redraw()} when their state changes.
 * The canvas follows the region's size and the palette, so a theme switch or a resize redraws it.
 */
public abstract class CanvasPanel extends Region {

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Palette> palette;

    protected CanvasPanel(ObjectProperty<Palette> palette) {
        this.palette = palette;
        getChildren().add(canvas);
        palette.addListener(o -> redraw());
    }

    protected abstract void draw(GraphicsContext g, Palette p, double w, double h);

    protected final Palette palette() {
        return palette.get();
    }

    /**
     * The hint of a panel with nothing to show yet (what to press): muted, 13 px, centred on the
     * panel, lines split at '\n'. Leaves the text alignment LEFT.
     */
    protected static void hint(GraphicsContext g, Palette p, double w, double h, String text) {
        g.setFill(p.muted());
        g.setFont(javafx.scene.text.Font.font(13));
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.fillText(text, w / 2, h / 2 - 16);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** FX thread: clears, paints the panel background, and calls {@link #draw}. */
    protected final void redraw() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) return;
        Palette p = palette.get();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFill(p.surface());
        g.fillRoundRect(0, 0, w, h, 10, 10);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeRoundRect(0.5, 0.5, w - 1, h - 1, 10, 10);
        draw(g, p, w, h);
    }
}
