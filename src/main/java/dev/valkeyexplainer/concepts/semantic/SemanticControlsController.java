package dev.valkeyexplainer.concepts.semantic;

import dev.valkeyexplainer.concept.widgets.WholeNumberInput;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/**
 * The "Try it" panel ({@code fxml/concepts/semantic/controls.fxml}): the question, the threshold
 * slider (re-classifies the last lookup live), k, the player's country and its filter, seeding,
 * emptying and measuring. It writes the settings into the model and calls the concept's actions.
 */
public final class SemanticControlsController {

    /** What the buttons do (the concept implements them). */
    interface Actions {
        void ask(String question);

        void seed();

        void clear();

        void measure();

        void showMeasure(boolean measure);
    }

    /** Example questions: the talk's pair, a paraphrase from the corpus, and an unrelated one. */
    static final List<String> SAMPLES = List.of("How long do I have to wait for the next quest?",
            "When does the next quest start?", "What's the weakness of the Shadow Dragon?", "How can I get into a guild?",
            "What is the capital of France?");

    private final SemanticModel model;
    private final Actions actions;

    @FXML ToggleButton askMode;
    @FXML ToggleButton measureMode;
    @FXML Label modelStatus;
    @FXML TextField question;
    @FXML Button ask;
    @FXML ComboBox<String> samples;
    @FXML Slider threshold;
    @FXML Label thresholdValue;
    @FXML TextField k;
    private WholeNumberInput kInput;
    @FXML ComboBox<String> country;
    @FXML CheckBox filter;
    @FXML Button seed;
    @FXML Button clear;
    @FXML Button measure;
    @FXML Label message;
    @FXML Label engine;
    @FXML Label answerModel;

    SemanticControlsController(SemanticModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
    }

    @FXML
    void initialize() {
        ToggleGroup modes = new ToggleGroup();
        askMode.setToggleGroup(modes);
        measureMode.setToggleGroup(modes);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else actions.showMeasure(b == measureMode);
        });
        SemanticCache.Settings s = model.settings();
        threshold.setValue(s.threshold());
        kInput = new WholeNumberInput(k, 1, K_MAX, s.k(), "k", "the nearest cached questions the search returns");
        country.getItems().setAll(SemanticModel.COUNTRIES);
        country.setValue(s.country());
        filter.setSelected(s.filter());
        samples.getItems().setAll(SAMPLES);
        samples.setOnAction(e -> {
            String q = samples.getValue();
            if (q != null) question.setText(q);
        });
        threshold.valueProperty().addListener((o, a, b) -> settingsChanged());
        k.textProperty().addListener((o, a, b) -> settingsChanged());
        country.valueProperty().addListener((o, a, b) -> settingsChanged());
        filter.selectedProperty().addListener((o, a, b) -> settingsChanged());
        ask.setOnAction(e -> askTyped());
        question.setOnAction(e -> askTyped());
        seed.setOnAction(e -> actions.seed());
        clear.setOnAction(e -> actions.clear());
        measure.setOnAction(e -> {
            measureMode.setSelected(true);
            actions.measure();
        });
        showThreshold();
    }

    private void askTyped() {
        String bad = kInput.problem();
        if (bad != null) { // a k that is not 1 to 10 is refused, not reset behind the user's back
            problem(bad);
            return;
        }
        actions.ask(question.getText());
    }

    /** The largest k the form takes (the distance bars show this many neighbours). */
    static final int K_MAX = 10;

    private void settingsChanged() {
        double t = Math.round(threshold.getValue() * 100) / 100.0;
        java.util.OptionalInt kNow = kInput.value();
        if (kNow.isEmpty()) problem(kInput.problem()); // said at once; Ask is refused until k is good again
        else if (message.getText().startsWith("k must be")) message("");
        int kUsed = kNow.orElse(model.settings().k());
        model.settings(new SemanticCache.Settings(t, kUsed, country.getValue(), filter.isSelected()));
        showThreshold();
    }

    private void showThreshold() {
        double t = model.settings().threshold();
        thresholdValue.setText(String.format(Locale.ROOT, "%.2f (distance ≤ %.2f)", t, 1 - t));
    }

    // the concept drives the controls in talk steps and screenshots, as a user would

    void setThreshold(double t) {
        threshold.setValue(t);
    }

    void setCountry(String c, boolean filterOn) {
        country.setValue(c);
        filter.setSelected(filterOn);
    }

    void setQuestion(String q) {
        question.setText(q);
    }

    void showMode(boolean measuring) {
        (measuring ? measureMode : askMode).setSelected(true);
    }

    void busy(boolean b) {
        ask.setDisable(b);
        question.setDisable(b);
        seed.setDisable(b);
        clear.setDisable(b);
        measure.setDisable(b);
    }

    /** A progress or result line (neutral). */
    void message(String m) {
        show(m, false);
    }

    /** A refusal or failure (red; scrolled into view when below the fold). */
    void problem(String m) {
        show(m, true);
    }

    private void show(String m, boolean problem) {
        dev.valkeyexplainer.concept.MessageReveal.show(message, m, problem);
    }

    void status(String modelNote, String engineNote, String modelLabel) {
        modelStatus.setText(modelNote);
        engine.setText(engineNote);
        answerModel.setText(modelLabel);
    }
}
