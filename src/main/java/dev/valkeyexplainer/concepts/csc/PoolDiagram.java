package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The pool as the talk draws it: the app with its local cache on the left, the ten connections in the
 * middle (connection 0 on top, the invalidation connection; 1..9 the data connections, each with its real
 * CLIENT ID, CLIENT LIST flags and {@code redir=}), and Valkey on the right with its tracking figures and
 * the recent history of its tracking table. Dots walk the real paths: a GET out through a data connection
 * and back, an invalidation from Valkey through connection 0 into the local cache, a write from the game
 * server into Valkey. The last GET and the last invalidation stay drawn (dashed) with a label on top, so a
 * still picture shows them too.
 */
final class PoolDiagram extends CanvasPanel {

    /** What moves: the kind picks the path and the colour. */
    enum Kind { GET, INVALIDATION, WRITE }

    private record Token(Kind kind, int slot, Function<Palette, Color> colour, double start) {
    }

    /** A path that stays drawn until the next of its kind. */
    private record Trail(int slot, String label) {
    }

    static final double SECONDS = 1.1;
    static final int MAX_TOKENS = 40;
    static final int HISTORY = 80;
    private static final double BAND = 36;

    private final List<Token> tokens = new ArrayList<>();
    private final double[] items = new double[HISTORY];
    private int itemCount;
    private TrackingReading lastReading;
    private PoolPicture picture;
    private Trail lastGet;
    private Trail lastInvalidation;
    private Trail held;
    private double now;

    /** The moving dots only, over the drawing: a frame redraws this, never the text below (cheap on a software pipeline). */
    private final Canvas overlay = new Canvas();
    private final ObjectProperty<Palette> palette;

    PoolDiagram(ObjectProperty<Palette> palette) {
        super(palette);
        this.palette = palette;
        overlay.setMouseTransparent(true);
        getChildren().add(overlay);
        setMinSize(300, 200);
        setPrefSize(620, 280);
    }

    @Override
    protected void layoutChildren() {
        overlay.setWidth(getWidth());
        overlay.setHeight(getHeight());
        super.layoutChildren();
        drawDots();
    }

    void show(PoolPicture p) {
        picture = p;
        if (p.server() != null && p.server() != lastReading) {
            lastReading = p.server();
            System.arraycopy(items, 1, items, 0, HISTORY - 1);
            items[HISTORY - 1] = p.server().totalItems();
            itemCount = Math.min(HISTORY, itemCount + 1);
        }
        redraw();
    }

    /** A GET on data connection {@code slot} (1..9); {@code label} stays on top as the last GET. */
    void get(int slot, String label) {
        lastGet = new Trail(slot, label);
        add(new Token(Kind.GET, slot, Palette::accent, now));
    }

    /** An invalidation reaching connection 0. */
    void invalidation(String label) {
        lastInvalidation = new Trail(0, label);
        add(new Token(Kind.INVALIDATION, 0, Palette::warn, now));
    }

    /** A write into Valkey by the game server ({@code slot} -1) or by a data connection. */
    void write(int slot) {
        add(new Token(Kind.WRITE, slot, Palette::database, now));
    }

    /** A reply held back on data connection {@code slot}, or none (-1). */
    void held(int slot, String label) {
        held = slot < 0 ? null : new Trail(slot, label);
        redraw();
    }

    private void add(Token t) {
        if (tokens.size() >= MAX_TOKENS) tokens.remove(0);
        tokens.add(t);
        redraw(); // the trail changed
        drawDots();
    }

    /** Frame clock: moves the dots. Returns false: they are background motion (a still picture shows the trails). */
    boolean step(double dt) {
        now += dt;
        if (tokens.isEmpty() && !dotsOnScreen) return false;
        for (Iterator<Token> it = tokens.iterator(); it.hasNext(); ) if (now - it.next().start() > SECONDS) it.remove();
        drawDots();
        return false;
    }

    private boolean dotsOnScreen;

    private void drawDots() {
        double w = overlay.getWidth();
        double h = overlay.getHeight();
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        dotsOnScreen = !tokens.isEmpty();
        if (w <= 0 || h <= 0) return;
        Palette p = palette.get();
        for (Token t : tokens) {
            double f = Math.min(1, (now - t.start()) / SECONDS);
            double[] xy = at(path(t.kind(), t.slot(), w, h), f);
            g.setFill(t.colour().apply(p));
            g.fillOval(xy[0] - 5, xy[1] - 5, 10, 10);
        }
    }

    // ------------------------------------------------------------------ geometry

    private static double rowH(double h) {
        return (h - BAND - 20) / (DataPool.SIZE + 1);
    }

    private static double rowY(int slot, double h) {
        return BAND + slot * rowH(h) + rowH(h) / 2;
    }

