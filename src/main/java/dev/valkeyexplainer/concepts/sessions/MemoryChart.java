package dev.valkeyexplainer.concepts.sessions;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * MEMORY USAGE of a Hash as measured step by step: left, as fields are added; right, as one value of a
 * session-sized Hash grows. Each point is coloured by the OBJECT ENCODING read at that step (listpack or
 * hashtable), and a dashed line marks the limit CONFIG GET reported, so the jump at the switch shows.
 */
final class MemoryChart extends CanvasPanel {

    private SessionsModel.MemoryRun run;

    MemoryChart(ObjectProperty<Palette> palette) {
        super(palette);
        setMinSize(260, 180);
        setPrefSize(640, 360);
    }

    void show(SessionsModel.MemoryRun r) {
        run = r;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setTextBaseline(VPos.TOP);
        if (run == null) {
            hint(g, p, w, h, "Press \"Measure memory\": fields are added to a Hash one by one, then one value grows,\n"
                    + "and MEMORY USAGE and OBJECT ENCODING are read after each step.");
            return;
        }
        boolean stacked = w < 560;
        double gap = 12;
        SessionsModel.Limits l = run.limits();
        long entries = l.entries() != null ? l.entries() : MemoryExperiment.DEFAULT_ENTRIES;
        long value = l.value() != null ? l.value() : MemoryExperiment.DEFAULT_VALUE;
        String src = l.entries() != null ? " (CONFIG GET)" : " (default: CONFIG GET refused)";
        if (stacked) {
            double ph = (h - 3 * gap) / 2;
            plot(g, p, gap, gap, w - 2 * gap, ph, run.byFields(), entries, "hash-max-listpack-entries " + entries + src,
                    "fields in the Hash", "MEMORY USAGE, adding fields");
            plot(g, p, gap, 2 * gap + ph, w - 2 * gap, ph, run.byValue(), value, "hash-max-listpack-value " + value + src,
                    "bytes in one value", "MEMORY USAGE, growing one value");
        } else {
            double pw = (w - 3 * gap) / 2;
            plot(g, p, gap, gap, pw, h - 2 * gap, run.byFields(), entries, "hash-max-listpack-entries " + entries + src,
                    "fields in the Hash", "MEMORY USAGE, adding fields");
            plot(g, p, 2 * gap + pw, gap, pw, h - 2 * gap, run.byValue(), value, "hash-max-listpack-value " + value + src,
                    "bytes in one value", "MEMORY USAGE, growing one value");
        }
    }

    private static void plot(GraphicsContext g, Palette p, double x, double y, double w, double h,
                             List<SessionsModel.MemoryPoint> pts, long limit, String limitLabel, String xLabel, String title) {
        if (pts.isEmpty()) return;
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
        g.setFill(p.text());
        g.fillText(WireChart.fit(g, title + " (bytes)", w - 8), x + 4, y);
        double left = x + 52;
        double top = y + 38;
        double right = x + w - 8;
        double bottom = y + h - 30;
        if (right - left < 40 || bottom - top < 30) return;
        int maxX = pts.get(pts.size() - 1).x();
        long maxY = pts.stream().mapToLong(SessionsModel.MemoryPoint::bytes).max().orElse(1);
        double sx = (right - left) / Math.max(1, maxX);
        double sy = (bottom - top) / (double) Math.max(1, maxY);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, top, left, bottom);
        g.setFont(Font.font(11));
        g.setFill(p.muted());
        for (int i = 0; i <= 4; i++) {
            long v = Math.round(maxY * i / 4.0);
            double yy = bottom - v * sy;
            g.setStroke(p.grid());
            g.strokeLine(left - 3, yy, right, yy);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(String.format(Locale.ROOT, "%,d", v), left - 5, yy - 6);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("0", left - 2, bottom + 3);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%,d %s", maxX, xLabel), right, bottom + 3);
        g.setTextAlign(TextAlignment.LEFT);
        // the limit the server reported
        double lx = left + limit * sx;
        g.setStroke(p.valkey());
        g.setLineDashes(5, 4);
        g.strokeLine(lx, top - 4, lx, bottom);
        g.setLineDashes(null);
        g.setFill(p.valkey());
        g.setTextAlign(lx > (left + right) / 2 ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.fillText(limitLabel, lx + (lx > (left + right) / 2 ? -4 : 4), top - 18);
        g.setTextAlign(TextAlignment.LEFT);
        double r = Math.max(1.6, Math.min(3.5, sx / 2));
        for (SessionsModel.MemoryPoint pt : pts) {
            g.setFill(color(p, pt.encoding()));
            g.fillOval(left + pt.x() * sx - r, bottom - pt.bytes() * sy - r, 2 * r, 2 * r);
        }
        legend(g, p, left + 6, top + 2, pts, limit);
    }

    private static void legend(GraphicsContext g, Palette p, double x, double y, List<SessionsModel.MemoryPoint> pts, long limit) {
        int at = SessionsModel.MemoryRun.switchAt(pts);
        g.setFont(Font.font(11));
        g.setFill(color(p, "listpack"));
        g.fillOval(x, y + 3, 8, 8);
        g.setFill(p.text());
        g.fillText("listpack", x + 12, y);
        g.setFill(color(p, "hashtable"));
        g.fillOval(x + 70, y + 3, 8, 8);
        g.setFill(p.text());
        g.fillText("hashtable", x + 82, y);
        if (at > 1 && at - 2 < pts.size()) {
            SessionsModel.MemoryPoint before = pts.get(at - 2);
            SessionsModel.MemoryPoint after = pts.get(at - 1);
            g.setFill(p.muted());
            g.fillText(String.format(Locale.ROOT, "at %d: %,d → %,d B (%s)", at, before.bytes(), after.bytes(),
                    at == limit + 1 ? "one past the limit" : "measured"), x, y + 16);
        }
    }

    static Color color(Palette p, String encoding) {
        return "hashtable".equals(encoding) ? p.warn() : p.accent();
    }
}
