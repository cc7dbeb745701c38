package dev.valkeyexplainer.concepts.hll;

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
    private final HllFigures figures;
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
        figures = new HllFigures(palette);
        grid.onHover(i -> figures.hover.setText(i < 0 ? "Hover over the grid to read a register."
                : String.format(Locale.ROOT, "Register %,d (row %d, column %d) = %d", i, i / RegisterGrid.SIDE,
                i % RegisterGrid.SIDE, grid.registers()[i])));
        error.setId("hllError");
        experimentResult.setId("hllExperimentResult");
        memorySet.setId("hllMemorySet");
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
        // the grid stays square: as tall as the row allows, leaving the mode panel its minimum width
        modePanel.setMinWidth(MODE_MIN_WIDTH);
        modePanel.setPrefWidth(380); // wrapped labels would otherwise ask for their whole text's width
        var side = javafx.beans.binding.Bindings.min(javafx.beans.binding.Bindings.min(row.heightProperty(),
                row.widthProperty().subtract(MODE_MIN_WIDTH + 12)), 470);
        grid.prefWidthProperty().bind(side);
        grid.maxWidthProperty().bind(side);
        grid.setMinSize(160, 160);
        HBox.setHgrow(grid, Priority.NEVER);
        VBox.setVgrow(row, Priority.ALWAYS);
        getChildren().addAll(error, strip, figures.cards, figures.overflow, row);
        showMode(Mode.ADD);
    }

    static final double MODE_MIN_WIDTH = 300;

    static Label note(String style) {
        Label l = new Label();
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrapped text gets its height, never an ellipsis
        if (style != null) l.getStyleClass().add(style);
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
        figures.showDamage(d);
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
        if (!Arrays.equals(s.state().registers(), grid.registers())) grid.show(s.state().registers());
        figures.show(s);
    }

    String recomputedText() {
        return figures.recomputedText();
    }

    String pfcountText() {
        return figures.pfcountText();
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
}
