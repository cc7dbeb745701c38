package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The bit array of one sub-filter as GETRANGE returned it: one cell per bit up to {@link #CELLS_MAX}
 * bits (numbered when there is room), else one cell per run of bits shaded by how many are set. Set
 * bits are filled, bits the last add just flipped are green, bits the last operation probed are ringed
 * (red when the probe found a 0).
 */
public final class BitGrid extends CanvasPanel {

    static final int CELLS_MAX = 4_096;

    private final BloomModel model;

    public BitGrid(ObjectProperty<Palette> palette, BloomModel model) {
        super(palette);
        this.model = model;
        setMinSize(120, 90);
        setPrefSize(640, 300);
        model.filter.addListener(o -> redraw());
        model.marks.addListener(o -> redraw());
        model.shownFilter.addListener(o -> redraw());
    }

    BloomState.SubFilter shown() {
        BloomState.Filter f = model.filter.get();
        if (f == null || !f.exists() || f.filters().isEmpty()) return null;
        int i = Math.min(Math.max(0, model.shownFilter.get()), f.filters().size() - 1);
        return f.filters().get(i);
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("DejaVu Sans", 12));
        BloomState.SubFilter sf = shown();
        if (sf == null) {
            g.setFill(p.muted());
            g.fillText("No filter on the server yet: Create one.", 12, 12);
            return;
        }
        if (sf.bits() == null) {
            g.setFill(p.muted());
            g.fillText(String.format(Locale.ROOT, "%,d bits: too many to draw one by one. BITCOUNT: %,d set (%.1f %%).", sf.m(),
                    sf.setBits(), 100 * sf.fill()), 12, 12);
            return;
        }
        if (sf.m() <= CELLS_MAX) cells(g, p, sf, w, h);
        else density(g, p, sf, w, h);
    }

    /** Columns and cell size so that m square cells fill the area (one row for a small filter, as on the talk's slide). */
    static double[] layout(long m, double w, double h) {
        double pad = 10;
        double aw = Math.max(1, w - 2 * pad);
        double ah = Math.max(1, h - 2 * pad);
        long cols = m <= 16 ? m : (long) Math.ceil(Math.sqrt(m * aw / ah));
        long rows = (m + cols - 1) / cols;
        double size = Math.min(aw / cols, ah / rows);
        if (m <= 16) size = Math.min(size, 64);
        return new double[]{cols, rows, size, pad};
    }

    private void cells(GraphicsContext g, Palette p, BloomState.SubFilter sf, double w, double h) {
        double[] l = layout(sf.m(), w, h - (sf.m() <= 64 ? 16 : 0));
        long cols = (long) l[0];
        double s = l[2];
        double x0 = (w - cols * s) / 2;
        double y0 = l[3];
        BloomModel.Marks marks = model.marks.get();
        boolean numbers = s >= 16;
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, Math.max(9, Math.min(22, s * 0.42))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double gap = s > 8 ? Math.max(1, s * 0.08) : 0;
        for (long i = 0; i < sf.m(); i++) {
            double x = x0 + (i % cols) * s;
            double y = y0 + (i / cols) * s;
            int bit = sf.bit(i);
            boolean flipped = marks.flipped(sf.index(), i);
            boolean probed = marks.probed(sf.index(), i);
            Color fill = flipped ? p.hit() : bit == 1 ? p.accent() : p.background();
            g.setFill(fill);
            g.fillRoundRect(x + gap, y + gap, s - 2 * gap, s - 2 * gap, s > 12 ? 6 : 0, s > 12 ? 6 : 0);
            if (s > 6 && !probed) {
                g.setStroke(p.grid());
                g.setLineWidth(1);
                g.strokeRoundRect(x + gap, y + gap, s - 2 * gap, s - 2 * gap, s > 12 ? 6 : 0, s > 12 ? 6 : 0);
            }
            if (probed) {
                g.setStroke(bit == 0 && !flipped ? p.miss() : p.warn());
                g.setLineWidth(Math.max(2, s * 0.1));
                g.strokeRoundRect(x + gap, y + gap, s - 2 * gap, s - 2 * gap, 6, 6);
            }
            if (numbers) {
                g.setFill(bit == 1 || flipped ? Color.WHITE : p.muted());
                g.fillText(String.valueOf(bit), x + s / 2, y + s / 2);
            }
        }
        if (sf.m() <= 64 && numbers) {
            g.setFont(Font.font("DejaVu Sans", 11));
            g.setFill(p.muted());
            g.setTextBaseline(VPos.TOP);
            for (long i = 0; i < sf.m(); i++) {
                g.fillText(String.valueOf(i), x0 + (i % cols) * s + s / 2, y0 + (i / cols) * s + s + 1);
            }
        }
    }

    private void density(GraphicsContext g, Palette p, BloomState.SubFilter sf, double w, double h) {
        double cell = 4;
        int cols = (int) Math.max(1, (w - 20) / cell);
        int rows = (int) Math.max(1, (h - 20) / cell);
        long per = Math.max(1, (sf.m() + (long) cols * rows - 1) / ((long) cols * rows));
        long cellsUsed = (sf.m() + per - 1) / per;
        double x0 = 10;
        double y0 = 10;
        byte[] bits = sf.bits();
        for (long c = 0; c < cellsUsed; c++) {
            long from = c * per;
            long to = Math.min(sf.m(), from + per);
            int set = 0;
            for (long i = from; i < to; i++) {
                int b = (int) (i >>> 3);
                if (b < bits.length && ((bits[b] >> (7 - (int) (i & 7))) & 1) == 1) set++;
            }
            double f = (double) set / (to - from);
            g.setFill(p.background().interpolate(p.accent(), f));
            g.fillRect(x0 + (c % cols) * cell, y0 + (c / cols) * cell, cell, cell);
        }
        BloomModel.Marks marks = model.marks.get();
        if (marks.filter() == sf.index()) {
            mark(g, marks.probed(), p.warn(), per, cols, cell, x0, y0);
            mark(g, marks.flipped(), p.hit(), per, cols, cell, x0, y0);
        }
        g.setFill(p.muted());
        g.setFont(Font.font("DejaVu Sans", 10));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(String.format(Locale.ROOT, "one square = %,d bits, darker = more of them set", per), w - 10, h - 2);
    }

    private static void mark(GraphicsContext g, int[] positions, Color c, long per, int cols, double cell, double x0, double y0) {
        g.setStroke(c);
        g.setLineWidth(2);
        for (int pos : positions) {
            long idx = pos / per;
            double x = x0 + (idx % cols) * cell + cell / 2;
            double y = y0 + (idx / cols) * cell + cell / 2;
            g.strokeOval(x - 6, y - 6, 12, 12);
        }
    }
}
