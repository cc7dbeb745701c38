package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The race as a sequence diagram that grows as commands complete: one lane per worker, each command a
 * box with the real command and its reply. In step mode a box takes the next column (order is what
 * matters); in a real-time run its position and width are its measured start and end.
 */
final class HerdTimeline extends CanvasPanel {

    private final List<HerdRace.Event> events = new ArrayList<>();
    private int workers = 2;
    private boolean sequence = true;

    HerdTimeline(ObjectProperty<Palette> palette) {
        super(palette);
        setMinSize(300, 200);
    }

    void reset(int workerCount, boolean stepMode) {
        workers = workerCount;
        sequence = stepMode;
        events.clear();
        redraw();
    }

    /** A frame's worth of new events: one redraw for all of them. */
    void addAll(List<HerdRace.Event> more) {
        if (more.isEmpty()) return;
        events.addAll(more);
        redraw();
    }

    int size() {
        return events.size();
    }

    static Color colour(Palette p, HerdRace.Kind k) {
        return switch (k) {
            case GET_MISS -> p.miss();
            case GET_HIT -> p.hit();
            case LOCK_WON -> p.valkey();
            case LOCK_LOST -> p.warn();
            case DB_LOAD -> p.database();
            case SET_VALUE -> p.accent();
            case RELEASED -> p.valkey().deriveColor(0, 0.6, 1.1, 1);
            case NOT_OWNER -> p.miss().darker();
            case ERROR -> p.text(); // no reply (the server went away): not a verdict of the lock
            case EXPIRE -> p.muted();
        };
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        double left = 86;
        double right = w - 12;
        double top = 30;
        double legendTop = h - legendHeight(w - left) - 4;
        double bottom = legendTop - (sequence ? 4 : 18); // real time: room for the time axis under the lanes
        double lane = (bottom - top) / Math.max(1, workers);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font("DejaVu Sans", 12));
        g.setFill(p.muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(sequence ? "one column per command, in the order they ran →" : "measured time since the key expired →", left, 15);
        for (int i = 0; i < workers; i++) {
            double y = top + i * lane;
            if (i % 2 == 0) {
                g.setFill(p.grid().deriveColor(0, 1, 1, 0.35));
                g.fillRect(left, y, right - left, lane);
            }
            if (lane >= 11) {
                g.setFill(p.text());
                g.setFont(Font.font("DejaVu Sans", Math.min(12, lane - 2)));
                g.fillText("worker " + (i + 1), 10, y + lane / 2);
            }
        }
        List<HerdRace.Event> shown = events.stream().filter(e -> e.worker() > 0).toList();
        long maxT = 1;
        for (HerdRace.Event e : shown) maxT = Math.max(maxT, e.endMicros());
        int columns = Math.max(8, shown.size());
        double colW = (right - left) / columns;
        int col = 0;
        for (HerdRace.Event e : shown) {
            double x0;
            double x1;
            if (sequence) {
                x0 = left + col * colW + 1;
                x1 = x0 + colW - 2;
                col++;
            } else {
                x0 = left + (right - left) * e.startMicros() / (double) maxT;
                x1 = Math.max(x0 + 3, left + (right - left) * e.endMicros() / (double) maxT);
            }
            double y0 = top + (e.worker() - 1) * lane + Math.min(2, lane * 0.1);
            double bh = Math.max(2, lane - 2 * Math.min(2, lane * 0.1));
            Color c = colour(p, e.kind());
            g.setFill(c.deriveColor(0, 1, 1, 0.28));
            g.fillRoundRect(x0, y0, x1 - x0, bh, 6, 6);
            g.setStroke(c);
            g.setLineWidth(1.5);
            g.strokeRoundRect(x0, y0, x1 - x0, bh, 6, 6);
            label(g, p, e, x0, x1, y0, bh);
        }
        if (!sequence && !shown.isEmpty()) {
            g.setFill(p.muted());
            g.setFont(Font.font("DejaVu Sans", 11));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(String.format(Locale.ROOT, "%,.1f ms", maxT / 1000.0), right, bottom + 9);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("0", left, bottom + 9);
        }
        legend(g, p, left, legendTop, w - left);
    }

