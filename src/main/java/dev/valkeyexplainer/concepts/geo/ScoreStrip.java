package dev.valkeyexplainer.concepts.geo;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A member's score as its 52 bits, most significant first: longitude bits (odd positions, the first,
 * third, … from the left) and latitude bits (even positions) in two colours, so the interleaving is
 * visible. The first {@code 2 × step} bits (the cell at the chosen precision) are bright and bracketed;
 * the rest, which only narrow the cell further, are faded.
 */
final class ScoreStrip extends CanvasPanel {

    private long score = -1;
    private int step = 26;

    ScoreStrip(ObjectProperty<Palette> palette) {
        super(palette);
        setMinHeight(62);
        setPrefHeight(62);
        setMaxHeight(62);
        setMinWidth(120);
    }

    /** FX thread: shows a score (or nothing, for -1) at a precision of {@code step} bits per axis. */
    void show(long score, int step) {
        this.score = score;
        this.step = step;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        Color lonColour = p.accent();
        Color latColour = p.warn();
        double cell = Math.min(16, (w - 16) / 52.0);
        double x0 = (w - 52 * cell) / 2;
        double y0 = 18;
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.TOP);
        g.setFill(lonColour);
        g.fillText("■ longitude bit", x0, 3);
        g.setFill(latColour);
        g.fillText("■ latitude bit", x0 + 90, 3);
        g.setFill(p.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("bit 51 … bit 0", x0 + 52 * cell, 3);
        g.setTextAlign(TextAlignment.LEFT);
        if (score < 0) {
            g.setFill(p.muted());
            g.fillText("Pick a member (click it on the map) to see its score's bits.", x0, y0 + 6);
            return;
        }
        g.setFont(Font.font("DejaVu Sans Mono", Math.max(8, Math.min(12, cell - 2))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < 52; i++) {
            int bit = 51 - i;
            boolean lon = bit % 2 == 1;
            boolean inStep = i < 2 * step;
            Color c = lon ? lonColour : latColour;
            g.setFill(c.deriveColor(0, 1, 1, inStep ? 0.85 : 0.22));
            g.fillRect(x0 + i * cell + 0.5, y0, cell - 1, 20);
            if (cell >= 8) {
                g.setFill(inStep ? (p.dark() ? Color.BLACK : Color.WHITE) : p.muted());
                g.fillText(((score >>> bit) & 1) == 1 ? "1" : "0", x0 + i * cell + cell / 2, y0 + 10);
            }
        }
        double bx = x0 + 2 * step * cell;
        g.setStroke(p.valkey());
        g.setLineWidth(2);
        g.strokeLine(x0, y0 + 24, bx - 1, y0 + 24);
        g.strokeLine(x0, y0 + 21, x0, y0 + 27);
        g.strokeLine(bx - 1, y0 + 21, bx - 1, y0 + 27);
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 10));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.valkey());
        String label = "step " + step + ": the first " + (2 * step) + " bits name the cell";
        g.fillText(label, Math.min(x0 + 2, Math.max(2, w - label.length() * 6.2)), y0 + 29);
        g.setTextBaseline(VPos.BASELINE);
    }
}
