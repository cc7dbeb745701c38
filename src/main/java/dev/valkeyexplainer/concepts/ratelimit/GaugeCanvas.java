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
        setPrefSize(700, 160);
        model.live.addListener(o -> redraw());
        model.readProblem.addListener(o -> redraw());
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
        String failed = model.readProblem.get();
        if (failed != null && !failed.isEmpty()) {
            // no figures from before the outage, as if they were current: the last one was read at …
            Draw.text(g, "No reading of Bob's keys since " + clock(live.serverMs()) + ": " + failed, Draw.NORMAL, p.muted(), 12,
                    h / 2, w - 24);
            return;
        }
        long nanos = System.nanoTime();
        long now = live.serverNowMs(nanos);
        long age = now - live.serverMs();
        double gap = 12;
        double bw = (w - 4 * gap) * 0.4;
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
        Draw.text(g, "Token bucket (hash)", Draw.BOLD, p.text(), x, 14, w);
        double barY = 42;
        double barH = Math.min(22, h * 0.16);
        double cap = s.capacity();
        g.setFill(Draw.faint(p.grid(), 0.6));
        g.fillRoundRect(x, barY, w, barH, 6, 6);
        int lines = (int) ((h - (barY + barH + 8)) / 13);
        if (!b.exists()) {
            Draw.text(g, "no hash", Draw.NORMAL, p.muted(), x, 30, w);
            Draw.paragraph(g, "The next spell creates a full bucket (" + s.capacity() + " tokens). It expired (idle long enough"
                    + " to be full again) or was never made.", Draw.SMALL, p.muted(), x, barY + barH + 12, w, 13, lines);
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
        Draw.text(g, String.format(Locale.ROOT, "≈ %.3f of %d tokens now", projected, s.capacity()), Draw.NORMAL, p.text(), x, 30, w);
        long ttl = Math.max(0, b.pttlMs() - age);
        List<Verdicts.Cast> casts = model.casts.get();
        Verdicts.Bucket last = casts.isEmpty() ? null : casts.get(casts.size() - 1).bucket();
        List<String> text = new java.util.ArrayList<>(List.of(
                String.format(Locale.ROOT, "stored %s at %s (dark)", trim(b.tokens()), clock(b.lastUpdate())),
                String.format(Locale.ROOT, "+ refill since, at %s/s (light, projected)", RateSettings.plain(s.refillPerSecond())),
                String.format(Locale.ROOT, "TTL %.1f s (EXPIRE ceil(%d ÷ %s) = %d s)", ttl / 1000.0, s.capacity(),
                        RateSettings.plain(s.refillPerSecond()), s.bucketTtlSeconds())));
        if (last != null) {
            text.add(String.format(Locale.ROOT, "reply %d = tokens × 1000 (as a Lua number: %d)", last.milliTokens(), last.luaTokens()));
        }
        double y = barY + barH + 12;
        for (String line : text.subList(0, Math.min(text.size(), lines))) {
            Draw.text(g, line, Draw.SMALL, p.muted(), x, y, w);
            y += 13;
        }
    }

    private static void fixed(GraphicsContext g, Palette p, RateSettings s, LiveState live, long age, double x, double w, double h) {
        LiveState.FixedState f = live.fixed();
        Draw.text(g, "Fixed window (hash)", Draw.BOLD, p.text(), x, 14, w);
        long count = f.exists() ? f.count() : 0;
        Draw.text(g, String.format(Locale.ROOT, "count %d of %d", count, s.limit()), Draw.NORMAL, p.text(), x, 30, w);
        int boxes = (int) Math.min(s.limit(), 20);
        double bx = Math.min(26, (w - 4) / Math.max(1, boxes) - 4);
        for (int i = 0; i < boxes; i++) {
            boolean used = i < Math.min(count, boxes);
            g.setFill(used ? p.valkey() : Draw.faint(p.grid(), 0.7));
            g.fillRoundRect(x + i * (bx + 4), 42, bx, 16, 4, 4);
        }
        int lines = (int) ((h - 88) / 13);
        if (!f.exists()) {
            Draw.paragraph(g, "No counter: the window's first spell creates it.", Draw.SMALL, p.muted(), x, 76, w, 13, lines + 1);
            return;
        }
        long ttl = Math.max(0, f.pttlMs() - age);
        double frac = Math.min(1, ttl / (double) Math.max(1, s.windowMs()));
        g.setFill(Draw.faint(p.grid(), 0.7));
        g.fillRoundRect(x, 64, w, 7, 4, 4);
        g.setFill(p.accent());
        g.fillRoundRect(x, 64, w * frac, 7, 4, 4);
        Draw.text(g, String.format(Locale.ROOT, "TTL %.1f s = the window's end", ttl / 1000.0), Draw.SMALL, p.muted(), x, 84, w);
        if (f.windowStart() != null && lines >= 2) Draw.text(g, "from " + clock(f.windowStart()), Draw.SMALL, p.muted(), x, 97, w);
    }

    private static void log(GraphicsContext g, Palette p, RateSettings s, LiveState live, long now, double x, double w, double h) {
        LiveState.LogState log = live.log();
        Draw.text(g, "Sliding log (sorted set)", Draw.BOLD, p.text(), x, 14, w);
        long wms = s.windowMs();
        double y = 50;
        g.setFill(Draw.faint(p.accent(), 0.12));
        g.fillRoundRect(x, y - 8, w, 16, 4, 4);
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
        Draw.text(g, String.format(Locale.ROOT, "%d of %d in the last %s s", inWindow, s.limit(), RateSettings.plain(s.windowSeconds())),
                Draw.NORMAL, p.text(), x, 30, w);
        String text = String.format(Locale.ROOT, "ZCARD %d.%s%s", log.size(), log.size() > inWindow
                ? " Older ones go at the next spell (ZREMRANGEBYSCORE)." : "", oldest >= 0
                ? String.format(Locale.ROOT, " The oldest leaves the window in %.1f s.", (oldest + wms - now) / 1000.0) : "");
        Draw.paragraph(g, text, Draw.SMALL, p.muted(), x, 72, w, 13, (int) ((h - 76) / 13));
    }

    private static String trim(double d) {
        String s = String.format(Locale.ROOT, "%.3f", d);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
