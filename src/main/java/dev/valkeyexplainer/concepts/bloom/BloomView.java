package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.concept.Palette;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The tab's visual: a line naming the filter on screen, its sub-filters ({@link FilterStack}), the bits
 * of one of them ({@link BitGrid}), and underneath the walk through the last operation, the experiment,
 * or the valkey-bloom module side by side.
 */
public final class BloomView extends VBox {

    final Label keyLine = new Label();
    final FilterStack stack;
    final BitGrid grid;
    final WalkPanel walk;
    final ExperimentCard experiment;
    final ModulePanel module;
    final ToggleButton showWalk = new ToggleButton("The walk");
    final ToggleButton showExperiment = new ToggleButton("Experiment");
    final ToggleButton showModule = new ToggleButton("valkey-bloom");
    private final BloomModel model;

    public BloomView(ObjectProperty<Palette> palette, BloomModel model) {
        super(6);
        this.model = model;
        getStyleClass().add("bloom-view");
        setMinWidth(200);
        stack = new FilterStack(palette, model);
        grid = new BitGrid(palette, model);
        walk = new WalkPanel(model);
        experiment = new ExperimentCard(palette, model);
        module = new ModulePanel(model);

        keyLine.setId("bloom-key-line");
        keyLine.getStyleClass().add("bloom-key-line");
        keyLine.setMinWidth(0);
        keyLine.setWrapText(true);
        HBox legend = new HBox(8, legend("■ set", "bloom-legend-set"), legend("■ just flipped", "bloom-legend-flipped"),
                legend("□ probed", "bloom-legend-probed"), legend("□ probed, a 0", "bloom-legend-zero"));
        legend.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane head = new FlowPane(14, 2, keyLine, legend);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinWidth(0);
        keyLine.maxWidthProperty().bind(widthProperty().subtract(20));

        ToggleGroup cards = new ToggleGroup();
        for (ToggleButton b : new ToggleButton[]{showWalk, showExperiment, showModule}) {
            b.setToggleGroup(cards);
            b.getStyleClass().add("small");
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        showWalk.setId("bloom-show-walk");
        showExperiment.setId("bloom-show-experiment");
        showModule.setId("bloom-show-module");
        showWalk.setSelected(true);
        cards.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
        });
        walk.visibleProperty().bind(showWalk.selectedProperty());
        experiment.visibleProperty().bind(showExperiment.selectedProperty());
        module.visibleProperty().bind(showModule.selectedProperty());
        Label underTitle = new Label("Underneath");
        underTitle.getStyleClass().add("panel-title");
        FlowPane underHead = new FlowPane(6, 4, underTitle, showWalk, showExperiment, showModule);
        underHead.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(new StackPane(walk, experiment, module));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinViewportHeight(30);
        scroll.getStyleClass().add("bloom-under-scroll");
        VBox under = new VBox(4, underHead, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        under.getStyleClass().add("panel");
        under.setMinHeight(60);

        VBox top = new VBox(6, stack, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        top.setMinHeight(120);
        SplitPane split = new SplitPane(top, under);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        split.getStyleClass().add("bloom-split");
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(head, split);
        // the experiment's chart needs room; the walk needs the bits
        showExperiment.selectedProperty().addListener((o, a, b) -> split.setDividerPositions(b ? 0.34 : 0.5));
        model.filter.addListener(o -> showKeyLine());
        model.keys.addListener(o -> showKeyLine());
        showKeyLine();
    }

    private static Label legend(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("bloom-legend", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void showKeyLine() {
        BloomKeys k = model.keys.get();
        BloomState.Filter f = model.filter.get();
        if (k == null) return;
        if (f == null || !f.name().equals(k.name())) {
            keyLine.setText(k.meta() + ": reading…");
        } else if (!f.exists()) {
            keyLine.setText(k.meta() + ": not on the server yet (Create makes it)");
        } else {
            long set = f.filters().stream().mapToLong(BloomState.SubFilter::setBits).sum();
            keyLine.setText(String.format(Locale.ROOT, "%s · %s · %,d sub-filter%s · %,d items · %,d of %,d bits set · from the"
                            + " fill, a stranger gets \"maybe\" %s of the time", k.meta(), f.scaling() ? "scaling" : "plain", f.filters().size(),
                    f.filters().size() == 1 ? "" : "s", f.items(), set, f.totalBits(), BloomInput.percent(f.currentRate())));
        }
        keyLine.setTooltip(new Tooltip("HGETALL of the description, BITCOUNT and GETRANGE of each sub-filter's bitmap,"
                + " read after every change and once a second. The chance of a \"maybe\" for an item never added is"
                + " 1 − Π(1 − (set_i / m_i)^k_i) over the sub-filters."));
    }
}
