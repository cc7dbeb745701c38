package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The false-positive rate against k for the experiment's m and N: the theory (1 − e^(−kN/m))^k as a
 * curve on a log scale, the best k = (m/N)·ln 2 marked, the k of the next run, and each measured run as
 * a dot with its 5-sigma band (only runs of the same m and N; one dot per k, the latest).
 */
public final class FpChart extends CanvasPanel {

    private final BloomModel model;

    public FpChart(ObjectProperty<Palette> palette, BloomModel model) {
        super(palette);
        this.model = model;
        setMinSize(160, 150);
        setPrefSize(520, 220);
        model.experimentShape.addListener(o -> redraw());
        model.experimentK.addListener(o -> redraw());
        model.runs.addListener((javafx.collections.ListChangeListener<Experiment.Result>) c -> redraw());
    }

    static int maxK(long m, long n) {
        return (int) Math.min(BloomInput.MAX_K, Math.max(12, Math.ceil(2.2 * BloomMath.optimalK(m, n))));
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        long m = model.experimentShape.get()[0];
        long n = model.experimentShape.get()[1];
        int kMax = maxK(m, n);
        double left = 52;
        double right = w - 12;
        double top = 28;
        double bottom = h - 30;
        double best = BloomMath.falsePositiveRate(m, n, BloomMath.bestK(m, n));
        double lo = Math.max(-9, Math.floor(Math.log10(Math.max(1e-12, best))) - 1);
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.muted());
        g.fillText(String.format(Locale.ROOT, "False positives vs k, m = %,d bits, N = %,d: theory (line), measured (dots)", m, n), left, 6);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        for (int e = (int) lo; e <= 0; e++) {
            double y = y(Math.pow(10, e), lo, top, bottom);
            g.strokeLine(left, y, right, y);
            g.fillText(e == 0 ? "100 %" : e >= -2 ? (int) Math.round(Math.pow(10, e + 2)) + " %" : "1e" + e, left - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int k = 1; k <= kMax; k++) {
            if (kMax > 16 && k % 2 == 0) continue;
            g.fillText(String.valueOf(k), x(k, kMax, left, right), bottom + 4);
        }
        g.fillText("k (hash functions)", (left + right) / 2, bottom + 16);
        double kOpt = BloomMath.optimalK(m, n);
        double xo = x(kOpt, kMax, left, right);
        g.setStroke(p.hit());
        g.setLineDashes(4, 4);
        g.strokeLine(xo, top, xo, bottom);
        g.setLineDashes();
        g.setFill(p.hit());
        g.fillText(String.format(Locale.ROOT, "best k = (m/N)·ln 2 = %.2f", kOpt), Math.min(right - 70, Math.max(left + 70, xo)), top - 2);
        int chosen = model.experimentK.get();
        double xc = x(chosen, kMax, left, right);
        g.setStroke(p.warn());
        g.strokeLine(xc, top + 14, xc, bottom);
        g.setStroke(p.accent());
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i <= 200; i++) {
            double k = 1 + (kMax - 1) * i / 200.0;
            double fp = Math.pow(1 - Math.exp(-k * n / m), k);
            double x = x(k, kMax, left, right);
            double y = y(fp, lo, top, bottom);
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
        for (Experiment.Result r : model.runs) {
            if (r.m() != m || r.n() != n || r.k() > kMax) continue;
            double x = x(r.k(), kMax, left, right);
            double yHi = y(Math.min(1, r.theory() + r.band()), lo, top, bottom);
            double yLo = y(Math.max(Math.pow(10, lo), r.theory() - r.band()), lo, top, bottom);
            g.setStroke(p.muted());
            g.setLineWidth(1);
            g.strokeLine(x, yHi, x, yLo);
            double ym = y(Math.max(Math.pow(10, lo), r.measured()), lo, top, bottom);
            g.setFill(r.agrees() ? p.hit() : p.miss());
            g.fillOval(x - 5, ym - 5, 10, 10);
        }
    }

    private static double x(double k, int kMax, double left, double right) {
        return left + (k - 1) / (kMax - 1) * (right - left);
    }

    private static double y(double fp, double lo, double top, double bottom) {
        double l = Math.log10(Math.max(fp, Math.pow(10, lo)));
        return bottom - (l - lo) / (0 - lo) * (bottom - top);
    }
}
