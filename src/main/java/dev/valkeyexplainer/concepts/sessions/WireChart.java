package dev.valkeyexplainer.concepts.sessions;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The wire comparison as bars: for each way of fetching the legendary item, the reply's size (RESP3
 * bytes) and the median round trip, with the time the app then spent parsing and filtering stacked on
 * it. Bars share one scale per measure, so the difference is seen as it is.
 */
final class WireChart extends CanvasPanel {

    private SessionsModel.WireRun run;

    WireChart(ObjectProperty<Palette> palette) {
        super(palette);
        setMinSize(260, 180);
        setPrefSize(640, 320);
    }

    void show(SessionsModel.WireRun r) {
        run = r;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setTextBaseline(VPos.TOP);
        if (run == null) {
            hint(g, p, w, h, "Press \"Compare\": the legendary item is fetched three ways, each timed\n"
                    + "over " + WireExperiment.ROUNDS + " rounds, and the reply sizes compared.");
            return;
        }
        List<SessionsModel.WireVariant> vs = run.variants();
        long maxBytes = vs.stream().mapToLong(SessionsModel.WireVariant::replyBytes).max().orElse(1);
        long maxMicros = vs.stream().mapToLong(v -> v.medianMicros() + v.clientMicros()).max().orElse(1);
        double pad = 12;
        double half = (h - 3 * pad) / 2;
        section(g, p, pad, pad, w - 2 * pad, half, "Reply size on the wire (RESP3 bytes)", vs, maxBytes, true);
        section(g, p, pad, 2 * pad + half, w - 2 * pad, half,
                "Median round trip, then the app's parse + filter (violet)", vs, maxMicros, false);
    }

    private static void section(GraphicsContext g, Palette p, double x, double y, double w, double h, String title,
                                List<SessionsModel.WireVariant> vs, long max, boolean bytes) {
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setFill(p.text());
        g.fillText(title, x, y);
        double labelW = Math.min(210, w * 0.38);
        double rowH = Math.min(34, (h - 22) / vs.size());
        double barMax = Math.max(20, w - labelW - 96);
        g.setFont(Font.font(11.5));
        for (int i = 0; i < vs.size(); i++) {
            SessionsModel.WireVariant v = vs.get(i);
            double ry = y + 20 + i * rowH;
            g.setFill(p.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(fit(g, v.label(), labelW - 8), x, ry + 3);
            double bx = x + labelW;
            double bh = Math.max(8, rowH - 12);
            String figure;
            if (bytes) {
                double bw = Math.max(2, barMax * v.replyBytes() / (double) max);
                g.setFill(i == 0 ? p.hit() : p.warn());
                g.fillRect(bx, ry + 2, bw, bh);
                figure = String.format(Locale.ROOT, "%,d B", v.replyBytes());
                g.setFill(p.text());
                g.fillText(figure, bx + bw + 6, ry + 3);
            } else {
                double bw = Math.max(2, barMax * v.medianMicros() / (double) max);
                double cw = barMax * v.clientMicros() / (double) max;
                g.setFill(i == 0 ? p.hit() : p.warn());
                g.fillRect(bx, ry + 2, bw, bh);
                g.setFill(p.valkey());
                g.fillRect(bx + bw, ry + 2, cw, bh);
                figure = v.clientMicros() > 0
                        ? String.format(Locale.ROOT, "%,d + %,d µs", v.medianMicros(), v.clientMicros())
                        : String.format(Locale.ROOT, "%,d µs", v.medianMicros());
                g.setFill(p.text());
                g.fillText(figure, bx + bw + cw + 6, ry + 3);
            }
        }
    }

    /** The text cut with … to fit {@code max} pixels (a canvas cannot wrap). */
    static String fit(GraphicsContext g, String s, double max) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(g.getFont());
        if (t.getLayoutBounds().getWidth() <= max) return s;
        String cut = s;
        while (cut.length() > 3) {
            cut = cut.substring(0, cut.length() - 1);
            t.setText(cut + "…");
            if (t.getLayoutBounds().getWidth() <= max) return cut + "…";
        }
        return cut;
    }
}
