package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** The current question's embedding: 384 cells coloured by value (blue negative, red positive), and its first numbers. */
final class VectorStrip extends CanvasPanel {

    private final SemanticModel model;

    VectorStrip(ObjectProperty<Palette> palette, SemanticModel model) {
        super(palette);
        this.model = model;
        setMinWidth(120); // a canvas child would otherwise hold the region at its last width
        setMinHeight(50);
        setPrefHeight(50);
        setMaxHeight(50);
        model.addListener(this::redraw);
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        SemanticCache.Lookup l = model.lookup();
        if (l == null) {
            g.setFill(p.muted());
            g.fillText("The question's vector (384 numbers from the local model) appears here.", 10, 8);
            return;
        }
        float[] v = l.vector();
        double max = 1e-9;
        for (float f : v) max = Math.max(max, Math.abs(f));
        double cell = (w - 20) / v.length;
        for (int i = 0; i < v.length; i++) {
            double t = v[i] / max;
            g.setFill(t >= 0 ? Color.hsb(5, Math.min(1, t), p.dark() ? 0.9 : 1) : Color.hsb(215, Math.min(1, -t), p.dark() ? 0.9 : 1));
            g.fillRect(10 + i * cell, 6, Math.ceil(cell), 20);
        }
        g.setFill(p.text());
        g.fillText(PointMap.fit(g, String.format(Locale.ROOT, "The question's vector: %d numbers, length 1; in Valkey as FLOAT32"
                + " (%,d bytes): [%.4f, %.4f, %.4f, %.4f, …]", v.length, 4 * v.length, v[0], v[1], v[2], v[3]), w - 20), 10, 30);
    }
}