    /** Narrow (a large UI scale): thinner side columns, so the slots keep their room. */
    private static boolean narrow(double w) {
        return w < 520;
    }

    private static double appRight(double w) {
        return w * (narrow(w) ? 0.17 : 0.20);
    }

    private static double slotLeft(double w) {
        return w * (narrow(w) ? 0.21 : 0.25);
    }

    private static double slotRight(double w) {
        return w * 0.66;
    }

    private static double valkeyLeft(double w) {
        return w * 0.71;
    }

    private static double valkeyBottom(double h) {
        return h * 0.74;
    }

    /** The dot's polyline, from where it starts to where it ends. */
    private static double[][] path(Kind kind, int slot, double w, double h) {
        double y = rowY(Math.max(0, slot), h);
        double vy = Math.min(y, valkeyBottom(h) - 8);
        double y0 = rowY(0, h);
        return switch (kind) {
            case GET -> new double[][]{{appRight(w), y}, {slotLeft(w), y}, {slotRight(w), y}, {valkeyLeft(w), vy},
                    {slotRight(w), y}, {slotLeft(w), y}, {appRight(w), y}};
            case INVALIDATION -> new double[][]{{valkeyLeft(w), y0}, {slotRight(w), y0}, {slotLeft(w), y0}, {appRight(w), y0}};
            case WRITE -> slot < 0 ? new double[][]{{(valkeyLeft(w) + w) / 2, h - 26}, {(valkeyLeft(w) + w) / 2, valkeyBottom(h)}}
                    : new double[][]{{slotRight(w), y}, {valkeyLeft(w), vy}};
        };
    }

    private static double[] at(double[][] pts, double f) {
        double total = 0;
        for (int i = 1; i < pts.length; i++) total += Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
        double d = f * total;
        for (int i = 1; i < pts.length; i++) {
            double seg = Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
            if (d <= seg || i == pts.length - 1) {
                double t = seg == 0 ? 1 : Math.min(1, d / seg);
                return new double[]{pts[i - 1][0] + t * (pts[i][0] - pts[i - 1][0]), pts[i - 1][1] + t * (pts[i][1] - pts[i - 1][1])};
            }
            d -= seg;
        }
        return pts[pts.length - 1];
    }

    // ------------------------------------------------------------------ drawing

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        double fs = narrow(w) ? 9.5 : w < 600 ? 10 : 11;
        Font small = Font.font("DejaVu Sans", fs);
        Font bold = Font.font("DejaVu Sans", FontWeight.BOLD, fs + 1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        drawBand(g, p, w, small);
        drawApp(g, p, w, h, small, bold);
        drawValkey(g, p, w, h, small, bold);
        drawTrail(g, w, h, lastInvalidation, Kind.INVALIDATION, p.warn()); // under the slots: dashes show on the links
        drawTrail(g, w, h, lastGet, Kind.GET, p.accent());
        drawSlots(g, p, w, h, small, bold);
        if (held != null) {
            double y = rowY(held.slot(), h);
            g.setFill(p.miss());
            g.fillOval(slotLeft(w) - 6, y - 5, 10, 10);

        }
        g.setFill(p.muted());
        g.setFont(Font.font("DejaVu Sans", 9));
        g.fillText("flags: t tracking · B broadcast · R broken redirect · P subscriber · →id redirect;  dots slowed down"
                + " to be seen, figures read or measured", 8, h - 9, w - 16);
    }

    /** The top band: who plays which role, and the last GET and invalidation. */
    private void drawBand(GraphicsContext g, Palette p, double w, Font small) {
        double x = slotLeft(w);
        g.setFont(small);
        g.setFill(p.muted());
        g.fillText("conn-0: valkey-java, RESP2, SUBSCRIBE __redis__:invalidate · conn-1…9: Glide, CLIENT TRACKING ON"
                + " REDIRECT", 8, 10, w - 16);
        double half = (w - 8 - x) / 2;
        if (lastGet != null) {
            g.setFill(p.accent());
            g.fillText("▶ " + lastGet.label(), x, 26, half - 6);
        }
        if (lastInvalidation != null) {
            g.setFill(p.warn());
            g.fillText("◀ " + lastInvalidation.label(), x + half, 26, half);
        }
    }

