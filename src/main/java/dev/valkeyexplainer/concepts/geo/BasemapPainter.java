package dev.valkeyexplainer.concepts.geo;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws what is under the data: the sea, the Natural Earth land outline, the bands beyond the
 * geohash's latitude limits, the longitude / latitude grid, the game's island, and the scale bar.
 * Nothing here is Valkey state; it is the map the data is drawn on.
 */
final class BasemapPainter {

    private static final double[] NICE = {1, 2, 5};

    private BasemapPainter() {
    }

    static void sea(GraphicsContext g, Viewport vp, MapColors c) {
        g.setFill(c.sea());
        g.fillRect(1, 1, vp.width() - 2, vp.height() - 2);
    }

    /** The world outline, copied at ±360° so that it continues across the antimeridian. */
    static void outline(GraphicsContext g, Viewport vp, MapColors c, WorldOutline world) {
        double[] v = vp.visible();
        g.setFill(c.land());
        g.setStroke(c.coast());
        g.setLineWidth(0.8);
        for (int shift = -360; shift <= 360; shift += 360) {
            if (v[2] < -180 + shift - 1 || v[0] > 180 + shift + 1) continue;
            for (WorldOutline.Ring r : world.rings()) {
                if (r.maxLon() + shift < v[0] || r.minLon() + shift > v[2] || r.maxLat() < v[1] || r.minLat() > v[3]) continue;
                int n = r.lons().length;
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = vp.x(r.lons()[i] + shift);
                    ys[i] = vp.y(r.lats()[i]);
                }
                g.fillPolygon(xs, ys, n);
                g.strokePolygon(xs, ys, n);
            }
        }
    }

    /** Grey bands where the geohash has no cells: beyond ±85.05112878° (and beyond ±180° longitude). */
    static void offLimits(GraphicsContext g, Viewport vp, MapColors c) {
        g.setFill(c.offLimits());
        double top = vp.y(GeoHash.LAT_MAX);
        double bottom = vp.y(GeoHash.LAT_MIN);
        if (top > 0) g.fillRect(0, 0, vp.width(), top);
        if (bottom < vp.height()) g.fillRect(0, bottom, vp.width(), vp.height() - bottom);
        g.setFill(c.muted());
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        if (top > 18) g.fillText("no geohash beyond 85.05112878° N (Web Mercator limit)", vp.width() / 2, top - 6);
        if (vp.height() - bottom > 18) g.fillText("no geohash beyond 85.05112878° S", vp.width() / 2, bottom + 14);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Parallels and meridians at a round spacing, labelled on the left and top edges. */
    static void graticule(GraphicsContext g, Viewport vp, MapColors c) {
        double spacing = niceStep(90 / vp.pxPerDeg(), 30);
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(spacing) + 1e-9));
        double[] v = vp.visible();
        g.setStroke(c.grid());
        g.setLineWidth(0.7);
        g.setFill(c.muted());
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.TOP);
        double lonSpacing = niceStep(90 / (vp.pxPerDeg() * vp.lonFactor()), 60);
        int lonDecimals = Math.max(0, (int) Math.ceil(-Math.log10(lonSpacing) + 1e-9));
        for (double lon = Math.ceil(v[0] / lonSpacing) * lonSpacing; lon <= v[2]; lon += lonSpacing) {
            double x = Math.round(vp.x(lon)) + 0.5;
            g.strokeLine(x, 0, x, vp.height());
            g.fillText(degrees(lon, lonDecimals, "E", "W"), x + 3, 3);
        }
        for (double lat = Math.ceil(v[1] / spacing) * spacing; lat <= v[3]; lat += spacing) {
            if (lat < -90 || lat > 90) continue;
            double y = Math.round(vp.y(lat)) + 0.5;
            g.strokeLine(0, y, vp.width(), y);
            g.fillText(degrees(lat, decimals, "N", "S"), 3, y + 2);
        }
        g.setTextBaseline(VPos.BASELINE);
    }

    static String degrees(double v, int decimals, String pos, String neg) {
        double a = Math.abs(v) < 1e-12 ? 0 : v;
        return String.format(Locale.ROOT, "%." + decimals + "f°%s", Math.abs(a), a > 0 ? pos : a < 0 ? neg : "");
    }

    /** 1, 2 or 5 × 10^k, at least {@code raw}, at most {@code max}. */
    static double niceStep(double raw, double max) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double n : NICE) if (n * p >= raw) return Math.min(max, n * p);
        return Math.min(max, 10 * p);
    }

    /** The island, when it is at least a few pixels large. */
    static void island(GraphicsContext g, Viewport vp, MapColors c) {
        double[] b = GameWorld.bounds();
        if (Math.abs(vp.x(b[2]) - vp.x(b[0])) < 3) return;
        double metersPerPx = vp.metersPerPixel();
        for (GameWorld.Shape s : GameWorld.shapes()) {
            int n = s.lons().length;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = vp.x(s.lons()[i]);
                ys[i] = vp.y(s.lats()[i]);
            }
            switch (s.kind()) {
                case PATH -> {
                    g.setStroke(c.path());
                    g.setLineWidth(Math.max(1.2, Math.min(5, 8 / metersPerPx)));
                    g.setLineDashes(6, 4);
                    g.strokePolyline(xs, ys, n);
                    g.setLineDashes();
                }
                case BLOCK -> {
                    if (metersPerPx > 40) continue; // blocks merge into a smudge further out
                    g.setFill(c.block());
                    g.fillPolygon(xs, ys, n);
                }
                default -> {
                    g.setFill(switch (s.kind()) {
                        case SAND -> c.sand();
                        case FOREST -> c.forest();
                        case LAKE -> c.lake();
                        case PIER -> c.block();
                        default -> c.land();
                    });
                    g.fillPolygon(xs, ys, n);
                    if (s.kind() == GameWorld.Kind.LAND) {
                        g.setStroke(c.coast());
                        g.setLineWidth(1.2);
                        g.strokePolygon(xs, ys, n);
                    }
                }
            }
        }
        if (metersPerPx > 60) return;
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(c.muted());
        for (GameWorld.Place l : GameWorld.labels()) g.fillText(l.name().toUpperCase(Locale.ROOT), vp.x(l.lon()), vp.y(l.lat()));
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** A scale bar of a round length in the bottom-left corner (true at the view's centre latitude). */
    static void scaleBar(GraphicsContext g, Viewport vp, MapColors c) {
        double mpp = vp.metersPerPixel();
        double meters = niceStep(110 * mpp, Double.MAX_VALUE);
        while (meters / mpp > 160) meters /= 2;
        double px = meters / mpp;
        double x = 12;
        double y = vp.height() - 16;
        g.setFill(c.halo());
        g.fillRoundRect(x - 6, y - 20, px + 12, 30, 6, 6);
        g.setStroke(c.text());
        g.setLineWidth(2);
        g.strokeLine(x, y, x + px, y);
        g.strokeLine(x, y - 5, x, y + 3);
        g.strokeLine(x + px, y - 5, x + px, y + 3);
        g.setFill(c.text());
        g.setFont(Font.font(11));
        g.fillText(length(meters), x, y - 7);
    }

    static String length(double meters) {
        if (meters >= 1000) return SearchShape.fmt(meters / 1000) + " km";
        if (meters >= 1) return SearchShape.fmt(meters) + " m";
        return SearchShape.fmt(meters * 100) + " cm";
    }
}
