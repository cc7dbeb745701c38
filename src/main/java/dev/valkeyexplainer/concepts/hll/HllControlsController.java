package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The HyperLogLog concept's "Try it" panel ({@code fxml/concepts/hll/controls.fxml}): the key on the
 * grid, adding a user step by step (the step player drives an {@link AddScenario}), the talk's merge and
 * the experiment. What happens is drawn by the {@link HllView}; the code panel shows the step's code.
 */
public final class HllControlsController {

    private final HllModel model;
    private final HllView view;
    private final CodePanel code;
    private final Executor fx;
    private final AddScenario scenario;
    private final StepPlayer player;
    private AddScenario.View lastAdd;
    @FXML private ToggleGroup hllModes;
    @FXML private ToggleButton hllModeAdd;
    @FXML private ToggleButton hllModeMerge;
    @FXML private ToggleButton hllModeExperiment;
    @FXML private ComboBox<String> hllKey;
    @FXML private VBox hllAddBox;
    @FXML private TextField hllName;
    @FXML private Button hllAdd;
    @FXML private VBox hllPlayerBox;
    @FXML private VBox hllMergeBox;
    @FXML private Button hllMerge;
    @FXML private VBox hllExperimentBox;
    @FXML private TextField hllUsers;
    @FXML private Button hllRun;
    @FXML private ProgressBar hllProgress;
    @FXML private Label hllMessage;
    private Runnable onKeyChange = () -> { };

    HllControlsController(HllModel model, HllView view, CodePanel code, Executor fx) {
        this.model = model;
        this.view = view;
        this.code = code;
        this.fx = fx;
        this.scenario = new AddScenario(model.scope().worker("add"), model.keys(), model.reader(), fx, this::showAdd,
                () -> hllName.getText());
        this.player = new StepPlayer(scenario, 900);
    }

