package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;

/**
 * The thundering-herd concept's "Try it" panel ({@code fxml/concepts/herd/controls.fxml}): workers, the
 * lock, the set-up, "Run the race" in real time, and the step player. Disabled, saying so, until the
 * game database has started. Every race is a new one: a stepped race in progress is abandoned (its
 * waiting workers stop) before the next starts, so "Run the race" works again after an outage or a
 * failed race without pressing Reset.
 */
public final class HerdControlsController implements HerdStepper.Listener {

    private final HerdModel model;
    private final HerdView view;
    private final CodePanel code;
    private final Executor fx;
    private final HerdStepper stepper;
    private final StepPlayer player;
    @FXML private Label herdDbStatus;
    @FXML private Label herdWorkersLabel;
    @FXML private Slider herdWorkers;
    @FXML private CheckBox herdUseLock;
    @FXML private ComboBox<HerdSetup> herdSetup;
    @FXML private Button herdRun;
    @FXML private VBox herdStepBox;
    @FXML private Label herdStepNote;

    HerdControlsController(HerdModel model, HerdView view, CodePanel code, Executor fx) {
        this.model = model;
        this.view = view;
        this.code = code;
        this.fx = fx;
        this.stepper = new HerdStepper(model, () -> config(true), this);
        this.player = new StepPlayer(stepper, 700);
    }

    @FXML
    private void initialize() {
        herdWorkersLabel.textProperty().bind(herdWorkers.valueProperty().asString("%.0f workers"));
        herdSetup.getItems().setAll(HerdSetup.values());
        herdSetup.setValue(HerdSetup.NORMAL);
        herdStepBox.getChildren().add(player.controls());
        herdWorkers.valueProperty().addListener(o -> showCode());
        herdUseLock.selectedProperty().addListener(o -> showCode());
        herdSetup.valueProperty().addListener(o -> showCode());
        player.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) view.failed(b);
        });
        showCode();
        model.ready().whenComplete((x, e) -> fx.execute(() -> {
            if (e != null) {
                herdDbStatus.setText("The game database could not start: " + JournalFormat.errorMessage(e));
                herdDbStatus.getStyleClass().setAll("label", "error-text");
                return;
            }
            herdDbStatus.setVisible(false);
            herdDbStatus.setManaged(false);
            herdRun.setDisable(false);
            herdStepBox.setDisable(false);
        }));
    }

    StepPlayer player() {
        return player;
    }

    HerdStepper stepper() {
        return stepper;
    }

    /** The race the controls describe; stepped races use the set-up's step-mode TTLs. */
    HerdRace.Config config(boolean stepped) {
        return herdSetup.getValue().config((int) Math.round(herdWorkers.getValue()), herdUseLock.isSelected(), stepped,
                HerdModel.PLAYER);
    }

    private void showCode() {
        HerdRace.Config stepped = config(true);
        HerdRace.Config real = config(false);
        code.show(stepped.useLock() ? "One worker, with the lock" : "One worker, without the lock",
                HerdCode.worker(model.key(), model.lockKey(), real));
        herdStepNote.setText(!stepped.useLock() ? "Without the lock there is no TTL to worry about while stepping."
                : stepped.lockTtlMs() == real.lockTtlMs()
                ? "Step mode keeps this set-up's " + real.lockTtlMs() / 1000 + " s lock: it runs out while you step, which is"
                        + " the point. Watch its TTL under the race."
                : String.format(Locale.ROOT, "Step mode takes the lock for %d min (SET … NX EX %d) instead of %d s, so no pause"
                        + " between steps can let it expire; its live TTL is shown under the race.",
                stepped.lockTtlMs() / 60_000, stepped.lockTtlMs() / 1000, real.lockTtlMs() / 1000));
    }

    /** Sets the controls (talk and screenshot steps set them as a user would). */
    void configure(int workers, boolean lock, HerdSetup setup) {
        herdWorkers.setValue(workers);
        herdUseLock.setSelected(lock);
        herdSetup.setValue(setup);
    }

    @FXML
    private void onRun() {
        runRace();
    }

    /** The race at full speed, all workers at once; a stepped race in progress is abandoned first. */
    CompletableFuture<HerdRace.Result> runRace() {
        player.reset();
        HerdRace.Config cfg = config(false);
        view.started(cfg, false);
        herdRun.setDisable(true);
        CompletableFuture<HerdRace.Result> race = model.start(cfg, HerdRace.Gate.OPEN, false, e -> { });
        int number = model.race();
        race.whenComplete((r, e) -> ended(number, r, e));
        return race;
    }

    @Override
    public void started(HerdRace.Config config) {
        view.started(config, true);
        code.show(config.useLock() ? "One worker, with the lock (step mode)" : "One worker, without the lock",
                HerdCode.worker(model.key(), model.lockKey(), config));
    }

    @Override
    public void ended(int race, HerdRace.Result r, Throwable e) {
        fx.execute(() -> {
            herdRun.setDisable(false); // whatever happened, the next race can start
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                if (race == model.race() && !(cause instanceof CancellationException)) {
                    view.failed("The race failed: " + JournalFormat.errorMessage(cause) + " Run it again when the server is back.");
                }
                return;
            }
            if (model.finished(race, r)) view.finished(r, model.history());
        });
    }

    boolean runDisabled() {
        return herdRun.isDisabled();
    }
}
