package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.concept.widgets.CanvasPanel;
import dev.valkeyexplainer.valkey.hll.HllHash;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The 64 bits of one element's hash, bit 63 on the left. Revealed in stages as the add is stepped:
 * the hash, then the low 14 bits that pick the register, then the run of zeros above them that
 * gives the value.
 */
final class HashStrip extends CanvasPanel {

    enum Stage { EMPTY, HASH, INDEX, RUN }

    private String element = "";
    private HllHash hash;
    private Stage stage = Stage.EMPTY;

    HashStrip(ObjectProperty<Palette> palette) {
        super(palette);
        setMinHeight(120);
        setPrefHeight(120);
    }

    void show(String element, HllHash hash, Stage stage) {
        this.element = element;
        this.hash = hash;
        this.stage = stage;
        redraw();
    }

    Stage stage() {
        return stage;
    }

    @Override
    protected void draw(GraphicsContext g, Palette p, double w, double h) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        if (hash == null || stage == Stage.EMPTY) {
            g.setFill(p.muted());
            g.setFont(Font.font("DejaVu Sans", 14));
            // two lines: the strip is narrow beside the form at 1280 × 800
            g.fillText("Type a user name and press Add (or Step)", 14, 14);
            g.fillText("to see how PFADD turns it into one register.", 14, 34);
            return;
        }
        g.setFill(p.text());
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 14));
        g.fillText(String.format(Locale.ROOT, "MurmurHash64A(\"%s\", seed 0xadc83b19) = 0x%016x", element, hash.hash()), 14, 8);

        double left = 14;
        double box = Math.max(6, Math.min(16, (w - 28) / 64.0));
        double top = 34;
        String bits = hash.bits();
        int runEnd = HllHash.P + hash.value() - 1; // bit position of the 1 that ends the run
        for (int col = 0; col < 64; col++) {
            int bit = 63 - col;
            Color fill = p.surface();
            if (stage.compareTo(Stage.INDEX) >= 0 && bit < HllHash.P) fill = p.accent().deriveColor(0, 1, 1, 0.30);
            if (stage == Stage.RUN && bit >= HllHash.P && bit < runEnd) fill = p.warn().deriveColor(0, 1, 1, 0.35);
            if (stage == Stage.RUN && bit == runEnd && bit < 64) fill = p.hit().deriveColor(0, 1, 1, 0.40);
            double x = left + col * box;
            g.setFill(fill);
            g.fillRect(x, top, box - 1, 22);
            g.setFill(p.text());
            g.setFont(Font.font("DejaVu Sans Mono", Math.min(13, box)));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(String.valueOf(bits.charAt(col)), x + (box - 1) / 2, top + 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("DejaVu Sans", 12));
        double y = top + 28;
        g.setFill(p.muted());
        g.fillText("bit 63", left, y);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("bit 0", left + 64 * box, y);
        g.setTextAlign(TextAlignment.LEFT);
        double textX = left;
        Font bold = Font.font("DejaVu Sans", FontWeight.BOLD, 13);
        g.setFont(bold);
        double indexEnd = textX;
        if (stage.compareTo(Stage.INDEX) >= 0) {
            g.setFill(p.accent());
            String s = String.format(Locale.ROOT, "low 14 bits → register %,d (row %d, column %d)", hash.index(),
                    hash.index() / RegisterGrid.SIDE, hash.index() % RegisterGrid.SIDE);
            g.fillText(s, textX, y + 18);
            javafx.scene.text.Text t = new javafx.scene.text.Text(s);
            t.setFont(bold);
            indexEnd = textX + t.getLayoutBounds().getWidth();
        }
        if (stage == Stage.RUN) {
            g.setFill(p.warn().darker());
            if (palette().dark()) g.setFill(p.warn());
            String run = hash.value() == 1 ? "the bit just above them is a 1 → value 1"
                    : String.format(Locale.ROOT, "%d zero bit%s above them, then a 1 → value %d", hash.value() - 1,
                    hash.value() == 2 ? "" : "s", hash.value());
            // beside the index text when there is room, else on the line below it
            if (indexEnd + 24 <= w / 2) g.fillText(run, textX + w / 2, y + 18);
            else g.fillText(run, textX, y + 34);
        }
    }
}
