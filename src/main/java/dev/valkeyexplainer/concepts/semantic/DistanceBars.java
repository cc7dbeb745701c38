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

/**
 * The k neighbours' cosine distances (the score valkey-search reports; smaller is closer) as bars
 * against the threshold line at 1 − threshold, with the "verify" band just past it. Moving the slider
 * moves the line and re-colours the bars without asking the server again.
 */
final class DistanceBars extends CanvasPanel {

    private final SemanticModel model;

    DistanceBars(ObjectProperty<Palette> palette, SemanticModel model) {
        super(palette);
        this.model = model;
        setMinSize(160, 110);
        setPrefSize(330, 360);
        model.addListener(this::redraw);
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.muted());
        g.fillText(PointMap.fit(g, "Distance of the k nearest (score = 1 − similarity)", w - 20), 10, 6);
        SemanticCache.Lookup l = model.lookup();
        if (l == null) {
            g.fillText("Ask a question to see its neighbours.", 10, 26);
            return;
        }
        List<SemanticStore.Neighbour> ns = l.search().neighbours();
        double threshold = model.settings().threshold();
        double left = 10, right = w - 12, top = 28, bottom = h - 30;
        double maxD = 1.0;
        java.util.function.DoubleUnaryOperator X = d -> left + (right - left) * Math.min(d, maxD) / maxD;
        // the verify band and the threshold line
        double tx = X.applyAsDouble(1 - threshold);
        double bx = X.applyAsDouble(1 - threshold + SemanticModel.BAND);
        g.setFill(p.warn().deriveColor(0, 1, 1, 0.18));
        g.fillRect(tx, top, bx - tx, bottom - top);
        g.setStroke(p.text());
        g.setLineWidth(1.5);
        g.strokeLine(tx, top - 2, tx, bottom + 2);
        g.setFill(p.text());
        g.fillText(PointMap.fit(g, String.format(Locale.ROOT, "serve if distance ≤ %.2f (similarity ≥ %.2f); band: verify",
                1 - threshold, threshold), w - 20), left, bottom + 6);
        if (ns.isEmpty()) {
            g.setFill(p.muted());
            g.fillText("The cache is empty" + (l.settings().filter() ? " for " + l.settings().country() : "") + ".", left, top + 4);
            return;
        }
        double row = Math.min(44, (bottom - top) / ns.size());
        for (int i = 0; i < ns.size(); i++) {
            SemanticStore.Neighbour n = ns.get(i);
            double y = top + i * row;
            SemanticModel.Verdict v = SemanticModel.verdict(n.similarity(), threshold);
            g.setFill(PointMap.colour(p, v));
            g.fillRect(left, y + 15, Math.max(2, X.applyAsDouble(n.distance()) - left), Math.max(4, row * 0.35));
            g.setFill(p.text());
            g.fillText(PointMap.fit(g, String.format(Locale.ROOT, "%.3f  %s", n.distance(), n.question()), w - 24), left, y + 1);
        }
    }
}
