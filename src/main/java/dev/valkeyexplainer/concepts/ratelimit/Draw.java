package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.concept.Palette;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Small drawing helpers shared by the tab's canvases: fonts, text cut to a width, the verdict markers. */
final class Draw {

    static final Font SMALL = Font.font("DejaVu Sans", 11);
    static final Font NORMAL = Font.font("DejaVu Sans", 12);
    static final Font BOLD = Font.font("DejaVu Sans", javafx.scene.text.FontWeight.BOLD, 12);
    static final Font MONO = Font.font("DejaVu Sans Mono", 11);

    private Draw() {
    }

    /** Measured widths (FX thread only): the canvases redraw several times a second with mostly the same texts. */
    private static final java.util.Map<String, Double> WIDTHS = new java.util.LinkedHashMap<>(512, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Double> e) {
            return size() > 4_000;
        }
    };
    private static final Text MEASURE = new Text();

    static double width(String s, Font f) {
        String key = f.getName() + '/' + f.getSize() + '/' + s;
        Double w = WIDTHS.get(key);
        if (w == null) {
            MEASURE.setFont(f);
            MEASURE.setText(s);
            w = MEASURE.getLayoutBounds().getWidth();
            WIDTHS.put(key, w);
        }
        return w;
    }

    /** {@code s}, or its start with "…", so that it fits {@code max} pixels ("" when nothing fits). */
    static String fit(String s, Font f, double max) {
        if (max <= 8) return "";
        if (width(s, f) <= max) return s;
        int lo = 0;
        int hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(s.substring(0, mid) + "…", f) <= max) lo = mid;
            else hi = mid - 1;
        }
        return lo == 0 ? "" : s.substring(0, lo) + "…";
    }

    /** Greedy word wrap of {@code s} to lines of at most {@code max} pixels (a word longer than that is cut). */
    static java.util.List<String> wrap(String s, Font f, double max) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (width(next, f) <= max || line.isEmpty()) {
                line.setLength(0);
                line.append(next);
            } else {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) out.add(line.toString());
        return out;
    }

    /**
     * Wrapped text from {@code y} down, at most {@code maxLines} lines (the last one cut with "…" when
     * more would be needed). Returns the y below the last line.
     */
    static double paragraph(GraphicsContext g, String s, Font f, Color c, double x, double y, double max, double lineH, int maxLines) {
        if (maxLines <= 0) return y;
        java.util.List<String> lines = wrap(s, f, max);
        g.setFont(f);
        g.setFill(c);
        for (int i = 0; i < Math.min(lines.size(), maxLines); i++) {
            String l = lines.get(i);
            if (i == maxLines - 1 && lines.size() > maxLines) l = fit(l + " " + String.join(" ", lines.subList(i + 1, lines.size())), f, max);
            g.fillText(fit(l, f, max), x, y);
            y += lineH;
        }
        return y;
    }

    /** Text cut to a width, at (x, y) with the current alignment. */
    static void text(GraphicsContext g, String s, Font f, Color c, double x, double y, double max) {
        g.setFont(f);
        g.setFill(c);
        g.fillText(fit(s, f, max), x, y);
    }

    /** Marker radius for a spell's cost: 1 → 4 px, 3 → 6 px, 5 → 8 px. */
    static double radius(long cost) {
        return Math.min(9, 3 + cost);
    }

    /** An allowed spell is a filled dot, a denied one a cross, a failed script a warning ring. */
    static void marker(GraphicsContext g, Palette p, double x, double y, double r, Boolean allowed) {
        if (allowed == null) {
            g.setStroke(p.warn());
            g.setLineWidth(2);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        } else if (allowed) {
            g.setFill(p.hit());
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.setStroke(p.surface());
            g.setLineWidth(1);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        } else {
            g.setStroke(p.miss());
            g.setLineWidth(2.2);
            g.strokeLine(x - r * 0.8, y - r * 0.8, x + r * 0.8, y + r * 0.8);
            g.strokeLine(x - r * 0.8, y + r * 0.8, x + r * 0.8, y - r * 0.8);
        }
    }

    static Color faint(Color c, double alpha) {
        return c.deriveColor(0, 1, 1, alpha);
    }
}
