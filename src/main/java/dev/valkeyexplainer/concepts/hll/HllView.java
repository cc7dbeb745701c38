package dev.valkeyexplainer.concepts.hll;

import static dev.valkeyexplainer.concept.ConceptPane.caption;

import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.Palette;
import dev.valkeyexplainer.valkey.hll.HllState;
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
 * The HyperLogLog tab's drawing: the hash strip on top; below it the register grid, the figures read
 * from the server, and the panel of the current mode (step explanation, merge table, experiment).
 */
final class HllView extends VBox {

    final HashStrip strip;
    final RegisterGrid grid;
    final ExperimentChart chart;
    final Label keyLabel = stat();
    final Label encoding = stat();
    final Label size = stat();
    final Label setRegisters = stat();
    final Label pfcount = stat();
    final Label recomputed = stat();
    final Label exact = stat();
    final Label hover = new Label("Hover over the grid to read a register.");
    final Label error = new Label();
    final Label stepHeadline = new Label();
    final Label stepDetail = new Label();
    final GridPane mergeTable = new GridPane();
    final Label mergeResult = new Label();
    final Label experimentResult = new Label();
    final Label memorySet = new Label();
    final Label memoryHll = new Label();
    final Region barSet = new Region();
    final Region barHll = new Region();
    final VBox addPanel;
    final VBox mergePanel;
    final VBox experimentPanel;
    private final StackPane modePanel = new StackPane();

    HllView(ObjectProperty<Palette> palette) {
        getStyleClass().add("hll-view");
        setSpacing(10);
        strip = new HashStrip(palette);
        grid = new RegisterGrid(palette);
        chart = new ExperimentChart(palette);
        grid.onHover(i -> hover.setText(i < 0 ? "Hover over the grid to read a register."
                : String.format(Locale.ROOT, "Register %,d (row %d, column %d) = %d", i, i / RegisterGrid.SIDE,
                i % RegisterGrid.SIDE, grid.registers()[i])));

        VBox figures = new VBox(6, caption("Key"), keyLabel, caption("Encoding on the server"), encoding, caption("Raw size"),
                size, caption("Registers set"), setRegisters, caption("PFCOUNT"), pfcount,
                caption("Recomputed from the registers"), recomputed, caption("Exact count"), exact, legend(palette),
                hover);
        figures.getStyleClass().add("hll-figures");
        figures.setMinWidth(190);
        figures.setPrefWidth(250);
        hover.setWrapText(true);
        hover.getStyleClass().add("muted");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());

