package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * One request stream into the three limiters, on a shared timeline of server time (each verdict sits at
 * the TIME its script saw). Lane 1: the fixed windows as bands, with the spells each counted. Lane 2: the
 * bucket's tokens as the script returned them after each spell, with the refill between spells
 * projected by the app (the server only stores the value at each spell). Lane 3: the sliding window
 * ending now, and the entries of the log as last read. A bracket marks the fixed window's worst burst
 * when it passes the limit: the boundary double burst.
 */
final class TimelineCanvas extends CanvasPanel {

    private final RateLimitModel model;
    private double laneBottom;

    TimelineCanvas(ObjectProperty<Palette> palette, RateLimitModel model) {
        super(palette);
        this.model = model;
        setMinSize(240, 150);
        setPrefSize(700, 300);
        model.casts.addListener(o -> redraw());
        model.live.addListener(o -> redraw());
        model.zoom.addListener(o -> redraw());
        model.boundary.addListener(o -> redraw());
        model.settings.addListener(o -> redraw());
    }

    /** Frame listener: the live timeline moves with the clock. */
    void tick() {
        if (model.zoom.get() == null) redraw();
    }

    /** The span shown, server ms: the frozen zoom, or the last three windows (10 to 60 s) up to now. */
    static long[] span(long now, RateSettings s, long[] zoom) {
        if (zoom != null) return zoom;
        long span = Math.max(10_000, Math.min(60_000, 3 * s.windowMs()));
        return new long[]{now - span, now + span / 30};
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        RateSettings s = model.settings.get();
        List<Verdicts.Cast> casts = model.casts.get();
        long now = model.serverNow(System.nanoTime());
        double left = Math.max(92, Math.min(150, w * 0.2));
        double right = w - 10;
        double top = 24;
        String legend = "● allowed  ✕ denied  (bigger = costlier: 1 · 3 · 5)   — the bucket's tokens after each spell, as the"
                + " script returned them; the rise between spells is the refill, projected by the app";
        double legendW = w - 16;
        int legendLines = Math.min(2, Draw.wrap(legend, Draw.SMALL, legendW).size());
        double bottom = h - 8 - 13 * legendLines;
        double laneH = (bottom - top) / 3;
        g.setTextBaseline(VPos.CENTER);
        if (now < 0) {
            g.setTextAlign(TextAlignment.LEFT);
            Draw.text(g, "Cast a spell: each verdict is placed at the server time (TIME) its script saw.", Draw.NORMAL, p.muted(),
                    12, h / 2, w - 24);
            return;
        }
        long[] span = span(now, s, model.zoom.get());
        Axis ax = new Axis(span[0], span[1], left, right);
        for (int i = 0; i < 3; i++) {
            double y0 = top + i * laneH;
            g.setFill(i % 2 == 0 ? Draw.faint(p.grid(), 0.35) : Draw.faint(p.grid(), 0.15));
            g.fillRect(left, y0, right - left, laneH);
        }
        windows(g, p, ax, s, casts, top, laneH);
        bucketCurve(g, p, ax, s, casts, top + laneH, laneH);
        logWindow(g, p, ax, s, now, top + 2 * laneH, laneH);
        laneBottom = bottom;
        axis(g, p, ax, now, top);
        for (Limiter l : Limiter.values()) markers(g, p, ax, casts, l, top + l.ordinal() * laneH, laneH);
        burstBracket(g, p, ax, s, casts, top, laneH);
        labels(g, p, s, casts, left, top, laneH);
        g.setTextAlign(TextAlignment.LEFT);
        Draw.paragraph(g, legend, Draw.SMALL, p.muted(), 8, bottom + 12, legendW, 13, legendLines);
    }

    /** Server ms → x. */
    record Axis(long from, long to, double left, double right) {
        double x(long t) {
            return left + (t - from) * (right - left) / Math.max(1, to - from);
        }

        boolean visible(long t) {
            return t >= from && t <= to;
        }
    }

