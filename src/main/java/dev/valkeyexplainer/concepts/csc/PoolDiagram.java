package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        setMinSize(300, 170);
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
            double[] xy = PoolLayout.at(PoolLayout.path(t.kind(), t.slot(), w, h), f);
            g.setFill(t.colour().apply(p));
            g.fillOval(xy[0] - 5, xy[1] - 5, 10, 10);
        }
    }

    // ------------------------------------------------------------------ drawing

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        double fs = PoolLayout.narrow(w) ? 9.5 : w < 600 ? 10 : 11;
        Font small = Font.font("DejaVu Sans", fs);
        Font bold = Font.font("DejaVu Sans", FontWeight.BOLD, fs + 1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        drawBand(g, p, w, small);
        PoolBoxes.app(g, p, w, h, small, bold, picture);
        PoolBoxes.valkey(g, p, w, h, small, bold, picture, items, itemCount);
        drawTrail(g, w, h, lastInvalidation, Kind.INVALIDATION, p.warn()); // under the slots: dashes show on the links
        drawTrail(g, w, h, lastGet, Kind.GET, p.accent());
        drawSlots(g, p, w, h, small, bold);
        if (held != null) {
            double y = PoolLayout.rowY(held.slot(), h);
            g.setFill(p.miss());
            g.fillOval(PoolLayout.slotLeft(w) - 6, y - 5, 10, 10);

        }
        g.setFill(p.muted());
        g.setFont(Font.font("DejaVu Sans", 9));
        g.fillText("flags: t tracking · B broadcast · R broken redirect · P subscriber · →id redirect;  dots slowed down"
                + " to be seen, figures read or measured", 8, h - 9, w - 16);
    }

    /** The top band: who plays which role, and the last GET and invalidation. */
    private void drawBand(GraphicsContext g, Palette p, double w, Font small) {
        double x = PoolLayout.slotLeft(w);
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

    private void drawSlots(GraphicsContext g, Palette p, double w, double h, Font small, Font bold) {
        double x = PoolLayout.slotLeft(w);
        double sw = PoolLayout.slotRight(w) - x;
        double rh = PoolLayout.rowH(h);
        List<PoolPicture.Slot> slots = picture == null ? List.of() : picture.slots();
        for (int i = 0; i <= DataPool.SIZE; i++) {
            double y = PoolLayout.rowY(i, h);
            PoolPicture.Slot s = i < slots.size() ? slots.get(i) : null;
            boolean control = i == 0;
            Color edge = control ? p.warn() : s != null && s.broken() ? p.miss() : s != null && s.tracking() ? p.hit() : p.grid();
            g.setStroke(p.grid());
            g.setLineWidth(1);
            g.strokeLine(PoolLayout.appRight(w), y, x, y);
            g.strokeLine(PoolLayout.slotRight(w), y, PoolLayout.valkeyLeft(w), Math.min(y, PoolLayout.valkeyBottom(h) - 8));
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
        double[][] pts = PoolLayout.path(kind, t.slot(), w, h);
        int end = kind == Kind.GET ? 4 : pts.length;
        g.setStroke(c.deriveColor(0, 1, 1, 0.85));
        g.setLineWidth(2.5);
        g.setLineDashes(6, 4);
        for (int i = 1; i < end; i++) g.strokeLine(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]);
        g.setLineDashes(null);
    }

}
