package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.LivePoller;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.StepPlayer;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.Capability;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;

/**
 * HyperLogLog, from the talk's unique-user count: the real registers read from the server and decoded,
 * one user added step by step, PFMERGE as a register-wise maximum, and the Set vs HyperLogLog
 * experiment. This class wires the {@link HllModel}, the {@link HllView}, the controls' form and the
 * {@link HllSteps} to the lifecycle: while on screen, a poller reads the key on the grid once a second
 * and the frame clock moves the grid's animations.
 */
public final class HllConcept implements Concept {

    public static final String ID = "hll";

    private ConceptContext ctx;
    private HllModel model;
    private HllView view;
    private HllControlsController controls;
    private LivePoller<HllModel.Reading> poller;
    private dev.valkeyexplainer.anim.FrameClock.FrameListener frames;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.PROBABILISTIC;
    }

    @Override
    public String title() {
        return "HyperLogLog";
    }

    @Override
    public String summary() {
        return "Counting unique players in 12 KB: the server's own registers, decoded";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE);
    }

    @Override
    public List<String> keywords() {
        return List.of("PFADD", "PFCOUNT", "PFMERGE", "HyperLogLog", "registers", "cardinality", "unique users", "DAU");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        deactivate(); // a second view (a new window) replaces the first: its poller must not live on
        model = new HllModel(ctx.scope(ID, "add"), LocalDate.now());
        view = new HllView(ctx.palette());
        CodePanel code = ctx.codePanel();
        controls = new HllControlsController(model, view, code, ctx.fx());
        Node form = ctx.fxml().load("concepts/hll/controls.fxml", controls);
        frames = view.grid::step;
        poller = new LivePoller<>(ctx.gateway().scheduler(), HllModel.POLL_MS, model::read,
                new FxHandoff<>(ctx.fx(), r -> view.show(r, model.viewedKey())),
                e -> ctx.fx().execute(() -> view.showError("Could not read " + model.viewedKey() + ": "
                        + JournalFormat.errorMessage(e))));
        controls.onKeyChange(poller::tick);
        return ConceptPane.layout(ID, "HyperLogLog: counting unique players in 12 KB",
                "The registers below are the server's own bytes (GET, decoded), not a model. Every step is a real command.",
                ConceptPane.scrollable(view), form, """
                        A Set remembers every user, so it grows with them. A HyperLogLog keeps only 16,384 small registers \
                        (12 KB at most): each name is hashed, 14 bits pick a register, and the register keeps the longest \
                        run of zeros seen, like remembering the longest streak of heads in coin flips. PFCOUNT turns the \
                        registers into an estimate with about 0.81% standard error. PFMERGE combines counts, e.g. per game, \
                        by taking the larger value of each register, so a user in both games is counted once.""", code);
    }

    @Override
    public void activate() {
        poller.start();
        ctx.clock().add(frames);
    }

    @Override
    public void deactivate() {
        if (poller != null) poller.stop();
        if (frames != null) ctx.clock().remove(frames);
    }

    @Override
    public void dispose() {
        deactivate();
        if (model != null) model.cancelExperiment();
    }

    @Override
    public void onReset() {
        controls.reset();
        poller.tick();
    }

    @Override
    public Optional<StepPlayer> player() {
        return Optional.ofNullable(controls).map(HllControlsController::player);
    }

    /** The controls (tests drive them as the steps do). */
    HllControlsController controls() {
        return controls;
    }

    @Override
    public List<TalkStep> talkSteps() {
        return new HllSteps(ctx.fx(), view, controls).talk();
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return new HllSteps(ctx.fx(), view, controls).screenshots();
    }
}
