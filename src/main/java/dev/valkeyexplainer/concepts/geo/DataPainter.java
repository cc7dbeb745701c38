package dev.valkeyexplainer.concepts.geo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Draws the Valkey state on the map: the geohash cells a search scanned (each labelled with its
 * range query's candidate count), the searched circle or box exactly as the server tests it, the
 * selected member's cell at the chosen precision, and the members with the search's answer and its
 * filtered-out candidates told apart.
 */
final class DataPainter {

    private static final int SEGMENTS = 96;

    private DataPainter() {
    }

    static void rect(GraphicsContext g, Viewport vp, GeoHash.Cell cell, boolean fill) {
        double x0 = vp.x(cell.lonMin());
        double x1 = vp.x(cell.lonMax());
        double y0 = vp.y(cell.latMax());
        double y1 = vp.y(cell.latMin());
        if (fill) g.fillRect(x0, y0, x1 - x0, y1 - y0);
        else g.strokeRect(x0, y0, x1 - x0, y1 - y0);
    }

    /** The 9 cells of a search: scanned ones tinted, skipped ones dashed, each with its label. */
    static void scan(GraphicsContext g, Viewport vp, MapColors c, GeoModel.Search s) {
        for (ScanPlan.ScanCell sc : s.plan().cells()) {
            boolean centre = sc.direction().equals("centre");
            g.setFill(sc.scanned() ? c.accent().deriveColor(0, 1, 1, centre ? 0.16 : 0.09) : Color.TRANSPARENT);
            rect(g, vp, sc.cell(), true);
            g.setStroke(sc.scanned() ? c.accent() : c.muted());
            g.setLineWidth(sc.scanned() ? 1.6 : 1);
            if (!sc.scanned()) g.setLineDashes(5, 5);
            rect(g, vp, sc.cell(), false);
            g.setLineDashes();
        }
        g.setFont(Font.font("System", FontWeight.BOLD, 11));
        g.setTextBaseline(VPos.TOP);
        for (ScanPlan.ScanCell sc : s.plan().cells()) {
            double x0 = vp.x(sc.cell().lonMin());
            double y0 = vp.y(sc.cell().latMax());
            double w = vp.x(sc.cell().lonMax()) - x0;
            if (w < 46) continue;
            long n = s.reads().stream().filter(r -> r.cell() == sc).mapToLong(r -> r.candidates().size()).sum();
            String label = sc.direction() + (sc.excluded() ? ": skipped" : sc.duplicate() ? ": same as before" : ": " + n
                    + (w > 120 ? " candidate" + (n == 1 ? "" : "s") : ""));
            // top-left of the cell's visible part, clear of the grid labels (top, left) and the zoom buttons
            double lx = Math.max(x0 + 4, 46);
            double ly = Math.max(y0 + 4, 38);
            if (lx + label.length() * 6.6 + 4 > vp.x(sc.cell().lonMax()) || ly > vp.y(sc.cell().latMin()) - 16 || ly > vp.height() - 44) continue;
            g.setFill(c.halo());
            g.fillRoundRect(lx - 2, ly - 1, label.length() * 6.6 + 4, 15, 4, 4);
            g.setFill(sc.scanned() ? c.accent() : c.muted());
            g.fillText(label, lx, ly);
        }
        g.setTextBaseline(VPos.BASELINE);
    }

    /** The circle (points at the radius along 96 bearings) or the box (curved sides, as the server measures). */
    static void shape(GraphicsContext g, Viewport vp, MapColors c, SearchShape s) {
        double[] xs;
        double[] ys;
        double r = GeoHash.EARTH_RADIUS_M;
        if (s.kind() == SearchShape.Kind.RADIUS) {
            xs = new double[SEGMENTS];
            ys = new double[SEGMENTS];
            double d = s.radius() * s.unit().meters() / r;
            double f1 = Math.toRadians(s.lat());
            for (int i = 0; i < SEGMENTS; i++) {
                double t = 2 * Math.PI * i / SEGMENTS;
                double f2 = Math.asin(Math.sin(f1) * Math.cos(d) + Math.cos(f1) * Math.sin(d) * Math.cos(t));
                double l2 = Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(f1), Math.cos(d) - Math.sin(f1) * Math.sin(f2));
                xs[i] = vp.x(s.lon() + Math.toDegrees(l2));
                ys[i] = vp.y(Math.toDegrees(f2));
            }
        } else {
            int half = SEGMENTS / 2;
            xs = new double[2 * half];
            ys = new double[2 * half];
            double dLat = GeoHash.radDeg(s.height() * s.unit().meters() / 2 / r);
            double sinHalfW = Math.sin(s.width() * s.unit().meters() / (4 * r));
            for (int i = 0; i < half; i++) {
                double lat = s.lat() - dLat + 2 * dLat * i / (half - 1);
                double dLon = Math.toDegrees(2 * Math.asin(Math.min(1, sinHalfW / Math.cos(Math.toRadians(lat)))));
                xs[i] = vp.x(s.lon() + dLon);
                ys[i] = vp.y(lat);
                xs[2 * half - 1 - i] = vp.x(s.lon() - dLon);
                ys[2 * half - 1 - i] = vp.y(lat);
            }
        }
        g.setFill(c.hit().deriveColor(0, 1, 1, 0.10));
        g.fillPolygon(xs, ys, xs.length);
        g.setStroke(c.hit());
        g.setLineWidth(2.2);
        g.strokePolygon(xs, ys, xs.length);
    }

    /** The search centre: a diamond. */
    static void centre(GraphicsContext g, Viewport vp, MapColors c, double lon, double lat, String label) {
        double x = vp.x(lon);
        double y = vp.y(lat);
        g.setFill(c.miss());
        g.fillPolygon(new double[]{x, x + 7, x, x - 7}, new double[]{y - 7, y, y + 7, y}, 4);
        g.setStroke(c.halo());
        g.setLineWidth(1.5);
        g.strokePolygon(new double[]{x, x + 7, x, x - 7}, new double[]{y - 7, y, y + 7, y}, 4);
        label(g, c, label, x + 10, y - 8, c.miss(), true);
    }

    /**
     * The members: the search's answer green, candidates the distance filter removed amber, others
     * violet; the selected one ringed. Labels are skipped when there are too many to read.
     */
    static void members(GraphicsContext g, Viewport vp, MapColors c, List<GeoModel.Member> members, GeoModel.Search s,
                        String selected, String dragged) {
        Set<String> answer = new HashSet<>();
        Set<String> candidates = new HashSet<>();
        if (s != null) {
            s.hits().forEach(h -> answer.add(h.member()));
            s.reads().forEach(r -> candidates.addAll(r.candidates()));
        }
        boolean labels = members.size() <= 150;
        double w = vp.width();
        double h = vp.height();
        for (GeoModel.Member m : members) {
            if (m.name().equals(dragged)) continue;
            double x = vp.x(m.lon());
            double y = vp.y(m.lat());
            if (x < -20 || y < -20 || x > w + 20 || y > h + 20) continue;
            Color fill = answer.contains(m.name()) ? c.hit() : candidates.contains(m.name()) ? c.warn() : c.valkey();
            boolean sel = m.name().equals(selected);
            g.setFill(fill);
            g.fillOval(x - 6, y - 6, 12, 12);
            g.setStroke(c.halo());
            g.setLineWidth(2);
            g.strokeOval(x - 6, y - 6, 12, 12);
            if (sel) {
                g.setStroke(c.text());
                g.setLineWidth(2);
                g.strokeOval(x - 10, y - 10, 20, 20);
            }
            if (labels || sel || answer.contains(m.name())) label(g, c, m.name(), x + 10, y - 8, c.text(), sel);
        }
    }

    static void label(GraphicsContext g, MapColors c, String text, double x, double y, Color colour, boolean bold) {
        g.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, 12));
        g.setTextBaseline(VPos.TOP);
        g.setFill(c.halo());
        g.fillRoundRect(x - 2, y - 1, text.length() * 7.0 + 4, 16, 4, 4);
        g.setFill(colour);
        g.fillText(text, x, y);
        g.setTextBaseline(VPos.BASELINE);
    }
}
