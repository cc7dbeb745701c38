package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Three lanes, App, Valkey and Database, with request tokens moving along the arrows: a hit goes to
 * Valkey and back; a miss comes back empty, goes to the database, and is written to Valkey with a
 * TTL; a database trigger sends DEL to Valkey. Tokens move slowly enough to follow (the real
 * latencies, microseconds against milliseconds, are the measured figures beside the lanes).
 */
final class CacheLanes extends CanvasPanel {

    private record Token(List<LaneHop> hops, double[] startAt) {
    }

    static final double HOP_SECONDS = 0.45;
    static final int MAX_TOKENS = 60;
    /** A bold 11 px DejaVu Sans character is about 7 px wide: enough to keep labels apart. */
    static final double LABEL_CHAR_WIDTH = 7.2;

    private final List<Token> tokens = new ArrayList<>();
    private double now;
    private String appText = "";
    private String valkeyText = "";
    private String dbText = "";

    CacheLanes(ObjectProperty<Palette> palette) {
        super(palette);
        setMinHeight(200);
        setPrefHeight(250);
    }

    /** Adds a token that walks the given hops one after the other. Returns false when too many are moving. */
    boolean send(List<LaneHop> hops) {
        if (tokens.size() >= MAX_TOKENS) return false;
        double[] starts = new double[hops.size()];
        for (int i = 0; i < hops.size(); i++) starts[i] = now + i * HOP_SECONDS;
        tokens.add(new Token(hops, starts));
        return true;
    }

    void captions(String app, String valkey, String db) {
        appText = app;
        valkeyText = valkey;
        dbText = db;
        redraw();
    }

    boolean step(double dt) {
        now += dt;
        if (tokens.isEmpty()) return false; // nothing moves: no redraw
        for (Iterator<Token> it = tokens.iterator(); it.hasNext(); ) {
            Token t = it.next();
            if (now > t.startAt()[t.startAt().length - 1] + HOP_SECONDS) it.remove();
        }
        redraw();
        return !tokens.isEmpty();
    }

    /** Tokens on the way now (screenshots wait for a few). */
    int moving() {
        return tokens.size();
    }

    static Color colour(Palette p, LaneHop.Tone t) {
        return switch (t) {
            case REQUEST -> p.accent();
            case HIT -> p.hit();
            case MISS -> p.miss();
            case DATABASE -> p.database();
            case WRITE -> p.valkey();
            case WARN -> p.warn();
        };
    }

    private double x(LaneHop.Lane n, double w) {
        return switch (n) {
            case APP -> w * 0.12;
            case VALKEY -> w * 0.50;
            case DB -> w * 0.88;
        };
    }

    /** Which row a hop travels on, so requests and replies do not overlap. */
    private static int row(LaneHop h) {
        if (h.from() == LaneHop.Lane.DB && h.to() == LaneHop.Lane.VALKEY) return 5;
        if (h.to() == LaneHop.Lane.DB) return 2;
        if (h.from() == LaneHop.Lane.DB) return 3;
        if (h.to() == LaneHop.Lane.VALKEY) return h.label().startsWith("SET") ? 4 : 0;
        return 1;
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        double top = 64;
        double rowH = (h - top - 12) / 6;
        // the three participants
        node(g, p, "App", appText, x(LaneHop.Lane.APP, w), p.text());
        node(g, p, "Valkey", valkeyText, x(LaneHop.Lane.VALKEY, w), p.valkey());
        node(g, p, "Database (H2)", dbText, x(LaneHop.Lane.DB, w), p.database());
        String[] rows = {"GET key", "hit: value / miss: nil", "miss: SELECT (+ simulated network)", "row", "SET key value EX ttl",
                "UPDATE → trigger → DEL key"};
        g.setFont(Font.font("DejaVu Sans", 10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (int r = 0; r < 6; r++) {
            double y = top + r * rowH + rowH / 2;
            double a = r == 2 || r == 3 ? x(LaneHop.Lane.APP, w) : r == 5 ? x(LaneHop.Lane.VALKEY, w) : x(LaneHop.Lane.APP, w);
            double b = r == 2 || r == 3 || r == 5 ? x(LaneHop.Lane.DB, w) : x(LaneHop.Lane.VALKEY, w);
            g.setStroke(p.grid());
            g.setLineWidth(1);
            g.setLineDashes(4, 4);
            g.strokeLine(a, y, b, y);
            g.setLineDashes();
            g.setFill(p.muted());
            g.fillText(rows[r], (a + b) / 2, y - 3);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(p.muted());
        g.setFont(Font.font("DejaVu Sans", 10));
        g.fillText("tokens slowed down to be seen, a sample of the lookups; the figures are measured", w - 10, h - 3);
        // moving tokens: every dot first, then each label that runs into no other dot or label on its row
        g.setTextBaseline(VPos.CENTER);
        List<double[]> dots = new ArrayList<>(); // x, y, row, hop index into shown
        List<LaneHop> shown = new ArrayList<>();
        for (Token t : tokens) {
            for (int i = 0; i < t.hops().size(); i++) {
                double f = (now - t.startAt()[i]) / HOP_SECONDS;
                if (f < 0 || f > 1) continue;
                LaneHop hop = t.hops().get(i);
                double ease = f * f * (3 - 2 * f);
                double x0 = x(hop.from(), w);
                double x1 = x(hop.to(), w);
                double y = top + row(hop) * rowH + rowH / 2;
                double x = x0 + (x1 - x0) * ease;
                g.setFill(colour(p, hop.tone()));
                g.fillOval(x - 7, y - 7, 14, 14);
                dots.add(new double[]{x, y, row(hop), shown.size()});
                shown.add(hop);
            }
        }
        List<double[]> taken = new ArrayList<>(); // row, from, to
        for (double[] d : dots) taken.add(new double[]{d[2], d[0] - 8, d[0] + 8});
        g.setFill(p.text());
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 11));
        g.setTextAlign(TextAlignment.LEFT);
        for (double[] d : dots) {
            LaneHop hop = shown.get((int) d[3]);
            double from = d[0] + 9;
            double to = d[0] + 10 + hop.label().length() * LABEL_CHAR_WIDTH;
            boolean free = taken.stream().noneMatch(iv -> iv[0] == d[2] && from < iv[2] && to > iv[1]);
            if (!free) continue;
            taken.add(new double[]{d[2], from, to});
            g.fillText(hop.label(), d[0] + 10, d[1]);
        }
    }

    private static void node(GraphicsContext g, Palette p, String title, String caption, double cx, Color c) {
        double bw = 150;
        g.setFill(p.surface());
        g.fillRoundRect(cx - bw / 2, 8, bw, 46, 10, 10);
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokeRoundRect(cx - bw / 2, 8, bw, 46, 10, 10);
        g.setFill(c);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 14));
        g.fillText(title, cx, 13);
        g.setFill(p.muted());
        g.setFont(Font.font("DejaVu Sans", 11));
        g.fillText(caption, cx, 33);
    }
}
