package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import dev.valkeyexplainer.valkey.hll.HllEstimator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The error of PFCOUNT against the exact count (SCARD) as N grows, on a log scale, inside the
 * ±1.04/√16384 (±0.81 %) standard-error band and the lighter ±2σ band; a dashed line where the
 * HyperLogLog switched from sparse to dense.
 */
final class ExperimentChart extends CanvasPanel {

    private Experiment.Progress progress;

    ExperimentChart(ObjectProperty<Palette> palette) {
        super(palette);
        setMinSize(240, 160);
        setPrefSize(460, 240);
    }

    Experiment.Progress progress() {
        return progress;
    }

    void show(Experiment.Progress p) {
        progress = p;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        double left = 52;
        double right = w - 14;
        double top = 30;
        double bottom = h - 30;
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("DejaVu Sans", 12));
        g.setFill(p.muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("PFCOUNT's error against SCARD", 12, 8);
        if (progress == null || progress.points().isEmpty()) {
            g.fillText("Run the experiment to measure it.", left, (top + bottom) / 2);
            return;
        }
        List<Experiment.Point> pts = progress.points();
        double se = HllEstimator.STANDARD_ERROR;
        double maxErr = 3 * se;
        for (Experiment.Point pt : pts) maxErr = Math.max(maxErr, Math.abs(pt.relativeError()) * 1.15);
        double yMax = maxErr;
        double xMin = Math.log10(Math.max(1, pts.get(0).exact()));
        double xMax = Math.log10(Math.max(10, progress.target()));
        if (xMax - xMin < 1) xMin = xMax - 1;
        double fxMin = xMin;
        double fxMax = xMax;
        java.util.function.DoubleUnaryOperator X = n -> left + (Math.log10(Math.max(1, n)) - fxMin) / (fxMax - fxMin) * (right - left);
        java.util.function.DoubleUnaryOperator Y = e -> (top + bottom) / 2 - e / yMax * (bottom - top) / 2;
        // ±2σ and ±1σ bands
        g.setFill(p.accent().deriveColor(0, 1, 1, 0.08));
        g.fillRect(left, Y.applyAsDouble(2 * se), right - left, Y.applyAsDouble(-2 * se) - Y.applyAsDouble(2 * se));
        g.setFill(p.accent().deriveColor(0, 1, 1, 0.16));
        g.fillRect(left, Y.applyAsDouble(se), right - left, Y.applyAsDouble(-se) - Y.applyAsDouble(se));
        g.setStroke(p.muted());
        g.setLineWidth(1);
        g.strokeLine(left, Y.applyAsDouble(0), right, Y.applyAsDouble(0));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(p.text());
        g.setFont(Font.font("DejaVu Sans", 10));
        for (double e : new double[]{-2 * se, -se, 0, se, 2 * se}) {
            g.fillText(String.format(Locale.ROOT, "%+.2f%%", e * 100), left - 4, Y.applyAsDouble(e));
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double decade = Math.ceil(xMin); decade <= xMax + 1e-9; decade++) {
            double x = X.applyAsDouble(Math.pow(10, decade));
            g.setStroke(p.grid());
            g.strokeLine(x, top, x, bottom);
            g.setTextAlign(x > right - 30 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(String.format(Locale.ROOT, "%,.0f", Math.pow(10, decade)), Math.min(x, right), bottom + 4);
        }
        if (progress.switchedAt() > 0) {
            double x = X.applyAsDouble(progress.switchedAt());
            g.setStroke(p.warn());
            g.setLineDashes(5, 4);
            g.strokeLine(x, top, x, bottom);
            g.setLineDashes();
            g.setFill(p.warn());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(String.format(Locale.ROOT, "dense from %,d", progress.switchedAt()), x + 4, top + 2);
        }
        g.setStroke(p.accent());
        g.setLineWidth(1.8);
        g.beginPath();
        for (int i = 0; i < pts.size(); i++) {
            double x = X.applyAsDouble(pts.get(i).exact());
            double y = Y.applyAsDouble(pts.get(i).relativeError());
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
        g.setFill(p.accent());
        for (Experiment.Point pt : pts) {
            g.fillOval(X.applyAsDouble(pt.exact()) - 2, Y.applyAsDouble(pt.relativeError()) - 2, 4, 4);
        }
        g.setFill(p.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(w >= 420 ? "users added (log)  ·  band ±0.81% = 1.04/√16384, light ±2σ" : "users (log) · band ±0.81%, light ±2σ",
                right, bottom + 16);
    }
}
