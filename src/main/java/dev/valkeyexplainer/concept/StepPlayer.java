package dev.valkeyexplainer.concept;

import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * Plays a scenario one real command (or one small group of commands) at a time: play, pause, step,
 * reset and speed. A step is asynchronous (it waits for the server), so the player never blocks the
 * FX thread; while playing, the next step starts {@code baseDelayMs / speed} after the last one ended.
 */
public final class StepPlayer {

    /** A scenario that can be stepped. {@code step()} completes with true while more steps remain. */
    public interface Scenario {
        CompletionStage<Boolean> step();

        void reset();
    }

    private final Scenario scenario;
    private final Executor fx;
    private final BiConsumer<Runnable, Double> delay;
    private final double baseDelayMs;
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private final StringProperty error = new SimpleStringProperty("");
    private int generation;

    /** The FX-thread player: {@code Platform::runLater} and a {@link PauseTransition} for delays. */
    public StepPlayer(Scenario scenario, double baseDelayMs) {
        this(scenario, baseDelayMs, javafx.application.Platform::runLater, (r, ms) -> {
            PauseTransition p = new PauseTransition(Duration.millis(ms));
            p.setOnFinished(e -> r.run());
            p.play();
        });
    }

    /** Tests pass a direct executor and a delay that runs at once. */
    public StepPlayer(Scenario scenario, double baseDelayMs, Executor fx, BiConsumer<Runnable, Double> delay) {
        this.scenario = scenario;
        this.baseDelayMs = baseDelayMs;
        this.fx = fx;
        this.delay = delay;
    }

    /** Plays from where it is; a finished scenario starts over. */
    public void play() {
        if (finished.get()) reset();
        playing.set(true);
        if (!busy.get()) stepOnce();
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) pause();
        else play();
    }

    /** Runs one step unless one is already running or the scenario is over. */
    public void stepOnce() {
        if (busy.get()) return;
        if (finished.get()) reset();
        busy.set(true);
        error.set("");
        int gen = generation;
        CompletionStage<Boolean> s;
        try {
            s = scenario.step();
        } catch (RuntimeException e) {
            s = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        s.whenComplete((more, e) -> fx.execute(() -> afterStep(gen, more, e)));
    }

    private void afterStep(int gen, Boolean more, Throwable e) {
        if (gen != generation) return; // reset while the step was running
        busy.set(false);
        if (e != null) {
            playing.set(false);
            error.set("Step failed: " + JournalFormat.errorMessage(e));
            return;
        }
        if (!Boolean.TRUE.equals(more)) {
            finished.set(true);
            playing.set(false);
            return;
        }
        if (playing.get()) {
            delay.accept(() -> {
                if (gen == generation && playing.get()) stepOnce();
            }, baseDelayMs / Math.max(0.05, speed.get()));
        }
    }

    public void reset() {
        generation++;
        playing.set(false);
        busy.set(false);
        finished.set(false);
        error.set("");
        scenario.reset();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Play/pause, step, reset and a speed slider (0.25x to 4x). */
    public HBox controls() {
        Button playButton = new Button();
        playButton.textProperty().bind(javafx.beans.binding.Bindings.when(playing).then("Pause").otherwise("Play"));
        playButton.setOnAction(e -> togglePlay());
        playButton.setTooltip(new Tooltip("Play / pause (Space)"));
        Button step = new Button("Step");
        step.setOnAction(e -> stepOnce());
        step.disableProperty().bind(busy.or(playing));
        step.setTooltip(new Tooltip("One step (Right arrow)"));
        Button resetButton = new Button("Reset");
        resetButton.setOnAction(e -> reset());
        Slider speedSlider = new Slider(0.25, 4, 1);
        speedSlider.valueProperty().bindBidirectional(speed);
        speedSlider.setPrefWidth(90);
        speedSlider.setFocusTraversable(false);
        Label speedLabel = new Label();
        speedLabel.textProperty().bind(speed.asString("%.2gx"));
        speedLabel.setMinWidth(40);
        HBox box = new HBox(6, playButton, step, resetButton, new Label("Speed"), speedSlider, speedLabel);
        box.getStyleClass().add("step-player");
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }
}
