package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Measured lookup latencies on a log scale, hits and misses side by side, with their p50 and p99. */
final class LatencyHistogram extends CanvasPanel {

    private LatencyStats.Snapshot snapshot;

    LatencyHistogram(ObjectProperty<Palette> palette) {
        super(palette);
        setMinSize(280, 150);
        setPrefSize(440, 180);
    }

    void show(LatencyStats.Snapshot s) {
        snapshot = s;
        redraw();
    }

    private static String micros(long us) {
        return LatencyStats.micros(us);
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("DejaVu Sans", 12));
        g.setFill(p.muted());
        g.fillText("Measured lookup latency (log scale)", 10, 8);
        if (snapshot == null || snapshot.hits() + snapshot.misses() == 0) {
            g.fillText("Look up a player to measure.", 10, h / 2);
            return;
        }
        g.setFill(p.hit());
        g.fillText(String.format(Locale.ROOT, "hits  p50 %s · p99 %s", micros(snapshot.hitP50()), micros(snapshot.hitP99())), 10, 26);
        g.setFill(p.miss());
        g.fillText(String.format(Locale.ROOT, "misses  p50 %s · p99 %s", micros(snapshot.missP50()), micros(snapshot.missP99())),
                10, 42);
        int bins = LatencyStats.BIN_EDGES_MICROS.length + 1;
        double left = 10;
        double right = w - 10;
        double top = 64;
        double bottom = h - 22;
        double bw = (right - left) / bins;
        int max = 1;
        for (int i = 0; i < bins; i++) max = Math.max(max, Math.max(snapshot.hitBins()[i], snapshot.missBins()[i]));
        for (int i = 0; i < bins; i++) {
            double x = left + i * bw;
            double hh = (bottom - top) * snapshot.hitBins()[i] / max;
            double mh = (bottom - top) * snapshot.missBins()[i] / max;
            g.setFill(p.hit().deriveColor(0, 1, 1, 0.75));
            g.fillRect(x + 1, bottom - hh, bw / 2 - 1, hh);
            g.setFill(p.miss().deriveColor(0, 1, 1, 0.75));
            g.fillRect(x + bw / 2, bottom - mh, bw / 2 - 1, mh);
        }
        g.setStroke(p.grid());
        g.strokeLine(left, bottom, right, bottom);
        g.setFill(p.muted());
        g.setFont(Font.font("DejaVu Sans", 9));
        g.setTextAlign(TextAlignment.CENTER);
        String[] ticks = {"10µs", "100µs", "1ms", "10ms", "100ms", "1s"};
        int[] at = {0, 3, 6, 9, 12, 15};
        for (int i = 0; i < ticks.length; i++) g.fillText(ticks[i], left + (at[i] + 1) * bw, bottom + 4);
    }
}
