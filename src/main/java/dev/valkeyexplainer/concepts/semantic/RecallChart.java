package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Recall@10 against EF_RUNTIME (log axis), measured with HNSW in the app; valkey-search's default EF_RUNTIME 10 is marked. */
final class RecallChart extends CanvasPanel {

    private final SemanticModel model;

    RecallChart(ObjectProperty<Palette> palette, SemanticModel model) {
        super(palette);
        this.model = model;
        setMinSize(240, 120);
        setPrefSize(420, 220);
        model.addListener(this::redraw);
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        Measurements m = model.measurements();
        g.setFill(p.muted());
        if (m == null) {
            g.fillText("Press Measure to chart recall@10 against EF_RUNTIME.", 10, 8);
            return;
        }
        RecallExperiment r = m.recall();
        g.fillText(PointMap.fit(g, String.format(Locale.ROOT, "Recall@%d vs EF_RUNTIME, HNSW in the app (hnswlib): exact search = 1",
                r.k()), w - 20), 10, 6);
        g.fillText(PointMap.fit(g, String.format(Locale.ROOT, "M %d, EF_CONSTRUCTION %d; %d vectors indexed, %d queries",
                r.m(), r.efConstruction(), r.indexed(), r.queries()), w - 20), 10, 20);
        List<RecallExperiment.Point> pts = r.points();
        double minR = Math.min(0.9, Math.floor(pts.stream().mapToDouble(RecallExperiment.Point::recall).min().orElse(1) * 20) / 20);
        double left = 44, right = w - 14, top = 44, bottom = h - 20;
        double lmin = Math.log(pts.get(0).efRuntime());
        double lmax = Math.log(pts.get(pts.size() - 1).efRuntime());
        java.util.function.DoubleUnaryOperator X = ef -> left + (right - left) * (Math.log(ef) - lmin) / (lmax - lmin);
        java.util.function.DoubleUnaryOperator Y = rec -> bottom - (bottom - top) * (rec - minR) / (1 - minR);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t = minR; t <= 1.0001; t += (1 - minR) / 4) {
            double y = Y.applyAsDouble(t);
            g.strokeLine(left, y, right, y);
            g.setFill(p.muted());
            g.fillText(String.format(Locale.ROOT, "%.3f", t), left - 4, y - 6);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (RecallExperiment.Point pt : pts) {
            g.fillText(Integer.toString(pt.efRuntime()), X.applyAsDouble(pt.efRuntime()), bottom + 4);
        }
        double dx = X.applyAsDouble(VectorIndex.EF_RUNTIME);
        g.setStroke(p.valkey());
        g.setLineDashes(4, 3);
        g.strokeLine(dx, top, dx, bottom);
        g.setLineDashes(null);
        g.setFill(p.valkey());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("default 10 (= k here)", dx + 4, bottom - 30);
        g.setStroke(p.accent());
        g.setLineWidth(2);
        for (int i = 1; i < pts.size(); i++) {
            g.strokeLine(X.applyAsDouble(pts.get(i - 1).efRuntime()), Y.applyAsDouble(pts.get(i - 1).recall()),
                    X.applyAsDouble(pts.get(i).efRuntime()), Y.applyAsDouble(pts.get(i).recall()));
        }
        g.setFill(p.accent());
        g.setTextAlign(TextAlignment.LEFT);
        for (RecallExperiment.Point pt : pts) {
            double x = X.applyAsDouble(pt.efRuntime());
            double y = Y.applyAsDouble(pt.recall());
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
        }
    }
}
