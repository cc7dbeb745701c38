package dev.valkeyexplainer.concepts.ratelimit;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The "Try it" panel ({@code fxml/concepts/ratelimit/controls.fxml}): reads and checks the limiters'
 * settings ({@link RateSettings}); bad input gets a message and nothing is sent, unless "skip the app's
 * checks" is on, in which case the values go to the scripts as typed and the server's refusal is shown.
 * Everything else is handed to the tab's {@link Handler}.
 */
public final class RateLimitControlsController {

    /** What the panel asks the tab to do. */
    public interface Handler {
        void cast(long cost);

        void burst();

        void boundaryBurst();

        void stream(boolean on, double perSecond);

        void reset();

        void loadScripts();

        void flushAndCast();

        void showLua(Limiter limiter);

        void stress();
    }

    private final RateLimitModel model;
    private final Handler handler;
    @FXML Button cast1;
    @FXML Button cast3;
    @FXML Button cast5;
    @FXML Button burstButton;
    @FXML Button boundaryButton;
    @FXML ToggleButton streamToggle;
    @FXML Slider streamRate;
    @FXML Label streamLabel;
    @FXML ToggleGroup modes;
    @FXML ToggleButton limitsMode;
    @FXML ToggleButton scriptsMode;
    @FXML ToggleButton stressMode;
    @FXML VBox limitsBox;
    @FXML VBox scriptsBox;
    @FXML VBox stressBox;
    @FXML TextField limitField;
    @FXML TextField windowField;
    @FXML TextField capacityField;
    @FXML TextField rateField;
    @FXML CheckBox unchecked;
    @FXML Button resetButton;
    @FXML Button loadButton;
    @FXML Button flushButton;
    @FXML Label shas;
    @FXML Label scriptNote;
    @FXML Button luaFixed;
    @FXML Button luaBucket;
    @FXML Button luaLog;
    @FXML Label stressPlan;
    @FXML Button stressButton;
    @FXML Label stressResult;
    @FXML Label problem;
    @FXML Label status;

    public RateLimitControlsController(RateLimitModel model, Handler handler) {
        this.model = model;
        this.handler = handler;
    }