        stepHeadline.getStyleClass().add("step-headline");
        stepHeadline.setWrapText(true);
        stepDetail.setWrapText(true);
        addPanel = panel("Adding one user, step by step", stepHeadline, stepDetail);
        mergeTable.getStyleClass().add("merge-table");
        mergeTable.setHgap(14);
        mergeTable.setVgap(4);
        mergeResult.setWrapText(true);
        mergeResult.getStyleClass().add("step-headline");
        mergePanel = panel("PFMERGE: register-by-register maximum", mergeResult, mergeTable);
        experimentResult.setWrapText(true);
        barSet.getStyleClass().add("bar-set");
        barHll.getStyleClass().add("bar-hll");
        VBox memory = new VBox(4, memorySet, barSet, memoryHll, barHll);
        VBox.setVgrow(chart, Priority.ALWAYS);
        experimentPanel = panel("The experiment: a Set vs a HyperLogLog", experimentResult, chart, memory);
        modePanel.getChildren().addAll(addPanel, mergePanel, experimentPanel);
        HBox.setHgrow(modePanel, Priority.ALWAYS);
        HBox row = new HBox(12, grid, figures, modePanel);
        // the grid stays square and as tall as the row
        grid.prefWidthProperty().bind(javafx.beans.binding.Bindings.min(row.heightProperty(), 470));
        grid.minWidthProperty().bind(javafx.beans.binding.Bindings.min(row.heightProperty(), 220));
        modePanel.setMinWidth(300);
        modePanel.setPrefWidth(400); // wrapped labels would otherwise ask for their whole text's width
        HBox.setHgrow(grid, Priority.NEVER);
        VBox.setVgrow(row, Priority.ALWAYS);
        getChildren().addAll(error, strip, row);
        for (Label l : new Label[]{stepHeadline, stepDetail, mergeResult, experimentResult, error, hover}) {
            l.setMinHeight(Region.USE_PREF_SIZE); // wrapped text gets its height, never an ellipsis
        }
        history.getStyleClass().add("hll-history");
        addPanel.getChildren().addAll(historyTitle, history);
        historyTitle.getStyleClass().add("stat-caption");
        showMode(Mode.ADD);
    }

    final Label historyTitle = new Label("Added so far");
    final VBox history = new VBox(2);

    /** One line per completed add, newest first, at most 8. */
    void addHistory(String line, boolean ok) {
        Label l = new Label(line);
        l.getStyleClass().add(ok ? "history-ok" : "error-text");
        history.getChildren().add(0, l);
        if (history.getChildren().size() > 8) history.getChildren().remove(8);
    }

    enum Mode { ADD, MERGE, EXPERIMENT }

    void showMode(Mode m) {
        strip.setVisible(m == Mode.ADD);
        strip.setManaged(m == Mode.ADD);
        addPanel.setVisible(m == Mode.ADD);
        mergePanel.setVisible(m == Mode.MERGE);
        experimentPanel.setVisible(m == Mode.EXPERIMENT);
    }

    void showState(String key, HllState s, Long lastPfcount, Long exactCount) {
        error.setVisible(false);
        keyLabel.setText(key);
        if (s.byteLength() == 0) {
            encoding.setText("(key does not exist yet)");
            size.setText("0 bytes");
        } else {
            encoding.setText(s.encoding() == HllState.Encoding.SPARSE
                    ? String.format(Locale.ROOT, "sparse: %,d opcodes", s.sparseOpcodes()) : "dense: 6 bits × 16,384");
            size.setText(String.format(Locale.ROOT, "%,d bytes", s.byteLength()));
        }
        setRegisters.setText(String.format(Locale.ROOT, "%,d of 16,384, max %d", s.nonZeroRegisters(), s.maxRegister()));
        pfcount.setText(lastPfcount == null ? (s.cacheValid() && s.byteLength() > 0
                ? String.format(Locale.ROOT, "%,d (header cache)", s.cachedCardinality()) : "–")
                : String.format(Locale.ROOT, "%,d", lastPfcount));
        long est = s.estimate();
        boolean same = lastPfcount == null || lastPfcount == est;
        recomputed.setText(String.format(Locale.ROOT, "%,d %s", est, same ? "✓ = PFCOUNT" : "✗ ≠ PFCOUNT"));
        if (exactCount == null) exact.setText("–");
        else {
            double err = exactCount == 0 ? 0 : 100.0 * (est - exactCount) / exactCount;
            exact.setText(String.format(Locale.ROOT, "%,d (SCARD), error %+.2f%%", exactCount, err));
        }
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private Region legend(ObjectProperty<Palette> palette) {
        HBox ramp = new HBox(0);
        for (int v = 0; v <= RegisterGrid.MAX_COLOUR_VALUE; v++) {
            Rectangle r = new Rectangle(11, 12, RegisterGrid.colour(palette.get(), v));
            int value = v;
            palette.addListener((o, a, b) -> r.setFill(RegisterGrid.colour(b, value)));
            ramp.getChildren().add(r);
        }
        Label l = new Label("colour = register value: 0 … 16+");
        l.getStyleClass().add("muted");
        return new VBox(2, ramp, l);
    }

    private static Label stat() {
        Label l = new Label("–");
        l.getStyleClass().add("hll-stat");
        l.setWrapText(true);
        return l;
    }

    private static VBox panel(String title, javafx.scene.Node... nodes) {
        VBox box = ConceptPane.panel(title, nodes);
        box.setSpacing(8);
        box.setMinWidth(280);
        return box;
    }
}
