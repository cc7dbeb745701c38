package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Measured read latency on one log axis from 10 ns to 100 ms: local hits (a Caffeine lookup, nanoseconds)
 * and remote GETs (a round trip on a data connection, hundreds of microseconds), with their medians and
 * 99th percentiles. The gap between the two clusters is the talk's point about client-side caching.
 */
final class LatencyChart extends CanvasPanel {

    private LatencyLog.Snapshot snapshot;

    LatencyChart(ObjectProperty<Palette> palette) {
        super(palette);
        setMinSize(180, 110);
        setPrefSize(240, 180);
    }

    void show(LatencyLog.Snapshot s) {
        snapshot = s;
        redraw();
    }

    LatencyLog.Snapshot snapshot() {
        return snapshot;
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setFill(p.muted());
        g.fillText("Read latency, measured (log scale; each series to its own peak)", 8, 6, w - 16);
        LatencyLog.Snapshot s = snapshot;
        if (s == null || s.localCount() + s.remoteCount() == 0) {
            g.fillText("Read a key twice to measure both.", 8, h / 2, w - 16);
            return;
        }
        g.setFill(p.hit());
        g.fillText(String.format(java.util.Locale.ROOT, "local hit  p50 %s · p99 %s  (%,d)", LatencyLog.format(s.localP50()),
                LatencyLog.format(s.localP99()), s.localCount()), 8, 22, w - 16);
        g.setFill(p.accent());
        g.fillText(String.format(java.util.Locale.ROOT, "remote GET  p50 %s · p99 %s  (%,d)", LatencyLog.format(s.remoteP50()),
                LatencyLog.format(s.remoteP99()), s.remoteCount()), 8, 37, w - 16);
        int bins = LatencyLog.EDGES_NANOS.length + 1;
        double left = 8;
        double right = w - 8;
        double top = 56;
        double bottom = h - 18;
        double bw = (right - left) / bins;
        // each series is scaled to its own peak: hits far outnumber GETs, and both shapes should show
        int maxLocal = 1;
        int maxRemote = 1;
        for (int i = 0; i < bins; i++) {
            maxLocal = Math.max(maxLocal, s.localBins()[i]);
            maxRemote = Math.max(maxRemote, s.remoteBins()[i]);
        }
        for (int i = 0; i < bins; i++) {
            double x = left + i * bw;
            double lh = (bottom - top) * s.localBins()[i] / maxLocal;
            double rh = (bottom - top) * s.remoteBins()[i] / maxRemote;
            g.setFill(p.hit().deriveColor(0, 1, 1, 0.8));
            g.fillRect(x + 1, bottom - lh, Math.max(1, bw - 2), lh);
            g.setFill(p.accent().deriveColor(0, 1, 1, 0.8));
            g.fillRect(x + 1, bottom - rh, Math.max(1, bw - 2), rh);
        }
        g.setStroke(p.grid());
        g.strokeLine(left, bottom, right, bottom);
        g.setFill(p.muted());
        g.setFont(Font.font("DejaVu Sans", 9));
        g.setTextAlign(TextAlignment.CENTER);
        String[] ticks = {"10ns", "100ns", "1µs", "10µs", "100µs", "1ms", "10ms", "100ms"};
        int every = 3 * bw < 34 ? 2 : 1; // a narrow chart labels every other decade
        for (int i = 0; i < ticks.length; i += every) g.fillText(ticks[i], left + (3 * i + 1) * bw, bottom + 3);
    }
}
