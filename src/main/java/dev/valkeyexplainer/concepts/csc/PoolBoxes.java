package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.concept.Palette;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The two side boxes of the pool diagram: the App with its local cache's figures, and Valkey with its
 * tracking figures (INFO), conn-1's CLIENT TRACKINGINFO and the recent history of its tracking table,
 * above the game server that writes from elsewhere.
 */
final class PoolBoxes {

    private PoolBoxes() {
    }

    static void app(GraphicsContext g, Palette p, double w, double h, Font small, Font bold, PoolPicture picture) {
        double x = 8;
        double bw = PoolLayout.appRight(w) - x;
        double top = PoolLayout.BAND + 2;
        box(g, p, x, top, bw, h - 22 - top, p.text());
        g.setFill(p.text());
        g.setFont(bold);
        g.fillText("App", x + 8, top + 12, bw - 12);
        g.setFont(small);
        g.setFill(p.muted());
        g.fillText("local", x + 8, top + 28, bw - 12);
        g.fillText("cache", x + 8, top + 41, bw - 12);
        if (picture == null) return;
        PoolPicture.Local l = picture.local();
        String[][] lines = {
                {String.format(Locale.ROOT, "%,d / %,d", l.entries(), l.max()), "t"}, {"entries, " + l.ttl(), "m"},
                {String.format(Locale.ROOT, "%,d hits", l.hits()), "h"},
                {String.format(Locale.ROOT, "%,d GETs", l.fetches()), "t"},
                {String.format(Locale.ROOT, "%,d not kept", l.notKept()), l.notKept() > 0 ? "b" : "m"},
                {String.format(Locale.ROOT, "%,d invalidations", l.messages()), "w"},
                {String.format(Locale.ROOT, "%,d cancelled", l.cancelled()), "w"}};
        double y = top + 60;
        double step = Math.max(11, Math.min(16, (h - 26 - y) / lines.length));
        for (String[] line : lines) {
            if (y > h - 28) break;
            g.setFill(switch (line[1]) {
                case "h" -> p.hit();
                case "w" -> p.warn();
                case "b" -> p.miss();
                case "m" -> p.muted();
                default -> p.text();
            });
            g.fillText(line[0], x + 8, y, bw - 12);
            y += step;
        }
    }

    static void valkey(GraphicsContext g, Palette p, double w, double h, Font small, Font bold, PoolPicture picture,
                       double[] items, int itemCount) {
        double x = PoolLayout.valkeyLeft(w);
        double bw = w - 8 - x;
        double top = PoolLayout.BAND + 2;
        double bottom = PoolLayout.valkeyBottom(h);
        box(g, p, x, top, bw, bottom - top, p.valkey());
        g.setFill(p.valkey());
        g.setFont(bold);
        g.fillText("Valkey", x + 8, top + 12, bw - 12);
        g.setFont(small);
        TrackingReading r = picture == null ? null : picture.server();
        List<String> lines = new ArrayList<>();
        if (r == null) {
            lines.add("reading…");
        } else {
            lines.add(String.format(Locale.ROOT, "tracking_clients %,d", r.trackingClients()));
            lines.add(String.format(Locale.ROOT, "tracking_total_keys %,d", r.totalKeys()));
            lines.add(String.format(Locale.ROOT, "tracking_total_items %,d", r.totalItems()));
            lines.add(String.format(Locale.ROOT, "tracking_total_prefixes %,d", r.totalPrefixes()));
            if (!r.trackingInfo().isEmpty()) { // CLIENT TRACKINGINFO of conn-1, on two lines
                int cut = r.trackingInfo().indexOf(" · redirect");
                lines.add("conn-1: " + (cut < 0 ? r.trackingInfo() : r.trackingInfo().substring(0, cut)));
                if (cut >= 0) lines.add("conn-1: " + r.trackingInfo().substring(cut + 3));
            }
        }
        double y = top + 28;
        double step = 14;
        for (String line : lines) {
            g.setFill(line.startsWith("conn-1") ? p.muted() : p.text());
            g.fillText(line, x + 8, y, bw - 12);
            y += step;
        }
        double chartTop = y + 2;
        double chartBottom = bottom - 6;
        if (chartBottom - chartTop >= 24 && itemCount > 1) drawItems(g, p, x + 8, chartTop, bw - 16, chartBottom - chartTop, items, itemCount);
        double gy = bottom + 4;
        box(g, p, x, gy, bw, h - 22 - gy, p.database());
        g.setFill(p.database());
        g.setFont(small);
        g.fillText("game server (another client)", x + 8, (gy + h - 22) / 2, bw - 12);
    }

    /** The tracking table's size over the last readings: it climbs with reads in the default mode, stays flat in BCAST. */
    private static void drawItems(GraphicsContext g, Palette p, double x, double y, double cw, double ch, double[] items,
                                  int itemCount) {
        double max = 1;
        for (int i = items.length - itemCount; i < items.length; i++) max = Math.max(max, items[i]);
        g.setFill(p.muted());
        g.setFont(Font.font("DejaVu Sans", 9));
        g.fillText(String.format(Locale.ROOT, "tracking_total_items, last %d readings", itemCount), x, y + 5, cw);
        double top = y + 12;
        double hh = ch - 12;
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeLine(x, top + hh, x + cw, top + hh);
        g.setStroke(p.valkey());
        g.setLineWidth(1.5);
        double dx = cw / (items.length - 1);
        double px = -1;
        double py = -1;
        for (int i = items.length - itemCount; i < items.length; i++) {
            double cx = x + i * dx;
            double cy = top + hh - hh * items[i] / max;
            if (px >= 0) g.strokeLine(px, py, cx, cy);
            px = cx;
            py = cy;
        }
    }

    static void box(GraphicsContext g, Palette p, double x, double y, double w, double h, Color edge) {
        g.setFill(p.background());
        g.fillRoundRect(x, y, w, h, 10, 10);
        g.setStroke(edge);
        g.setLineWidth(1.6);
        g.strokeRoundRect(x, y, w, h, 10, 10);
    }
}
