package dev.valkeyexplainer.concepts.bloom;

import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The "Try it" panel ({@code fxml/concepts/bloom/controls.fxml}): reads and checks what was typed
 * ({@link BloomInput}), shows the problem and sends nothing when it is bad, else hands the request to the
 * tab's {@link Handler}.
 */
public final class BloomControlsController {

    /** What the panel asks the tab to run. */
    public interface Handler {
        void mode(int mode);

        void create(long m, int k);

        void createScaling(long capacity, double rate, long expansion, double tightening);

        void add(String item);

        void test(String item);

        void bulk(long n);

        void talk();

        void experiment(long m, long n, long probes, int k, boolean withSet);
    }

    /** A ready-made shape of a plain filter. */
    record Preset(String label, long m, int k) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Preset> PRESETS = List.of(new Preset("The talk: 10 bits, 2 hashes", 10, 2),
            new Preset("64 bits, 3 hashes", 64, 3), new Preset("1,000 bits, 4 hashes", 1_000, 4),
            new Preset("10,000 bits, 5 hashes", 10_000, 5), new Preset("100,000 bits, 7 hashes", 100_000, 7),
            new Preset("1,000,000 bits, 7 hashes", 1_000_000, 7));

    public static final int BITS = 0;
    public static final int SCALING = 1;
    public static final int EXPERIMENT = 2;

    private final BloomModel model;
    private final Handler handler;
    @FXML ToggleGroup modes;
    @FXML ToggleButton bitsMode;
    @FXML ToggleButton scalingMode;
    @FXML ToggleButton experimentMode;
    @FXML VBox bitsBox;
    @FXML VBox scalingBox;
    @FXML VBox experimentBox;
    @FXML VBox itemBox;
    @FXML HBox playerBox;
    @FXML ComboBox<Preset> presets;
    @FXML TextField mField;
    @FXML TextField kField;
    @FXML TextField capacityField;
    @FXML TextField rateField;
    @FXML TextField expansionField;
    @FXML TextField tighteningField;
    @FXML TextField itemField;
    @FXML TextField bulkField;
    @FXML Button bulkButton;
    @FXML TextField expM;
    @FXML TextField expN;
    @FXML TextField expProbes;
    @FXML Slider kSlider;
    @FXML Label kLabel;
    @FXML Label kHint;
    @FXML CheckBox withSet;
    @FXML Button runButton;
    @FXML ProgressBar progress;
    @FXML Label problem;
    @FXML Label status;

    public BloomControlsController(BloomModel model, Handler handler) {
        this.model = model;
        this.handler = handler;
    }

