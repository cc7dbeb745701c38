package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The stored questions as points on a 2-D map (PCA computed in the app from the vectors read back
 * from Valkey), coloured by paraphrase group; the current question as a diamond, with lines to its k
 * nearest neighbours coloured by verdict (served, verify, miss). With the country filter on, other
 * countries' entries are faint: the server did not compare them.
 */
final class PointMap extends CanvasPanel {

    private final SemanticModel model;
    private final Map<String, Color> groupColours = new HashMap<>();

    PointMap(ObjectProperty<Palette> palette, SemanticModel model, List<String> groupOrder) {
        super(palette);
        this.model = model;
        for (int i = 0; i < groupOrder.size(); i++) {
            groupColours.put(groupOrder.get(i), Color.hsb((i * 137.508) % 360, 0.62, 0.82));
        }
        setMinSize(160, 110);
        setPrefSize(480, 360);
        model.addListener(this::redraw);
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        Projection proj = model.projection();
        List<SemanticStore.Stored> stored = model.stored();
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.muted());
        if (proj == null) {
            g.fillText("No cached questions yet: ask one, or fill the cache with the corpus seeds.", 12, 12);
            return;
        }
        g.fillText(fit(g, String.format(Locale.ROOT, "%,d cached question%s read from Valkey; 2-D by PCA in the app (%.0f %% of"
                + " the variance). The cache decides in 384-D.", stored.size(), stored.size() == 1 ? "" : "s", 100 * (proj.explained()[0] + proj.explained()[1])),
                w - 20), 10, 6);
        SemanticCache.Lookup l = model.lookup();
        double[][] xy = new double[stored.size()][];
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < stored.size(); i++) {
            xy[i] = proj.project(stored.get(i).vector());
        }
        double[] q = l == null ? null : proj.project(l.vector());
        for (double[] pt : xy) {
            minX = Math.min(minX, pt[0]); maxX = Math.max(maxX, pt[0]); minY = Math.min(minY, pt[1]); maxY = Math.max(maxY, pt[1]);
        }
        if (q != null) {
            minX = Math.min(minX, q[0]); maxX = Math.max(maxX, q[0]); minY = Math.min(minY, q[1]); maxY = Math.max(maxY, q[1]);
        }
        double pad = 18, top = 26;
        double sx = (w - 2 * pad) / Math.max(1e-9, maxX - minX);
        double sy = (h - top - pad) / Math.max(1e-9, maxY - minY);
        double x0 = minX;
        double y1 = maxY;
        java.util.function.DoubleUnaryOperator X = v -> pad + (v - x0) * sx;
        java.util.function.DoubleUnaryOperator Y = v -> top + (y1 - v) * sy;
        String filter = model.settings().filter() ? model.settings().country() : null;
        Map<String, double[]> byKey = new HashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            SemanticStore.Stored s = stored.get(i);
            double x = X.applyAsDouble(xy[i][0]);
            double y = Y.applyAsDouble(xy[i][1]);
            byKey.put(s.key(), new double[]{x, y});
            Color c = groupColours.getOrDefault(s.group(), p.muted());
            boolean faint = filter != null && !filter.equals(s.country());
            g.setGlobalAlpha(faint ? 0.18 : 0.9);
            g.setFill(c);
            g.fillOval(x - 4, y - 4, 8, 8);
        }
        g.setGlobalAlpha(1);
        if (l == null) return;
        double qx = X.applyAsDouble(q[0]);
        double qy = Y.applyAsDouble(q[1]);
        List<SemanticStore.Neighbour> ns = l.search().neighbours();
        for (int i = ns.size() - 1; i >= 0; i--) {
            SemanticStore.Neighbour n = ns.get(i);
            double[] at = byKey.get(n.key());
            if (at == null) continue;
            g.setStroke(colour(p, SemanticModel.verdict(n.similarity(), model.settings().threshold())));
            g.setLineWidth(i == 0 ? 2.5 : 1.2);
            g.setLineDashes(i == 0 ? null : new double[]{4, 3});
            g.strokeLine(qx, qy, at[0], at[1]);
        }
        g.setLineDashes(null);
        if (!ns.isEmpty() && byKey.containsKey(ns.get(0).key())) {
            double[] at = byKey.get(ns.get(0).key());
            g.setFill(p.text());
            String label = fit(g, ns.get(0).question(), Math.max(60, w / 2));
            double lw = textWidth(g, label);
            g.fillText(label, Math.max(4, Math.min(at[0] + 7, w - lw - 6)), at[1] + 4);
        }
        g.setFill(p.accent());
        g.fillPolygon(new double[]{qx, qx + 8, qx, qx - 8}, new double[]{qy - 8, qy, qy + 8, qy}, 4);
        g.setStroke(p.text());
        g.setLineWidth(1);
        g.strokePolygon(new double[]{qx, qx + 8, qx, qx - 8}, new double[]{qy - 8, qy, qy + 8, qy}, 4);
    }

    static Color colour(Palette p, SemanticModel.Verdict v) {
        return switch (v) {
            case SERVE -> p.hit();
            case VERIFY -> p.warn();
            case MISS -> p.miss();
        };
    }

    /** {@code s} cut with an ellipsis so that it is at most {@code max} pixels wide in the canvas's current font. */
    static String fit(GraphicsContext g, String s, double max) {
        if (textWidth(g, s) <= max) return s;
        int lo = 0;
        int hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (textWidth(g, s.substring(0, mid) + "…") <= max) lo = mid;
            else hi = mid - 1;
        }
        return s.substring(0, lo) + "…";
    }

    static double textWidth(GraphicsContext g, String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(g.getFont());
        return t.getLayoutBounds().getWidth();
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
