package dev.valkeyexplainer.concepts.hll;

import static dev.valkeyexplainer.concept.ConceptPane.caption;

import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.valkey.hll.HllState;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The figures read from the server for the key on the grid, as small cards that wrap (so the grid gets
 * the width): key, encoding, size, registers set, PFCOUNT as the server replied it, the estimate
 * recomputed from the decoded registers, and the exact count. When the registers are so high that the
 * estimate passes 2^63, a note under the cards explains the server's negative PFCOUNT.
 */
final class HllFigures {

    final FlowPane cards;
    final Label overflow = HllView.note("muted");
    final Label hover = HllView.note("muted");
    private final Label keyLabel = stat();
    private final Label encoding = stat();
    private final Label size = stat();
    private final Label setRegisters = stat();
    private final Label pfcount = stat();
    private final Label recomputed = stat();
    private final Label exact = stat();

    HllFigures(ObjectProperty<Palette> palette) {
        hover.setText("Hover over the grid to read a register.");
        hover.setMaxWidth(220);
        overflow.setVisible(false);
        overflow.managedProperty().bind(overflow.visibleProperty());
        // ids for tests (and for a stylesheet) on the figures a check reads
        pfcount.setId("hllPfcount");
        recomputed.setId("hllRecomputed");
        overflow.setId("hllOverflow");
        cards = new FlowPane(14, 6, figure("Key", keyLabel), figure("Encoding on the server", encoding), figure("Raw size", size),
                figure("Registers set", setRegisters), figure("PFCOUNT (the server's reply)", pfcount),
                figure("Recomputed from the registers", recomputed), figure("Exact count", exact),
                figure("Colour = register value", legend(palette)), hover);
        cards.getStyleClass().add("hll-figures");
        cards.setPrefWrapLength(600);
    }

    private static Label stat() {
        Label l = HllView.note("hll-stat");
        l.setText("–");
        return l;
    }

    private static VBox figure(String title, Node value) {
        VBox box = new VBox(1, caption(title), value);
        box.getStyleClass().add("hll-figure");
        return box;
    }

    void showDamage(HllDamage d) {
        keyLabel.setText(d.key());
        for (Label l : new Label[]{encoding, size, setRegisters, pfcount, recomputed, exact}) l.setText("–");
        overflow.setVisible(false);
    }

    void show(HllSnapshot s) {
        HllState st = s.state();
        keyLabel.setText(s.key());
        if (st.byteLength() == 0) {
            encoding.setText("(key does not exist yet)");
            size.setText("0 bytes");
        } else {
            encoding.setText(st.encoding() == HllState.Encoding.SPARSE
                    ? String.format(Locale.ROOT, "sparse: %,d opcodes", st.sparseOpcodes()) : "dense: 6 bits × 16,384");
            size.setText(String.format(Locale.ROOT, "%,d bytes", st.byteLength()));
        }
        setRegisters.setText(String.format(Locale.ROOT, "%,d of 16,384, max %d", st.nonZeroRegisters(), st.maxRegister()));
        pfcount.setText(String.format(Locale.ROOT, "%,d", s.pfcount()));
        if (s.overflowed()) {
            recomputed.setText("2^63 or more: too big for a 64-bit integer");
            overflow.setText(String.format(Locale.ROOT, "Registers up to %d give an estimate of at least 2^63"
                    + " (9.2 × 10^18), more than a signed 64-bit integer holds. hyperloglog.c rounds it with llroundl() into"
                    + " a long long, which overflows, so PFCOUNT replies %,d: an overflow, not a count. Real data never"
                    + " gets here: registers this high take about 2^63 distinct elements.", st.maxRegister(), s.pfcount()));
            overflow.setVisible(true);
        } else {
            recomputed.setText(String.format(Locale.ROOT, "%,d %s", s.recomputed(), s.agrees() ? "✓ = PFCOUNT" : "✗ ≠ PFCOUNT"));
            overflow.setVisible(false);
        }
        if (s.exact() == null) {
            exact.setText("–");
        } else {
            long n = s.exact();
            double err = n == 0 ? 0 : 100.0 * (s.pfcount() - n) / n;
            exact.setText(String.format(Locale.ROOT, "%,d (SCARD), error %+.2f%%", n, err));
        }
    }

    String recomputedText() {
        return recomputed.getText();
    }

    String pfcountText() {
        return pfcount.getText();
    }

    private static Region legend(ObjectProperty<Palette> palette) {
        HBox ramp = new HBox(0);
        for (int v = 0; v <= RegisterGrid.MAX_COLOUR_VALUE; v++) {
            Rectangle r = new Rectangle(11, 12, RegisterGrid.colour(palette.get(), v));
            int value = v;
            palette.addListener((o, a, b) -> r.setFill(RegisterGrid.colour(b, value)));
            ramp.getChildren().add(r);
        }
        Label l = new Label("0 … 16+");
        l.getStyleClass().add("muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, ramp, l);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }
}
