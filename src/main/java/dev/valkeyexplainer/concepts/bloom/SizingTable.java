package dev.valkeyexplainer.concepts.bloom;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * The talk's capacity figures, from the formula (not measured): items that fit in 128 MiB and 512 MiB
 * of bits at 1 % and 0.1 %, with the best k. 128 MiB is also valkey-bloom's default memory limit per
 * filter ({@code bloom-memory-usage-limit}).
 */
public final class SizingTable extends GridPane {

    static final long MIB = 1024L * 1024;
    static final double[] RATES = {0.01, 0.001};
    static final long[] SIZES = {128 * MIB, 512 * MIB};

    public SizingTable() {
        setHgap(14);
        setVgap(4);
        getStyleClass().add("bloom-sizing");
        add(head("Memory for bits"), 0, 0);
        for (int c = 0; c < RATES.length; c++) {
            add(head(String.format(Locale.ROOT, "at %s (%.3f bits/item, k %d)", BloomInput.percent(RATES[c]),
                    BloomMath.bitsPerItem(RATES[c]), Math.round(-Math.log(RATES[c]) / Math.log(2)))), c + 1, 0);
        }
        for (int r = 0; r < SIZES.length; r++) {
            add(new Label(SIZES[r] / MIB + " MiB"), 0, r + 1);
            for (int c = 0; c < RATES.length; c++) {
                Label l = new Label(millions(BloomMath.capacity(SIZES[r], RATES[c])));
                l.setId("bloom-size-" + SIZES[r] / MIB + "-" + c);
                add(l, c + 1, r + 1);
            }
        }
    }

    /** 112,021,480 → "112 M items" (whole millions, rounded down, as the talk says them). */
    static String millions(long items) {
        return String.format(Locale.ROOT, "%,d M items", items / 1_000_000);
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stat-caption");
        l.setWrapText(true);
        return l;
    }
}
