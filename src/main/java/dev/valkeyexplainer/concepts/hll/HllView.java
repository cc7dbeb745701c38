package dev.valkeyexplainer.concepts.hll;

import static dev.valkeyexplainer.concept.ConceptPane.caption;

import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.valkey.hll.HllState;
import java.util.Arrays;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The HyperLogLog concept's drawing: the hash strip on top; below it the register grid, the figures read
 * from the server, and the panel of the current mode (step explanation, merge table, experiment). It
 * draws snapshots (registers and PFCOUNT of one moment) in the order they were asked for: an older
 * reading that arrives late never replaces a newer one.
 */
final class HllView extends VBox {

    enum Mode { ADD, MERGE, EXPERIMENT }

    final HashStrip strip;
    final RegisterGrid grid;
    final ExperimentChart chart;
    private final Label keyLabel = stat();
    private final Label encoding = stat();
    private final Label size = stat();
    private final Label setRegisters = stat();
    private final Label pfcount = stat();
    private final Label recomputed = stat();
    private final Label exact = stat();
    private final Label overflow = note("muted");
    private final Label hover = note("muted");
    private final Label error = note("error-text");
    private final Label stepHeadline = note("step-headline");
    private final Label stepDetail = note(null);
    private final Label historyTitle = new Label("Added so far");
    private final VBox history = new VBox(2);
    private final GridPane mergeTable = new GridPane();
    private final Label mergeResult = note("step-headline");
    private final Label experimentResult = note(null);
    private final Label memorySet = new Label();
    private final Label memoryHll = new Label();
    private final Region barSet = new Region();
    private final Region barHll = new Region();
    private final VBox addPanel;
    private final VBox mergePanel;
    private final VBox experimentPanel;
    private long shownSeq;

    HllView(ObjectProperty<Palette> palette) {
        getStyleClass().add("hll-view");
        setSpacing(10);
        strip = new HashStrip(palette);
        grid = new RegisterGrid(palette);
        chart = new ExperimentChart(palette);
        hover.setText("Hover over the grid to read a register.");
        hover.setMaxWidth(220);
        grid.onHover(i -> hover.setText(i < 0 ? "Hover over the grid to read a register."
                : String.format(Locale.ROOT, "Register %,d (row %d, column %d) = %d", i, i / RegisterGrid.SIDE,
                i % RegisterGrid.SIDE, grid.registers()[i])));
        overflow.setVisible(false);
        overflow.managedProperty().bind(overflow.visibleProperty());
        // ids for tests (and for a stylesheet) on the figures a check reads
        pfcount.setId("hllPfcount");
        recomputed.setId("hllRecomputed");
        overflow.setId("hllOverflow");
        error.setId("hllError");
        experimentResult.setId("hllExperimentResult");
        memorySet.setId("hllMemorySet");
        // the figures read from the server, as small cards that wrap: the grid gets the width
        javafx.scene.layout.FlowPane figures = new javafx.scene.layout.FlowPane(14, 6, figure("Key", keyLabel),
                figure("Encoding on the server", encoding), figure("Raw size", size), figure("Registers set", setRegisters),
                figure("PFCOUNT (the server's reply)", pfcount), figure("Recomputed from the registers", recomputed),
                figure("Exact count", exact), figure("Colour = register value", legend(palette)), hover);
        figures.getStyleClass().add("hll-figures");
        figures.setPrefWrapLength(600);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());