    private void axis(GraphicsContext g, Palette p, Axis ax, long now, double top) {
        RateLimitModel.Boundary b = model.boundary.get();
        boolean zoomed = model.zoom.get() != null;
        long origin = zoomed ? (b != null ? b.boundaryMs() : ax.from()) : now;
        long range = ax.to() - ax.from();
        long step = range <= 1_500 ? 100 : range <= 4_000 ? 500 : range <= 16_000 ? 1_000 : range <= 35_000 ? 2_000 : 5_000;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Draw.SMALL);
        long first = origin - ((origin - ax.from()) / step) * step;
        double lastLabel = -1e9;
        for (long t = first; t <= ax.to(); t += step) {
            double x = ax.x(t);
            g.setStroke(Draw.faint(p.grid(), 0.9));
            g.setLineWidth(1);
            g.strokeLine(x, top - 3, x, top);
            long rel = t - origin;
            String label = rel == 0 ? (zoomed ? (b != null ? "boundary" : "0") : "now")
                    : step < 1_000 ? String.format(Locale.ROOT, "%+d ms", rel) : String.format(Locale.ROOT, "%+d s", rel / 1000);
            double lw = Draw.width(label, Draw.SMALL);
            if (x - lw / 2 > lastLabel + 6 && x - lw / 2 >= ax.left() - 2 && x + lw / 2 < ax.right() + 8) {
                g.setFill(p.muted());
                g.fillText(label, x, top - 11);
                lastLabel = x + lw / 2;
            }
        }
        if (!zoomed) {
            double x = ax.x(now);
            g.setStroke(p.accent());
            g.setLineWidth(1.2);
            g.strokeLine(x, top, x, laneBottom);
        }
        g.setTextAlign(TextAlignment.LEFT);
        Draw.text(g, zoomed ? "server time, zoomed on the burst" : "server time →", Draw.SMALL, p.muted(), 8, top - 11,
                ax.left() - 12);
    }

    /** Lane 1: the windows fixed on the clock, and how many spells each admitted (from the scripts' replies). */
    private void windows(GraphicsContext g, Palette p, Axis ax, RateSettings s, List<Verdicts.Cast> casts, double y0, double laneH) {
        long wms = s.windowMs();
        Map<Long, Integer> admitted = new HashMap<>();
        for (Verdicts.Cast c : casts) {
            if (c.fixed() != null && c.fixed().allowed()) admitted.merge(c.fixed().windowStart(), 1, Integer::sum);
        }
        long k0 = Math.floorDiv(ax.from(), wms);
        long k1 = Math.floorDiv(ax.to(), wms);
        if (k1 - k0 > 200) return; // a window far shorter than a pixel: no bands
        g.setTextAlign(TextAlignment.RIGHT);
        for (long k = k0; k <= k1; k++) {
            long start = k * wms;
            double x0 = Math.max(ax.left(), ax.x(start));
            double x1 = Math.min(ax.right(), ax.x(start + wms));
            if (Math.floorMod(k, 2) == 0) {
                g.setFill(Draw.faint(p.valkey(), 0.07));
                g.fillRect(x0, y0, x1 - x0, laneH);
            }
            if (ax.visible(start)) {
                g.setStroke(Draw.faint(p.valkey(), 0.6));
                g.setLineWidth(1);
                g.setLineDashes(4, 3);
                g.strokeLine(ax.x(start), y0, ax.x(start), y0 + laneH);
                g.setLineDashes();
            }
            Integer n = admitted.get(start);
            if (n != null && x1 - x0 > 26) {
                Draw.text(g, n + "/" + s.limit(), Draw.SMALL, p.valkey(), x1 - 3, y0 + laneH - 9, x1 - x0 - 4);
            }
        }
        RateLimitModel.Boundary b = model.boundary.get();
        if (b != null && ax.visible(b.boundaryMs())) {
            g.setStroke(p.warn());
            g.setLineWidth(2);
            double x = ax.x(b.boundaryMs());
            g.strokeLine(x, y0, x, y0 + 3 * laneH);
        }
    }

    /** Lane 2: the tokens after each spell as returned; between spells the refill, projected at the rate. */
    private void bucketCurve(GraphicsContext g, Palette p, Axis ax, RateSettings s, List<Verdicts.Cast> casts, double y0, double laneH) {
        List<Verdicts.Bucket> pts = new ArrayList<>();
        for (Verdicts.Cast c : casts) if (c.bucket() != null) pts.add(c.bucket());
        pts.sort((a, b) -> Long.compare(a.nowMs(), b.nowMs()));
        double cap = s.capacity();
        double yTop = y0 + 6;
        double yBot = y0 + laneH - 6;
        java.util.function.DoubleUnaryOperator y = t -> yBot - Math.max(0, Math.min(1, t / cap)) * (yBot - yTop);
        g.setStroke(Draw.faint(p.valkey(), 0.25));
        g.setLineWidth(1);
        g.strokeLine(ax.left(), yTop, ax.right(), yTop);
        long end = model.zoom.get() != null ? ax.to() : Math.min(ax.to(), model.serverNow(System.nanoTime()));
        g.setStroke(p.valkey());
        g.setLineWidth(1.6);
        for (int i = 0; i < pts.size(); i++) {
            Verdicts.Bucket a = pts.get(i);
            long segEnd = i + 1 < pts.size() ? pts.get(i + 1).nowMs() : end;
            if (segEnd < ax.from() || a.nowMs() > ax.to()) continue;
            g.beginPath();
            long t0 = Math.max(a.nowMs(), ax.from());
            double stepMs = Math.max(1, (ax.to() - ax.from()) / Math.max(1, (ax.right() - ax.left()) / 3));
            boolean started = false;
            for (double t = t0; t <= segEnd; t += stepMs) {
                double v = TokenMath.projected(a.tokens(), a.nowMs(), (long) t, cap, s.refillPerSecond());
                if (!started) g.moveTo(ax.x((long) t), y.applyAsDouble(v));
                else g.lineTo(ax.x((long) t), y.applyAsDouble(v));
                started = true;
            }
            double vEnd = TokenMath.projected(a.tokens(), a.nowMs(), segEnd, cap, s.refillPerSecond());
            if (started) g.lineTo(ax.x(Math.min(segEnd, ax.to())), y.applyAsDouble(vEnd));
            if (i + 1 < pts.size() && ax.visible(segEnd)) g.lineTo(ax.x(segEnd), y.applyAsDouble(pts.get(i + 1).tokens()));
            g.stroke();
        }
        g.setTextAlign(TextAlignment.LEFT);
        Draw.text(g, s.capacity() + " tokens", Draw.SMALL, Draw.faint(p.valkey(), 0.8), ax.left() + 3, yTop + 6, 80);
    }

    /** Lane 3: the window the log looks at now, and the log's entries as last read. */
    private void logWindow(GraphicsContext g, Palette p, Axis ax, RateSettings s, long now, double y0, double laneH) {
        if (model.zoom.get() == null) {
            double x0 = Math.max(ax.left(), ax.x(now - s.windowMs()));
            double x1 = ax.x(now);
            g.setFill(Draw.faint(p.accent(), 0.10));
            g.fillRect(x0, y0 + 2, x1 - x0, laneH - 4);
            g.setTextAlign(TextAlignment.RIGHT);
            Draw.text(g, "the last " + RateSettings.plain(s.windowSeconds()) + " s", Draw.SMALL, p.accent(), x1 - 4,
                    y0 + laneH - 9, x1 - x0 - 6);
        }
        LiveState live = model.live.get();
        if (live == null) return;
        for (long t : live.log().times()) {
            if (!ax.visible(t)) continue;
            double x = ax.x(t);
            boolean inWindow = t > live.serverMs() - s.windowMs();
            g.setStroke(inWindow ? p.accent() : p.muted());
            g.setLineWidth(inWindow ? 2 : 1);
            g.strokeLine(x, y0 + laneH - 6, x, y0 + laneH - 1);
        }
    }

    /** Verdict markers of one lane; markers that would overlap are stacked in rows around the middle. */
    private static void markers(GraphicsContext g, Palette p, Axis ax, List<Verdicts.Cast> casts, Limiter l, double y0, double laneH) {
        double mid = y0 + laneH / 2;
        List<double[]> placed = new ArrayList<>();
        for (Verdicts.Cast c : casts) {
            Verdicts.Verdict v = c.verdict(l);
            long t = v != null ? v.nowMs() : c.nowMs();
            if (t < 0 || !ax.visible(t)) continue;
            double r = Draw.radius(c.cost());
            double x = ax.x(t);
            int rows = Math.max(1, (int) ((laneH - 8) / (2 * r + 2)));
            int row = 0;
            for (; row < rows; row++) {
                boolean free = true;
                for (double[] q : placed) {
                    if (q[1] == row && Math.abs(q[0] - x) < q[2] + r + 1) {
                        free = false;
                        break;
                    }
                }
                if (free) break;
            }
            if (row == rows) row = 0;
            placed.add(new double[]{x, row, r});
            double off = (row + 1) / 2 * (2 * r + 2) * (row % 2 == 1 ? -1 : 1);
            Draw.marker(g, p, x, mid + off, r, v == null ? null : v.allowed());
        }
    }

    /** The fixed window's worst burst, bracketed when it passes the limit (the boundary double burst). */
    private static void burstBracket(GraphicsContext g, Palette p, Axis ax, RateSettings s, List<Verdicts.Cast> casts,
                                     double y0, double laneH) {
        RateLimitModel.Peak peak = RateLimitModel.peak(casts, Limiter.FIXED, s.windowMs());
        if (peak.count() <= s.limit() || !ax.visible(peak.fromMs()) || !ax.visible(peak.toMs())) return;
        double x0 = ax.x(peak.fromMs()) - 9;
        double x1 = ax.x(peak.toMs()) + 9;
        double y = y0 + 11;
        g.setStroke(p.warn());
        g.setLineWidth(2);
        g.strokeLine(x0, y, x1, y);
        g.strokeLine(x0, y, x0, y + 6);
        g.strokeLine(x1, y, x1, y + 6);
        String text = String.format(Locale.ROOT, "%d allowed within %,.2f s: %s the limit of %d per %s s", peak.count(),
                (peak.toMs() - peak.fromMs()) / 1000.0, peak.count() >= 2 * s.limit() ? "twice" : "over", s.limit(),
                RateSettings.plain(s.windowSeconds()));
        double tw = Math.min(Draw.width(text, Draw.SMALL), ax.right() - ax.left() - 4);
        double tx = Math.max(ax.left() + 2, Math.min((x0 + x1) / 2 - tw / 2, ax.right() - tw - 2));
        g.setFill(Draw.faint(p.surface(), 0.85));
        g.fillRect(tx - 2, y - 16, tw + 4, 12);
        g.setTextAlign(TextAlignment.LEFT);
        Draw.text(g, text, Draw.SMALL, p.warn(), tx, y - 10, tw + 1);
    }

    private static void labels(GraphicsContext g, Palette p, RateSettings s, List<Verdicts.Cast> casts, double left, double top,
                               double laneH) {
        g.setTextAlign(TextAlignment.LEFT);
        for (Limiter l : Limiter.values()) {
            double y = top + l.ordinal() * laneH + laneH / 2;
            String params = l == Limiter.BUCKET ? s.describeBucket() : s.describeWindow();
            long admitted = RateLimitModel.admitted(casts, l);
            String peak = l == Limiter.BUCKET ? admitted + " allowed"
                    : "most in " + RateSettings.plain(s.windowSeconds()) + " s: " + RateLimitModel.peak(casts, l, s.windowMs()).count();
            boolean over = l == Limiter.FIXED && RateLimitModel.peak(casts, l, s.windowMs()).count() > s.limit();
            double maxW = left - 14;
            Draw.text(g, l == Limiter.LOG ? "Sliding log" : l.title(), Draw.BOLD, p.text(), 8, y - 15, maxW);
            Draw.text(g, params, Draw.SMALL, p.muted(), 8, y, maxW);
            Draw.text(g, peak, Draw.SMALL, over ? p.warn() : p.muted(), 8, y + 14, maxW);
        }
    }
}
