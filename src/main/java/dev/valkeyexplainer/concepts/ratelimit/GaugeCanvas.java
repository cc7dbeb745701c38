package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Bob's three keys as last read from the server (one MULTI/EXEC): the bucket's tokens with the refill
 * since its last_update projected at the rate (drawn lighter, labelled), the fixed window's counter and
 * its TTL running down, and the sliding log's entries in the window. Between two readings the TTLs and
 * the refill move with the local clock; each reading puts them back on the server's figures.
 */
final class GaugeCanvas extends CanvasPanel {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final RateLimitModel model;

    GaugeCanvas(ObjectProperty<Palette> palette, RateLimitModel model) {
        super(palette);
        this.model = model;
        setMinSize(240, 112);
        setPrefSize(700, 150);
        model.live.addListener(o -> redraw());
        model.casts.addListener(o -> redraw());
        model.settings.addListener(o -> redraw());
    }

    void tick() {
        redraw();
    }

    static String clock(long ms) {
        return CLOCK.format(Instant.ofEpochMilli(ms));
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        LiveState live = model.live.get();
        RateSettings s = model.settings.get();
        if (live == null) {
            Draw.text(g, "Reading Bob's keys… (HMGET, PTTL, ZRANGE and TIME in one MULTI/EXEC)", Draw.NORMAL, p.muted(), 12, h / 2, w - 24);
            return;
        }
        long nanos = System.nanoTime();
        long now = live.serverNowMs(nanos);
        long age = now - live.serverMs();
        double gap = 12;
        double bw = (w - 4 * gap) * 0.42;
        double cw = (w - 4 * gap - bw) / 2;
        bucket(g, p, s, live, now, age, gap, bw, h);
        fixed(g, p, s, live, age, 2 * gap + bw, cw, h);
        log(g, p, s, live, now, 3 * gap + bw + cw, cw, h);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeLine(1.5 * gap + bw, 10, 1.5 * gap + bw, h - 10);
        g.strokeLine(2.5 * gap + bw + cw, 10, 2.5 * gap + bw + cw, h - 10);
    }

    private void bucket(GraphicsContext g, Palette p, RateSettings s, LiveState live, long now, long age, double x, double w, double h) {
        LiveState.BucketState b = live.bucket();
        Draw.text(g, "Token bucket (hash)", Draw.BOLD, p.text(), x, 16, w);
        double barY = 48;
        double barH = Math.min(26, h * 0.18);
        double cap = s.capacity();
        g.setFill(Draw.faint(p.grid(), 0.6));
        g.fillRoundRect(x, barY, w, barH, 6, 6);
        if (!b.exists()) {
            Draw.text(g, "no hash: the next spell creates a full bucket (" + s.capacity() + " tokens)", Draw.SMALL, p.muted(), x, 32, w);
            Draw.text(g, "it expired (idle long enough to be full again) or was never made", Draw.SMALL, p.muted(), x,
                    barY + barH + 14, w);
            return;
        }
        double stored = Math.min(b.tokens(), cap);
        double projected = TokenMath.projected(b.tokens(), b.lastUpdate(), now, cap, s.refillPerSecond());
        double xs = x + w * stored / cap;
        double xp = x + w * projected / cap;
        g.setFill(Draw.faint(p.valkey(), 0.35));
        g.fillRoundRect(x, barY, xp - x, barH, 6, 6);
        g.setFill(p.valkey());
        g.fillRoundRect(x, barY, xs - x, barH, 6, 6);
        if (cap <= 40) {
            g.setStroke(Draw.faint(p.surface(), 0.9));
            g.setLineWidth(1);
            for (int i = 1; i < cap; i++) g.strokeLine(x + w * i / cap, barY + 2, x + w * i / cap, barY + barH - 2);
        }
        g.setStroke(p.text());
        g.setLineWidth(2);
        g.strokeLine(xp, barY - 4, xp, barY + barH + 4);
        Draw.text(g, String.format(Locale.ROOT, "≈ %.3f of %d tokens now (projected: +%s/s since last_update)", projected, s.capacity(),
                RateSettings.plain(s.refillPerSecond())), Draw.NORMAL, p.text(), x, 32, w);
        Draw.text(g, String.format(Locale.ROOT, "stored: tokens %s, last_update %s (read %.1f s ago)", trim(b.tokens()),
                clock(b.lastUpdate()), age / 1000.0), Draw.SMALL, p.muted(), x, barY + barH + 14, w);
        long ttl = Math.max(0, b.pttlMs() - age);
        Draw.text(g, String.format(Locale.ROOT, "TTL %.1f s: EXPIRE ceil(%d ÷ %s) = %d s after each spell", ttl / 1000.0, s.capacity(),
                RateSettings.plain(s.refillPerSecond()), s.bucketTtlSeconds()), Draw.SMALL, p.muted(), x, barY + barH + 30, w);
        List<Verdicts.Cast> casts = model.casts.get();
        Verdicts.Bucket last = casts.isEmpty() ? null : casts.get(casts.size() - 1).bucket();
        if (last != null && barY + barH + 46 < h - 4) {
            Draw.text(g, String.format(Locale.ROOT, "last reply: %d (tokens × 1000) and %d (the same tokens as a plain Lua number: cut)",
                    last.milliTokens(), last.luaTokens()), Draw.SMALL, p.muted(), x, barY + barH + 46, w);
        }
    }

