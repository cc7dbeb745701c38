package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.anim.Tween;
import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.valkey.hll.HllHash;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * All 16,384 registers as a 128 x 128 grid, coloured by value, register 0 at the top left. The cells
 * are written into a 128 x 128 image (one pixel a register) and drawn scaled without smoothing, so a
 * full redraw costs one image upload, not 16,384 rectangles. A merge is drawn as a sweep: cells behind
 * the sweep line show the element-wise maximum.
 */
final class RegisterGrid extends Region {

    static final int SIDE = 128;
    static final int MAX_COLOUR_VALUE = 16;

    private final Canvas canvas = new Canvas();
    private final WritableImage image = new WritableImage(SIDE, SIDE);
    private final ObjectProperty<Palette> palette;
    private int[] registers = new int[HllHash.REGISTERS];
    private int[] sweepFrom;
    private final Tween sweep = new Tween(1, 1.6);
    private final Tween pulse = new Tween(0, 2.5);
    private int highlight = -1;
    private final int[] pixels = new int[HllHash.REGISTERS];
    private int[] lut; // ARGB per register value 0..63 for the current palette
    private Palette lutPalette;
    private IntConsumer hover = i -> { };

    RegisterGrid(ObjectProperty<Palette> palette) {
        this.palette = palette;
        getChildren().add(canvas);
        getStyleClass().add("register-grid");
        setMinSize(200, 200);
        setPrefSize(420, 420);
        palette.addListener(o -> redraw());
        canvas.setOnMouseMoved(e -> {
            int i = cellAt(e.getX(), e.getY());
            hover.accept(i);
        });
        canvas.setOnMouseExited(e -> hover.accept(-1));
    }

    void onHover(IntConsumer listener) {
        hover = listener;
    }

    /** New registers from the server. */
    void show(int[] regs) {
        registers = regs.clone();
        sweepFrom = null;
        sweep.snap(1);
        redraw();
    }

    /** Animates from {@code from} to {@code to} with a sweep across the grid (PFMERGE). */
    void sweep(int[] from, int[] to) {
        sweepFrom = from.clone();
        registers = to.clone();
        sweep.snap(0);
        sweep.target(1);
        redraw();
    }

    /** Rings one register, and makes it pulse when it just grew. */
    void highlight(int index, boolean grew) {
        highlight = index;
        if (grew) {
            pulse.snap(1);
            pulse.target(0);
        }
        redraw();
    }

    int highlighted() {
        return highlight;
    }

    int[] registers() {
        return registers.clone();
    }

    /** Frame step; returns true while something moves. */
    boolean step(double dt) {
        boolean moving = sweep.step(dt) | pulse.step(dt);
        if (moving) redraw();
        else if (sweepFrom != null) {
            sweepFrom = null;
            redraw();
        }
        return moving;
    }

    @Override
    protected void layoutChildren() {
        double s = side();
        canvas.setWidth(s);
        canvas.setHeight(s);
        canvas.relocate((getWidth() - s) / 2, 0);
        redraw();
    }

    @Override
    protected double computePrefHeight(double width) {
        return width > 0 ? Math.min(width, 520) : 420;
    }

    private double side() {
        return Math.max(0, Math.min(getWidth(), getHeight()));
    }

    private int cellAt(double x, double y) {
        double cell = side() / SIDE;
        if (cell <= 0) return -1;
        int col = (int) (x / cell);
        int row = (int) (y / cell);
        if (col < 0 || row < 0 || col >= SIDE || row >= SIDE) return -1;
        return row * SIDE + col;
    }

    static Color colour(Palette p, int value) {
        if (value == 0) return p.grid().interpolate(p.surface(), 0.45);
        double t = Math.min(1, (value - 1) / (double) (MAX_COLOUR_VALUE - 1));
        // blue → teal → green → yellow → orange → red
        Color[] stops = {Color.web("#3b6fe0"), Color.web("#14a3a3"), Color.web("#3cb44b"), Color.web("#e3c21a"),
                Color.web("#f08a24"), Color.web("#d7263d")};
        double pos = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) pos);
        return stops[i].interpolate(stops[i + 1], pos - i);
    }

    private void redraw() {
        double s = side();
        if (s <= 0) return;
        Palette p = palette.get();
        if (lutPalette != p) {
            lut = new int[64];
            for (int v = 0; v < 64; v++) lut[v] = argb(colour(p, v));
            lutPalette = p;
        }
        int sweepAt = (int) Math.round(sweep.value() * HllHash.REGISTERS);
        int nonZero = 0;
        for (int i = 0; i < HllHash.REGISTERS; i++) {
            int v = sweepFrom != null && i >= sweepAt ? sweepFrom[i] : registers[i];
            if (v != 0) nonZero++;
            pixels[i] = lut[v & 63];
        }
        // one upload of the whole 128 x 128 image, one pixel per register
        image.getPixelWriter().setPixels(0, 0, SIDE, SIDE, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, SIDE);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.clearRect(0, 0, s, s);
        g.drawImage(image, 0, 0, s, s);
        double cell = s / SIDE;
        // With few registers set, a 3-pixel cell is easy to miss: ring every set register.
        if (nonZero > 0 && nonZero <= 200) {
            g.setLineWidth(1.5);
            for (int i = 0; i < HllHash.REGISTERS; i++) {
                int v = sweepFrom != null && i >= sweepAt ? sweepFrom[i] : registers[i];
                if (v == 0) continue;
                g.setStroke(colour(p, v));
                double cx = (i % SIDE + 0.5) * cell;
                double cy = (i / SIDE + 0.5) * cell;
                g.strokeOval(cx - 6, cy - 6, 12, 12);
            }
        }
        if (sweepFrom != null && sweep.value() < 1) {
            double row = (double) sweepAt / SIDE;
            g.setStroke(p.accent());
            g.setLineWidth(2);
            g.strokeLine(0, row * cell, s, row * cell);
        }
        if (highlight >= 0) {
            double x = (highlight % SIDE) * cell;
            double y = (highlight / SIDE) * cell;
            g.setStroke(p.text().deriveColor(0, 1, 1, 0.35));
            g.setLineWidth(1);
            g.strokeLine(0, y + cell / 2, s, y + cell / 2);
            g.strokeLine(x + cell / 2, 0, x + cell / 2, s);
            double grow = 20 + 18 * pulse.value(); // wider than the 12-px ring, so the cell's colour stays visible
            g.setStroke(p.text());
            g.setLineWidth(2.5);
            g.strokeRect(x + cell / 2 - grow / 2, y + cell / 2 - grow / 2, grow, grow);
        }
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, s - 1, s - 1);
    }

    private static int argb(Color c) {
        return (255 << 24) | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