    @FXML
    private void initialize() {
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                model.problem.set(""); // a refusal of another part's values is not about this one
                showMode(b);
            }
        });
        problem.textProperty().bind(model.problem);
        status.textProperty().bind(model.status);
        scriptNote.textProperty().bind(model.scriptNote);
        streamRate.valueProperty().addListener((o, a, b) -> {
            streamLabel.setText(String.format(Locale.ROOT, "%.1f per s", b.doubleValue()));
            if (streamToggle.isSelected()) handler.stream(true, b.doubleValue());
        });
        streamLabel.setText(String.format(Locale.ROOT, "%.1f per s", streamRate.getValue()));
        model.loaded.addListener((o, a, l) -> showShas(l));
        showShas(model.loaded.get());
        for (Button b : List.of(burstButton, boundaryButton, stressButton, flushButton)) b.disableProperty().bind(model.busy);
        model.stressScript.addListener(o -> showStress());
        model.stressNaive.addListener(o -> showStress());
        stressPlan.setText(String.format(Locale.ROOT, "%d workers share %d connections of their own and cast %,d spells each (cost 1)"
                        + " at one bucket with the capacity and rate above: the script's way in pipelines of %d EVALSHA, then, for"
                        + " contrast, %d × %,d the wrong way: HMGET, decide in the app, HSET.", RateLimitTab.WORKERS, RateLimitTab.CLIENTS,
                RateLimitTab.CASTS, RateLimitTab.PIPELINE, RateLimitTab.WORKERS, RateLimitTab.NAIVE_CASTS));
    }

    private void showMode(Toggle t) {
        limitsBox.setVisible(t == limitsMode);
        scriptsBox.setVisible(t == scriptsMode);
        stressBox.setVisible(t == stressMode);
    }

    /** Switches the panel: 0 limits, 1 scripts, 2 concurrency. */
    public void mode(int i) {
        List.of(limitsMode, scriptsMode, stressMode).get(i).setSelected(true);
    }

    private void showShas(List<Limiters.Loaded> loaded) {
        if (loaded == null || loaded.isEmpty()) {
            shas.setText("Not loaded by this app yet (a spell loads them anyway: EVALSHA, NOSCRIPT, SCRIPT LOAD).");
            return;
        }
        shas.setText(loaded.stream().map(l -> String.format(Locale.ROOT, "%-12s %s %s", l.limiter().file().replace(".lua", ""),
                l.serverSha(), l.same() ? "= Glide's hash" : "≠ Glide's " + l.glideSha())).collect(Collectors.joining("\n")));
    }

    private void showStress() {
        StringBuilder sb = new StringBuilder();
        for (StressTest.Result r : new StressTest.Result[]{model.stressScript.get(), model.stressNaive.get()}) {
            if (r == null) continue;
            if (!sb.isEmpty()) sb.append("\n\n");
            sb.append(r.summary());
        }
        stressResult.setText(sb.toString());
    }

    /** The settings as typed, checked: null after showing the problem. */
    RateSettings checkedSettings() {
        RateSettings.Parsed p = RateSettings.parse(limitField.getText(), windowField.getText(), capacityField.getText(), rateField.getText());
        if (!p.ok()) {
            model.problem.set(p.problem());
            return null;
        }
        return p.settings();
    }

    /**
     * The arguments of one spell from the form, or null after showing why not (nothing is sent then).
     * With "skip the app's checks" on, the fields go to the scripts as typed.
     */
    Limiters.CastArgs args(long cost, String spellId) {
        if (unchecked.isSelected()) {
            RateSettings.Parsed p = RateSettings.parse(limitField.getText(), windowField.getText(), capacityField.getText(), rateField.getText());
            if (p.ok()) model.settings.set(p.settings());
            return Limiters.CastArgs.raw(text(limitField), text(windowField), text(capacityField), text(rateField), cost, spellId);
        }
        RateSettings s = checkedSettings();
        if (s == null) return null;
        String costProblem = s.costProblem(cost);
        if (costProblem != null) {
            model.problem.set(costProblem);
            return null;
        }
        model.settings.set(s);
        return Limiters.CastArgs.of(s, cost, spellId);
    }

    private static String text(TextField f) {
        return f.getText() == null ? "" : f.getText().strip();
    }

    /** Fills the form with the talk's settings (and turns the unchecked mode off). */
    void talkSettings() {
        limitField.setText("3");
        windowField.setText("5");
        capacityField.setText("5");
        rateField.setText("1");
        unchecked.setSelected(false);
    }

    void stopStreamToggle() {
        streamToggle.setSelected(false);
    }

    @FXML
    void castOne() {
        handler.cast(1);
    }

    @FXML
    void castThree() {
        handler.cast(3);
    }

    @FXML
    void castFive() {
        handler.cast(5);
    }

    @FXML
    void burst() {
        handler.burst();
    }

    @FXML
    void boundaryBurst() {
        handler.boundaryBurst();
    }

    @FXML
    void stream() {
        handler.stream(streamToggle.isSelected(), streamRate.getValue());
    }

    @FXML
    void reset() {
        handler.reset();
    }

    @FXML
    void loadScripts() {
        handler.loadScripts();
    }

    @FXML
    void flushAndCast() {
        handler.flushAndCast();
    }

    @FXML
    void showFixed() {
        handler.showLua(Limiter.FIXED);
    }

    @FXML
    void showBucket() {
        handler.showLua(Limiter.BUCKET);
    }

    @FXML
    void showLog() {
        handler.showLua(Limiter.LOG);
    }

    @FXML
    void stress() {
        handler.stress();
    }
}