    @FXML
    private void initialize() {
        HllKeys k = model.keys();
        hllModeAdd.setUserData(HllView.Mode.ADD);
        hllModeMerge.setUserData(HllView.Mode.MERGE);
        hllModeExperiment.setUserData(HllView.Mode.EXPERIMENT);
        hllKey.getItems().setAll(model.gridKeys());
        hllKey.setValue(k.dau());
        hllKey.valueProperty().addListener((o, a, b) -> {
            if (b == null) return;
            if (!b.equals(model.viewedKey())) view.grid.highlight(-1, false);
            model.view(b);
            onKeyChange.run();
        });
        hllModes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one mode is always shown
                return;
            }
            HllView.Mode m = (HllView.Mode) now.getUserData();
            hllAddBox.setVisible(m == HllView.Mode.ADD);
            hllMergeBox.setVisible(m == HllView.Mode.MERGE);
            hllExperimentBox.setVisible(m == HllView.Mode.EXPERIMENT);
            view.showMode(m);
            hllKey.setValue(switch (m) {
                case ADD -> k.dau();
                case MERGE -> k.merged();
                case EXPERIMENT -> k.experiment();
            });
        });
        hllPlayerBox.getChildren().add(player.controls());
        player.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) hllMessage.setText(b);
        });
        code.show("Count unique users", HllCode.overview(k.dau()));
    }

    /** Runs when the key on the grid changes (the concept polls it at once). */
    void onKeyChange(Runnable r) {
        onKeyChange = r;
    }

    StepPlayer player() {
        return player;
    }

    void select(HllView.Mode m) {
        for (Toggle t : hllModes.getToggles()) if (t.getUserData() == m) t.setSelected(true);
    }

    // ------------------------------------------------------------------ adding one user

    /** Add (or Enter): the whole add of the typed name, played step by step at the player's speed. */
    @FXML
    private void onAdd() {
        Optional<String> problem = AddScenario.problem(hllName.getText());
        if (problem.isPresent()) {
            hllMessage.setText(problem.get());
            return;
        }
        hllMessage.setText("");
        select(HllView.Mode.ADD);
        player.reset();
        player.play();
    }

    private void showAdd(AddScenario.View v) {
        lastAdd = v;
        view.showAdd(v);
        code.show("Step " + v.step() + " of " + AddScenario.STEPS, v.code());
    }

    /** Runs the whole add of one name without the player's pauses (talk, screenshots, tests). */
    CompletableFuture<AddScenario.View> addFully(String name) {
        hllName.setText(name);
        hllMessage.setText("");
        select(HllView.Mode.ADD);
        player.reset();
        CompletableFuture<AddScenario.View> done = new CompletableFuture<>();
        stepAll(done);
        return done;
    }

    private void stepAll(CompletableFuture<AddScenario.View> done) {
        scenario.step().whenComplete((more, e) -> fx.execute(() -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                hllMessage.setText(JournalFormat.errorMessage(cause));
                HllDamage d = HllDamage.of(cause);
                if (d != null) view.showDamage(d);
                done.completeExceptionally(cause);
            } else if (more) {
                stepAll(done);
            } else {
                done.complete(lastAdd);
            }
        }));
    }

    // ------------------------------------------------------------------ merge

    @FXML
    private void onMerge() {
        runMerge();
    }

    CompletableFuture<MergeScenario.Result> runMerge() {
        select(HllView.Mode.MERGE);
        hllMessage.setText("");
        return afterOnFx(model.merge(), (r, e) -> {
            if (e != null) {
                hllMessage.setText("Merge failed: " + JournalFormat.errorMessage(e));
                return;
            }
            view.showMerge(r);
            code.show("PFMERGE", HllCode.merge(model.keys().game1(), model.keys().game2(), model.keys().merged(),
                    r.merged().pfcount()));
        });
    }

    /** Completes like {@code f}, but only after {@code ui} has run on the FX thread (a picture then shows it). */
    private <T> CompletableFuture<T> afterOnFx(CompletableFuture<T> f, java.util.function.BiConsumer<T, Throwable> ui) {
        CompletableFuture<T> done = new CompletableFuture<>();
        f.whenComplete((v, e) -> fx.execute(() -> {
            try {
                ui.accept(v, e);
            } finally {
                if (e != null) done.completeExceptionally(e);
                else done.complete(v);
            }
        }));
        return done;
    }

    // ------------------------------------------------------------------ experiment

    @FXML
    private void onExperiment() {
        if (model.experimentRunning()) {
            model.cancelExperiment();
            return;
        }
        long n;
        try {
            n = Long.parseLong(hllUsers.getText().replace(",", "").replace("_", "").strip());
        } catch (NumberFormatException e) {
            hllMessage.setText("N must be a whole number from 1 to 1,000,000.");
            return;
        }
        if (n < 1 || n > Experiment.MAX_USERS) {
            hllMessage.setText("N must be between 1 and 1,000,000.");
            return;
        }
        runExperiment(n);
    }

    CompletableFuture<Experiment.Progress> runExperiment(long n) {
        select(HllView.Mode.EXPERIMENT);
        hllMessage.setText("");
        hllUsers.setText(String.format(Locale.ROOT, "%,d", n));
        hllRun.setText("Cancel");
        hllProgress.setProgress(0);
        view.experimentStarted(n);
        code.show("The experiment", HllCode.experiment(model.keys().experiment(), model.keys().experimentSet()));
        FxHandoff<Experiment.Progress> handoff = new FxHandoff<>(fx, p -> {
            hllProgress.setProgress(p.target() == 0 ? 0 : (double) p.done() / p.target());
            view.showProgress(p);
            if (model.viewedKey().equals(model.keys().experiment())) onKeyChange.run();
        });
        return afterOnFx(model.experiment(n, handoff::offer), (p, e) -> {
            hllRun.setText("Run");
            if (e != null && !(unwrap(e) instanceof Experiment.Stopped)) view.experimentFailed(JournalFormat.errorMessage(e));
        });
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** The concept is reset ("Reset demo data"): the add starts over. */
    void reset() {
        player.reset();
        view.clearAdd();
    }

    String message() {
        return hllMessage.getText();
    }
}
