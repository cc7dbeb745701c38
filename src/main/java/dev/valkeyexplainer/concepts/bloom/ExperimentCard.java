package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.concept.Palette;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The experiment's results: the false-positive chart, the measured rate against the theory, MEMORY
 * USAGE of the bitmap against a Set of the same members, and the sizing table from the formula.
 */
public final class ExperimentCard extends VBox {

    final FpChart chart;
    final Label result = new Label("Run the experiment: N members in, M strangers tested.");
    final Label memoryFilter = new Label();
    final Label memorySet = new Label();
    final Region barFilter = new Region();
    final Region barSet = new Region();

    public ExperimentCard(ObjectProperty<Palette> palette, BloomModel model) {
        super(6);
        chart = new FpChart(palette, model);
        result.setId("bloom-experiment-result");
        result.setWrapText(true);
        barFilter.getStyleClass().add("bloom-bar-filter");
        barSet.getStyleClass().add("bloom-bar-set");
        VBox memory = new VBox(3, caption("Memory (MEMORY USAGE, after the run)"), new HBox(6, barSet, memorySet),
                new HBox(6, barFilter, memoryFilter));
        Label sizingNote = caption("Sizing from the formula −ln p / (ln 2)² bits per item (not measured): the talk's figures");
        getChildren().addAll(chart, result, memory, sizingNote, new SizingTable());
        model.experiment.addListener((o, a, r) -> show(r));
        model.progress.addListener((o, a, p) -> {
            if (p != null && p.done() < p.total()) {
                result.setText(String.format(Locale.ROOT, "%s… %,d of %,d", p.phase(), p.done(), p.total()));
            }
        });
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stat-caption");
        l.setWrapText(true);
        return l;
    }

    static String describe(Experiment.Result r) {
        return String.format(Locale.ROOT, "m = %,d bits, k = %d, N = %,d members, M = %,d strangers: %,d false positives ="
                        + " %.3f %% measured vs %.3f %% from (1 − e^(−kN/m))^k (5σ band ±%.3f %%) %s. %,d of %,d bits set"
                        + " (BITCOUNT); %,d members were \"maybe there\" already when added. %.1f s.",
                r.m(), r.k(), r.n(), r.probes(), r.positives(), 100 * r.measured(), 100 * r.theory(), 100 * r.band(),
                r.agrees() ? "✓ within the band" : "✗ outside the band", r.setBits(), r.m(), r.presentOnAdd(), r.micros() / 1e6);
    }

    private void show(Experiment.Result r) {
        if (r == null) return;
        result.setText(describe(r));
        long filter = r.bitmapBytes() + r.metaBytes();
        double max = Math.max(1, Math.max(filter, r.setBytes()));
        memoryFilter.setText(String.format(Locale.ROOT, "Bloom filter: %s (bitmap %s + description %s)", bytes(filter),
                bytes(r.bitmapBytes()), bytes(r.metaBytes())));
        memorySet.setText(r.setBytes() > 0 ? String.format(Locale.ROOT, "Set of the same %,d members: %s → the filter saves %.1f %%",
                r.n(), bytes(r.setBytes()), 100 * r.saving()) : "No Set this run.");
        barFilter.setPrefWidth(Math.max(2, 220 * filter / max));
        barSet.setPrefWidth(Math.max(2, 220 * r.setBytes() / max));
        barFilter.setMinWidth(Region.USE_PREF_SIZE);
        barSet.setMinWidth(Region.USE_PREF_SIZE);
    }

    static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        return String.format(Locale.ROOT, "%.2f MiB", b / (1024.0 * 1024));
    }
}