        historyTitle.getStyleClass().add("stat-caption");
        history.getStyleClass().add("hll-history");
        addPanel = panel("Adding one user, step by step", stepHeadline, stepDetail, historyTitle, history);
        mergeTable.getStyleClass().add("merge-table");
        mergeTable.setHgap(14);
        mergeTable.setVgap(4);
        mergePanel = panel("PFMERGE: register-by-register maximum", mergeResult, mergeTable);
        barSet.getStyleClass().add("bar-set");
        barHll.getStyleClass().add("bar-hll");
        VBox memory = new VBox(4, memorySet, barSet, memoryHll, barHll);
        VBox.setVgrow(chart, Priority.ALWAYS);
        experimentPanel = panel("A Set vs a HyperLogLog", experimentResult, chart, memory);
        StackPane modePanel = new StackPane(addPanel, mergePanel, experimentPanel);
        HBox.setHgrow(modePanel, Priority.ALWAYS);
        HBox row = new HBox(12, grid, modePanel);
        // the grid stays square: as tall as the row allows (minus the legend), leaving the mode panel its minimum
        modePanel.setMinWidth(MODE_MIN_WIDTH);
        modePanel.setPrefWidth(380); // wrapped labels would otherwise ask for their whole text's width
        var side = javafx.beans.binding.Bindings.min(javafx.beans.binding.Bindings.min(row.heightProperty(),
                row.widthProperty().subtract(MODE_MIN_WIDTH + 12)), 470);
        grid.prefWidthProperty().bind(side);
        grid.maxWidthProperty().bind(side);
        grid.setMinSize(160, 160);
        HBox.setHgrow(grid, Priority.NEVER);
        VBox.setVgrow(row, Priority.ALWAYS);
        getChildren().addAll(error, strip, figures, overflow, row);
        showMode(Mode.ADD);
    }

    static final double MODE_MIN_WIDTH = 300;

    private static VBox figure(String title, javafx.scene.Node value) {
        VBox box = new VBox(1, caption(title), value);
        box.getStyleClass().add("hll-figure");
        return box;
    }

    private static Label note(String style) {
        Label l = new Label();
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrapped text gets its height, never an ellipsis
        if (style != null) l.getStyleClass().add(style);
        return l;
    }

    private static Label stat() {
        Label l = note("hll-stat");
        l.setText("–");
        return l;
    }

    private static VBox panel(String title, javafx.scene.Node... nodes) {
        VBox box = ConceptPane.panel(title, nodes);
        box.setSpacing(8);
        box.setMinWidth(260);
        return box;
    }

    void showMode(Mode m) {
        strip.setVisible(m == Mode.ADD);
        strip.setManaged(m == Mode.ADD);
        addPanel.setVisible(m == Mode.ADD);
        mergePanel.setVisible(m == Mode.MERGE);
        experimentPanel.setVisible(m == Mode.EXPERIMENT);
    }

    // ------------------------------------------------------------------ the key on the grid

    /** A poll's reading of {@code viewedKey}'s key; readings of another key, or older ones, are ignored. */
    void show(HllModel.Reading r, String viewedKey) {
        if (!r.key().equals(viewedKey)) return;
        if (r.damage() != null) showDamage(r.damage());
        else show(r.snapshot());
    }

    void showDamage(HllDamage d) {
        error.setText(d.getMessage());
        error.setVisible(true);
        keyLabel.setText(d.key());
        for (Label l : new Label[]{encoding, size, setRegisters, pfcount, recomputed, exact}) l.setText("–");
        overflow.setVisible(false);
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** The figures and the grid of one snapshot, unless a newer one is on screen already. */
    void show(HllSnapshot s) {
        if (s.seq() < shownSeq) return;
        shownSeq = s.seq();
        error.setVisible(false);
        HllState st = s.state();
        if (!Arrays.equals(st.registers(), grid.registers())) grid.show(st.registers());
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

    String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    // ------------------------------------------------------------------ adding a user

    void showAdd(AddScenario.View v) {
        showMode(Mode.ADD);
        stepHeadline.setText("Step " + v.step() + " of " + AddScenario.STEPS + ": " + v.headline());
        stepDetail.setText(v.detail());
        HashStrip.Stage stage = v.step() <= 1 ? HashStrip.Stage.HASH : v.step() == 2 ? HashStrip.Stage.INDEX : HashStrip.Stage.RUN;
        strip.show(v.name(), v.hash(), stage);
        if (v.step() >= 2) grid.highlight(v.hash().index(), false);
        if (v.after() == null) return;
        HllSnapshot after = v.after();
        Label l = new Label(String.format(Locale.ROOT, "%s → register %,d, value %d, PFADD %d %s", v.name(), v.hash().index(),
                v.hash().value(), v.reply() ? 1 : 0, v.checkPassed() ? "✓" : "✗"));
        l.getStyleClass().add(v.checkPassed() ? "history-ok" : "error-text");
        history.getChildren().add(0, l);
        if (history.getChildren().size() > 8) history.getChildren().remove(8);
        show(after);
        grid.highlight(v.hash().index(), after.state().register(v.hash().index()) > v.before());
    }

    void clearAdd() {
        strip.show("", null, HashStrip.Stage.EMPTY);
        history.getChildren().clear();
        stepHeadline.setText("");
        stepDetail.setText("");
        grid.highlight(-1, false);
    }

    // ------------------------------------------------------------------ merge

    void showMerge(MergeScenario.Result r) {
        showMode(Mode.MERGE);
        grid.highlight(-1, false);
        show(r.merged());
        grid.sweep(r.game1().state().registers(), r.merged().state().registers());
        mergeTable.getChildren().clear();
        String[] heads = {"Register", "Game 1", "Game 2", "Merged = max"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("stat-caption");
            mergeTable.add(h, c, 0);
        }
        int row = 1;
        HllState g1 = r.game1().state();
        HllState g2 = r.game2().state();
        HllState all = r.merged().state();
        for (int i = 0; i < all.registers().length; i++) {
            int a = g1.register(i);
            int b = g2.register(i);
            if (a == 0 && b == 0 && all.register(i) == 0) continue;
            mergeTable.add(new Label(String.format(Locale.ROOT, "%,d", i)), 0, row);
            mergeTable.add(new Label(String.valueOf(a)), 1, row);
            mergeTable.add(new Label(String.valueOf(b)), 2, row);
            Label merged = new Label(all.register(i) + (all.register(i) == Math.max(a, b) ? " ✓" : " ✗"));
            merged.getStyleClass().add("hll-stat");
            mergeTable.add(merged, 3, row++);
        }
        mergeResult.setText(r.summary());
    }

    // ------------------------------------------------------------------ experiment

    /** A new run: nothing of the previous one stays on screen. */
    void experimentStarted(long users) {
        showMode(Mode.EXPERIMENT);
        chart.show(null);
        experimentResult.getStyleClass().remove("error-text");
        experimentResult.setText(String.format(Locale.ROOT, "Adding %,d users…", users));
        memorySet.setText("");
        memoryHll.setText("");
        barSet.setPrefWidth(0);
        barHll.setPrefWidth(0);
    }

    void showProgress(Experiment.Progress p) {
        chart.show(p);
        experimentResult.getStyleClass().remove("error-text");
        if (p.stopped()) {
            experimentResult.getStyleClass().add("error-text");
            experimentResult.setText("Stopped: " + p.error());
            return;
        }
        Experiment.Point last = p.last();
        if (last == null) return;
        String status = p.cancelled() ? "Cancelled at " : p.finished() ? "Done: " : "Adding… ";
        experimentResult.setText(String.format(Locale.ROOT, "%s%,d users. PFCOUNT %,d vs exact %,d (SCARD): error %+.3f%%."
                        + " Encoding: %s%s.", status, last.exact(), last.estimate(), last.exact(), 100 * last.relativeError(),
                last.hllBytes() >= Experiment.DENSE_BYTES ? "dense" : "sparse, " + last.hllBytes() + " bytes",
                p.switchedAt() > 0 ? String.format(Locale.ROOT, " (switched to dense at %,d users, after %,d sparse bytes)",
                        p.switchedAt(), p.lastSparseBytes()) : ""));
        if (!p.finished()) return;
        double max = Math.max(1, Math.max(p.setBytes(), p.hllBytes()));
        memorySet.setText(String.format(Locale.ROOT, "Set: %s (MEMORY USAGE)", bytes(p.setBytes())));
        memoryHll.setText(String.format(Locale.ROOT, "HyperLogLog: %s, %.0f× smaller", bytes(p.hllBytes()),
                p.setBytes() / (double) Math.max(1, p.hllBytes())));
        for (Region bar : new Region[]{barSet, barHll}) {
            double w = Math.max(2, 380 * (bar == barSet ? p.setBytes() : p.hllBytes()) / max);
            bar.setPrefWidth(w);
            bar.setMaxWidth(w);
        }
    }

    void experimentFailed(String message) {
        experimentResult.getStyleClass().add("error-text");
        experimentResult.setText("Stopped: " + message);
    }

    String experimentText() {
        return experimentResult.getText();
    }

    static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
    }

    private Region legend(ObjectProperty<Palette> palette) {
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