    @FXML
    private void initialize() {
        for (VBox box : List.of(bitsBox, scalingBox, experimentBox)) box.managedProperty().bind(box.visibleProperty());
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            int m = b == bitsMode ? BITS : b == scalingMode ? SCALING : EXPERIMENT;
            if (a != null) { // what the last part said is not about this one
                model.problem.set("");
                model.status.set("");
            }
            bitsBox.setVisible(m == BITS);
            scalingBox.setVisible(m == SCALING);
            experimentBox.setVisible(m == EXPERIMENT);
            itemBox.setVisible(m != EXPERIMENT);
            itemBox.setManaged(m != EXPERIMENT);
            handler.mode(m);
        });
        presets.getItems().setAll(PRESETS);
        presets.setValue(PRESETS.get(0));
        presets.valueProperty().addListener((o, a, p) -> {
            if (p != null) {
                mField.setText(String.format(Locale.ROOT, "%,d", p.m()));
                kField.setText(String.valueOf(p.k()));
            }
        });
        problem.textProperty().bind(model.problem);
        status.textProperty().bind(model.status);
        kSlider.valueProperty().addListener((o, a, b) -> model.experimentK.set((int) Math.round(b.doubleValue())));
        model.experimentK.addListener((o, a, b) -> {
            kSlider.setValue(b.intValue());
            showK();
        });
        for (TextField f : List.of(expM, expN)) f.textProperty().addListener((o, a, b) -> shape());
        model.progress.addListener((o, a, p) -> progress.setProgress(p == null ? 0 : p.fraction()));
        shape();
    }

    /** The experiment's m and N as typed (when they read), for the chart and the best-k hint. */
    private void shape() {
        Long m = BloomInput.whole(expM.getText());
        Long n = BloomInput.whole(expN.getText());
        if (m != null && n != null && m > 0 && n > 0 && m <= BloomInput.MAX_BITS) {
            model.experimentShape.set(new long[]{m, n, 0});
            kSlider.setMax(FpChart.maxK(m, n));
        }
        showK();
    }

    private void showK() {
        long[] s = model.experimentShape.get();
        int k = model.experimentK.get();
        kLabel.setText("k = " + k);
        kHint.setText(String.format(Locale.ROOT, "Best k for these m and N: (m/N)·ln 2 = %.2f (whole: %d). Theory at k = %d: %s.",
                BloomMath.optimalK(s[0], s[1]), BloomMath.bestK(s[0], s[1]), k, BloomInput.percent(BloomMath.falsePositiveRate(s[0], s[1], k))));
    }

    private boolean refuse(String why) {
        if (why == null) return false;
        model.problem.set(why);
        return true;
    }

    /** Switches the panel to a mode (0 bits, 1 scaling, 2 experiment). */
    public void mode(int m) {
        List.of(bitsMode, scalingMode, experimentMode).get(m).setSelected(true);
    }

    public int mode() {
        return scalingMode.isSelected() ? SCALING : experimentMode.isSelected() ? EXPERIMENT : BITS;
    }

    @FXML
    void create() {
        Long m = BloomInput.whole(mField.getText());
        Long k = BloomInput.whole(kField.getText());
        if (refuse(m == null ? "m must be a whole number of bits, e.g. 10." : BloomInput.bitsProblem(m))) return;
        if (refuse(k == null ? "k must be a whole number of hash functions, e.g. 2." : BloomInput.hashesProblem(k))) return;
        handler.create(m, k.intValue());
    }

    @FXML
    void createScaling() {
        Long cap = BloomInput.whole(capacityField.getText());
        Double rate = BloomInput.decimal(rateField.getText());
        Long exp = BloomInput.whole(expansionField.getText());
        Double tight = BloomInput.decimal(tighteningField.getText());
        if (refuse(cap == null ? "The capacity must be a whole number of items, e.g. 100." : null)) return;
        if (refuse(rate == null ? "The error rate must be a number, e.g. 0.01 or 1%." : null)) return;
        if (refuse(exp == null ? "The expansion must be a whole number, e.g. 2." : null)) return;
        if (refuse(tight == null ? "The tightening ratio must be a number, e.g. 0.5." : null)) return;
        if (refuse(BloomInput.scalingProblem(cap, rate, exp, tight))) return;
        handler.createScaling(cap, rate, exp, tight);
    }

    private String item() {
        return itemField.getText() == null ? "" : itemField.getText();
    }

    @FXML
    void add() {
        if (refuse(BloomInput.itemProblem(item()))) return;
        handler.add(item());
    }

    @FXML
    void test() {
        if (refuse(BloomInput.itemProblem(item()))) return;
        handler.test(item());
    }

    @FXML
    void bulk() {
        Long n = BloomInput.whole(bulkField.getText());
        if (refuse(n == null ? "Type how many players to add, e.g. 1,000." : BloomInput.countProblem("The number of players", n))) return;
        handler.bulk(n);
    }

    @FXML
    void talk() {
        handler.talk();
    }

    @FXML
    void run() {
        Long m = BloomInput.whole(expM.getText());
        Long n = BloomInput.whole(expN.getText());
        Long probes = BloomInput.whole(expProbes.getText());
        if (refuse(m == null || n == null || probes == null ? "m, N and M must be whole numbers, e.g. 958,506, 100,000, 100,000."
                : Experiment.problem(m, model.experimentK.get(), n, probes))) {
            return;
        }
        handler.experiment(m, n, probes, model.experimentK.get(), withSet.isSelected());
    }

    /** Fills the experiment form (the talk, screenshots). */
    void fillExperiment(long m, long n, long probes, int k) {
        mode(EXPERIMENT);
        expM.setText(String.format(Locale.ROOT, "%,d", m));
        expN.setText(String.format(Locale.ROOT, "%,d", n));
        expProbes.setText(String.format(Locale.ROOT, "%,d", probes));
        model.experimentK.set(k);
    }
}