    private static void label(GraphicsContext g, Palette p, HerdRace.Event e, double x0, double x1, double y0, double bh) {
        double width = x1 - x0 - 8;
        if (width < 40 || bh < 12) return;
        double size = Math.min(12, Math.max(9, bh / 3));
        Font f = Font.font("DejaVu Sans Mono", size);
        g.setFont(f);
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        double lineH = size * 1.3;
        int maxLines = (int) ((bh - 6) / lineH);
        if (maxLines >= 4) {
            // tall boxes (step mode, few workers): wrap the whole command and reply
            List<String> lines = new ArrayList<>(wrap(e.command(), f, width));
            List<String> replyLines = wrap("→ " + e.reply(), f, width);
            int room = Math.max(1, maxLines - Math.min(2, replyLines.size()));
            if (lines.size() > room) {
                lines = new ArrayList<>(lines.subList(0, room));
                lines.set(room - 1, fit(lines.get(room - 1) + "…", f, width));
            }
            lines.addAll(replyLines.subList(0, Math.min(replyLines.size(), maxLines - lines.size())));
            double y = y0 + bh / 2 - (lines.size() - 1) * lineH / 2;
            for (String l : lines) {
                g.fillText(l, x0 + 4, y);
                y += lineH;
            }
            return;
        }
        String cmd = fit(e.command().replace("vx:", ""), f, width);
        String reply = fit("→ " + e.reply(), f, width);
        if (bh >= 2.4 * size + 4) {
            g.fillText(cmd, x0 + 4, y0 + bh / 2 - size * 0.65);
            g.fillText(reply, x0 + 4, y0 + bh / 2 + size * 0.65);
        } else {
            g.fillText(fit(cmd + " " + reply, f, width), x0 + 4, y0 + bh / 2);
        }
    }

    /** Breaks text at spaces (and inside over-long words) into lines that fit the width. */
    static List<String> wrap(String s, Font f, double width) {
        List<String> out = new ArrayList<>();
        Text t = new Text();
        t.setFont(f);
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            t.setText(candidate);
            if (t.getLayoutBounds().getWidth() <= width) {
                line = new StringBuilder(candidate);
                continue;
            }
            if (line.length() > 0) out.add(line.toString());
            // a word longer than the box is cut into pieces that fit
            String rest = word;
            while (true) {
                t.setText(rest);
                if (t.getLayoutBounds().getWidth() <= width || rest.length() <= 1) break;
                int n = rest.length() - 1;
                while (n > 1) {
                    t.setText(rest.substring(0, n));
                    if (t.getLayoutBounds().getWidth() <= width) break;
                    n--;
                }
                out.add(rest.substring(0, n));
                rest = rest.substring(n);
            }
            line = new StringBuilder(rest);
        }
        if (line.length() > 0) out.add(line.toString());
        return out;
    }

    private static String fit(String s, Font f, double width) {
        Text t = new Text(s);
        t.setFont(f);
        if (t.getLayoutBounds().getWidth() <= width) return s;
        int n = s.length();
        while (n > 1) {
            n = (int) (n * 0.85);
            t.setText(s.substring(0, n) + "…");
            if (t.getLayoutBounds().getWidth() <= width) return s.substring(0, n) + "…";
        }
        return "";
    }

    private static final HerdRace.Kind[] LEGEND = {HerdRace.Kind.GET_MISS, HerdRace.Kind.GET_HIT, HerdRace.Kind.LOCK_WON,
            HerdRace.Kind.LOCK_LOST, HerdRace.Kind.DB_LOAD, HerdRace.Kind.SET_VALUE, HerdRace.Kind.RELEASED, HerdRace.Kind.NOT_OWNER,
            HerdRace.Kind.ERROR};
    private static final String[] LEGEND_NAMES = {"GET miss", "GET hit", "lock won", "lock taken", "database load", "SET value",
            "lock released", "not the owner", "failed (no reply)"};
    private static final Font LEGEND_FONT = Font.font("DejaVu Sans", 11);
    private static final double LEGEND_LINE = 16;

    private static double[] legendWidths;

    /** Each legend entry's width (the mark, the name, the gap), measured once. FX thread. */
    private static double[] itemWidths() {
        if (legendWidths == null) {
            legendWidths = new double[LEGEND_NAMES.length];
            Text t = new Text();
            t.setFont(LEGEND_FONT);
            for (int i = 0; i < LEGEND_NAMES.length; i++) {
                t.setText(LEGEND_NAMES[i]);
                legendWidths[i] = 16 + t.getLayoutBounds().getWidth() + 14;
            }
        }
        return legendWidths;
    }

    /** The legend's height at this width: its entries wrap onto as many lines as they need. */
    private static double legendHeight(double width) {
        int lines = 1;
        double x = 0;
        for (double item : itemWidths()) {
            if (x > 0 && x + item > width) {
                lines++;
                x = 0;
            }
            x += item;
        }
        return lines * LEGEND_LINE;
    }

    private static void legend(GraphicsContext g, Palette p, double x, double top, double width) {
        g.setFont(LEGEND_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double cx = x;
        double y = top + LEGEND_LINE / 2;
        for (int i = 0; i < LEGEND.length; i++) {
            double item = itemWidths()[i];
            if (cx > x && cx + item > x + width) {
                cx = x;
                y += LEGEND_LINE;
            }
            Color c = colour(p, LEGEND[i]);
            g.setFill(c.deriveColor(0, 1, 1, 0.35));
            g.fillRect(cx, y - 5, 12, 10);
            g.setStroke(c);
            g.setLineWidth(1);
            g.strokeRect(cx, y - 5, 12, 10);
            g.setFill(p.muted());
            g.fillText(LEGEND_NAMES[i], cx + 16, y);
            cx += item;
        }
    }
}