    private void drawApp(GraphicsContext g, Palette p, double w, double h, Font small, Font bold) {
        double x = 8;
        double bw = appRight(w) - x;
        double top = BAND + 2;
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

    private void drawValkey(GraphicsContext g, Palette p, double w, double h, Font small, Font bold) {
        double x = valkeyLeft(w);
        double bw = w - 8 - x;
        double top = BAND + 2;
        double bottom = valkeyBottom(h);
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
        if (chartBottom - chartTop >= 24 && itemCount > 1) drawItems(g, p, x + 8, chartTop, bw - 16, chartBottom - chartTop, small);
        double gy = bottom + 4;
        box(g, p, x, gy, bw, h - 22 - gy, p.database());
        g.setFill(p.database());
        g.setFont(small);
        g.fillText("game server (another client)", x + 8, (gy + h - 22) / 2, bw - 12);
    }

    /** The tracking table's size over the last readings: it climbs with reads in the default mode, stays flat in BCAST. */
    private void drawItems(GraphicsContext g, Palette p, double x, double y, double cw, double ch, Font small) {
        double max = 1;
        for (int i = HISTORY - itemCount; i < HISTORY; i++) max = Math.max(max, items[i]);
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
        double dx = cw / (HISTORY - 1);
        double px = -1;
        double py = -1;
        for (int i = HISTORY - itemCount; i < HISTORY; i++) {
            double cx = x + i * dx;
            double cy = top + hh - hh * items[i] / max;
            if (px >= 0) g.strokeLine(px, py, cx, cy);
            px = cx;
            py = cy;
        }
    }

    private void drawSlots(GraphicsContext g, Palette p, double w, double h, Font small, Font bold) {
        double x = slotLeft(w);
        double sw = slotRight(w) - x;
        double rh = rowH(h);
        List<PoolPicture.Slot> slots = picture == null ? List.of() : picture.slots();
        for (int i = 0; i <= DataPool.SIZE; i++) {
            double y = rowY(i, h);
            PoolPicture.Slot s = i < slots.size() ? slots.get(i) : null;
            boolean control = i == 0;
            Color edge = control ? p.warn() : s != null && s.broken() ? p.miss() : s != null && s.tracking() ? p.hit() : p.grid();
            g.setStroke(p.grid());
            g.setLineWidth(1);
            g.strokeLine(appRight(w), y, x, y);
            g.strokeLine(slotRight(w), y, valkeyLeft(w), Math.min(y, valkeyBottom(h) - 8));
            g.setFill(p.surface());
            g.fillRoundRect(x, y - rh / 2 + 1, sw, rh - 2, 6, 6);
            g.setStroke(edge);
            g.setLineWidth(control ? 2 : 1.2);
            g.strokeRoundRect(x, y - rh / 2 + 1, sw, rh - 2, 6, 6);
            boolean roomy = sw > 200; // room for the detail column (GET counts, RESP2)
            double c1 = roomy ? 0.27 : 0.34;
            double c2 = roomy ? 0.47 : 0.60;
            double c3 = roomy ? 0.57 : 0.76;
            g.setFont(bold);
            g.setFill(control ? p.warn() : p.text());
            g.fillText("conn-" + i, x + 5, y, sw * c1 - 7);
            if (s == null) continue;
            g.setFont(small);
            g.setFill(p.text());
            g.fillText(s.id() < 0 ? "id –" : "id " + s.id(), x + sw * c1, y, sw * (c2 - c1) - 3);
            g.setFill(s.broken() ? p.miss() : s.tracking() ? p.hit() : p.muted());
            g.fillText(s.flags(), x + sw * c2, y, sw * (c3 - c2) - 2);
            g.setFill(p.valkey());
            if (s.redirect() > 0) g.fillText("→" + s.redirect(), x + sw * c3, y, sw * (roomy ? 0.13 : 0.23));
            boolean isHeld = held != null && held.slot() == i;
            if (roomy || isHeld) {
                g.setFill(isHeld ? p.miss() : p.muted());
                g.setFont(isHeld ? bold : small);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(isHeld ? held.label() : s.detail(), x + sw - 6, y, sw * (roomy ? 0.28 : 0.22));
                g.setTextAlign(TextAlignment.LEFT);
            }
        }
    }

    private static void drawTrail(GraphicsContext g, double w, double h, Trail t, Kind kind, Color c) {
        if (t == null) return;
        double[][] pts = path(kind, t.slot(), w, h);
        int end = kind == Kind.GET ? 4 : pts.length;
        g.setStroke(c.deriveColor(0, 1, 1, 0.85));
        g.setLineWidth(2.5);
        g.setLineDashes(6, 4);
        for (int i = 1; i < end; i++) g.strokeLine(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]);
        g.setLineDashes(null);
    }

    private static void box(GraphicsContext g, Palette p, double x, double y, double w, double h, Color edge) {
        g.setFill(p.background());
        g.fillRoundRect(x, y, w, h, 10, 10);
        g.setStroke(edge);
        g.setLineWidth(1.6);
        g.strokeRoundRect(x, y, w, h, 10, 10);
    }
}
