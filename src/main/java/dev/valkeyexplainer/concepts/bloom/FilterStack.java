package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The sub-filters of the filter on screen, newest at the bottom, as the server's description says:
 * bits, hash functions, capacity and error rate, how full each is (items / capacity) and how many of its
 * bits are set (BITCOUNT). A click picks the sub-filter drawn bit by bit.
 */
public final class FilterStack extends CanvasPanel {

    static final double ROW = 24;
    private final BloomModel model;

    public FilterStack(ObjectProperty<Palette> palette, BloomModel model) {
        super(palette);
        this.model = model;
        setMinSize(120, ROW + 8);
        model.filter.addListener(o -> resize());
        model.shownFilter.addListener(o -> redraw());
        setOnMouseClicked(e -> {
            BloomState.Filter f = model.filter.get();
            int row = (int) ((e.getY() - 4) / ROW);
            if (f != null && row >= 0 && row < f.filters().size()) model.shownFilter.set(row);
        });
        resize();
    }

    private void resize() {
        BloomState.Filter f = model.filter.get();
        int rows = f == null || f.filters().isEmpty() ? 1 : f.filters().size();
        setPrefHeight(rows * ROW + 8);
        setMinHeight(rows * ROW + 8);
        setMaxHeight(rows * ROW + 8);
        redraw();
    }

    /** "#1 · 2,208 bits · k 8 · 200 / 200 items at 0.5 % · 52 % set" (a plain filter: "… · 4 items · 60 % set"). */
    static String describe(BloomState.SubFilter s) {
        String items = s.capacity() > 0 ? String.format(Locale.ROOT, "%,d / %,d items at %s", s.n(), s.capacity(),
                BloomInput.percent(s.errorRate())) : String.format(Locale.ROOT, "%,d items", s.n());
        return String.format(Locale.ROOT, "#%d · %,d bits · k %d · %s · %.0f %% set", s.index(), s.m(), s.k(), items, 100 * s.fill());
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        BloomState.Filter f = model.filter.get();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        if (f == null || !f.exists()) {
            g.setFont(Font.font("DejaVu Sans", 12));
            g.setFill(p.muted());
            g.fillText("No filter yet.", 10, 4 + ROW / 2);
            return;
        }
        double barW = Math.min(90, w * 0.15);
        for (BloomState.SubFilter s : f.filters()) {
            double y = 4 + s.index() * ROW;
            boolean shown = s.index() == model.shownFilter.get();
            if (shown) {
                g.setFill(p.accent().deriveColor(0, 1, 1, 0.12));
                g.fillRoundRect(4, y + 1, w - 8, ROW - 2, 6, 6);
            }
            g.setFont(Font.font("DejaVu Sans", shown ? FontWeight.BOLD : FontWeight.NORMAL, 12));
            g.setFill(p.text());
            g.save();
            g.beginPath();
            g.rect(8, y, Math.max(10, w - barW - 24), ROW);
            g.clip();
            g.fillText(describe(s), 10, y + ROW / 2);
            g.restore();
            double bx = w - barW - 10;
            double fill = s.capacity() > 0 ? Math.min(1, (double) s.n() / s.capacity()) : s.fill();
            g.setFill(p.grid());
            g.fillRoundRect(bx, y + 8, barW, ROW - 16, 4, 4);
            g.setFill(s.full() ? p.warn() : p.valkey());
            g.fillRoundRect(bx, y + 8, barW * fill, ROW - 16, 4, 4);
        }
    }
}