    private static void fixed(GraphicsContext g, Palette p, RateSettings s, LiveState live, long age, double x, double w, double h) {
        LiveState.FixedState f = live.fixed();
        Draw.text(g, "Fixed window (hash)", Draw.BOLD, p.text(), x, 16, w);
        long count = f.exists() ? f.count() : 0;
        int boxes = (int) Math.min(s.limit(), 20);
        double bx = Math.min(26, (w - 4) / Math.max(1, boxes) - 4);
        for (int i = 0; i < boxes; i++) {
            boolean used = i < Math.min(count, boxes);
            g.setFill(used ? p.valkey() : Draw.faint(p.grid(), 0.7));
            g.fillRoundRect(x + i * (bx + 4), 40, bx, 18, 4, 4);
        }
        Draw.text(g, String.format(Locale.ROOT, "count %d of %d", count, s.limit()), Draw.NORMAL, p.text(), x, 72, w);
        if (!f.exists()) {
            Draw.text(g, "no counter: this window's first spell creates it", Draw.SMALL, p.muted(), x, 92, w);
            return;
        }
        long ttl = Math.max(0, f.pttlMs() - age);
        double frac = Math.min(1, ttl / (double) Math.max(1, s.windowMs()));
        g.setFill(Draw.faint(p.grid(), 0.7));
        g.fillRoundRect(x, 86, w, 8, 4, 4);
        g.setFill(p.accent());
        g.fillRoundRect(x, 86, w * frac, 8, 4, 4);
        Draw.text(g, String.format(Locale.ROOT, "TTL %.1f s: gone when the window ends", ttl / 1000.0), Draw.SMALL, p.muted(), x, 106, w);
        if (f.windowStart() != null) {
            Draw.text(g, "window from " + clock(f.windowStart()), Draw.SMALL, p.muted(), x, 122, w);
        }
    }

    private static void log(GraphicsContext g, Palette p, RateSettings s, LiveState live, long now, double x, double w, double h) {
        LiveState.LogState log = live.log();
        Draw.text(g, "Sliding log (sorted set)", Draw.BOLD, p.text(), x, 16, w);
        long wms = s.windowMs();
        double y = 48;
        g.setFill(Draw.faint(p.accent(), 0.12));
        g.fillRoundRect(x, y - 9, w, 18, 4, 4);
        long inWindow = 0;
        long oldest = -1;
        for (long t : log.times()) {
            boolean in = t > now - wms;
            if (in) {
                inWindow++;
                if (oldest < 0) oldest = t;
            }
            double px = x + w * (t - (now - wms)) / (double) wms;
            if (px < x) continue;
            g.setFill(in ? p.accent() : p.muted());
            g.fillOval(px - 4, y - 4, 8, 8);
        }
        Draw.text(g, String.format(Locale.ROOT, "%d in the last %s s (limit %d)", inWindow, RateSettings.plain(s.windowSeconds()),
                s.limit()), Draw.NORMAL, p.text(), x, 72, w);
        Draw.text(g, String.format(Locale.ROOT, "ZCARD %d%s", log.size(), log.size() > inWindow
                ? " (older ones go at the next spell)" : ""), Draw.SMALL, p.muted(), x, 92, w);
        if (oldest >= 0) {
            Draw.text(g, String.format(Locale.ROOT, "the oldest leaves in %.1f s", (oldest + wms - now) / 1000.0), Draw.SMALL,
                    p.muted(), x, 108, w);
        }
    }

    private static String trim(double d) {
        String s = String.format(Locale.ROOT, "%.3f", d);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
