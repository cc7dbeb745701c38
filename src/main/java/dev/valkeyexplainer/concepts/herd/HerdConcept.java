package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.anim.FrameClock;
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
import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.valkey.Capability;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;

/**
 * The thundering-herd concept: N workers race for an expired hot key, with or without the lock. This
 * class wires the {@link HerdModel}, the {@link HerdView}, the controls' form and the {@link HerdSteps}
 * to the lifecycle: while it is on screen a frame listener adds the race's new events (once a frame)
 * and a poller reads the lock's live TTL while a race runs.
 */
public final class HerdConcept implements Concept {

    public static final String ID = "herd";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HerdConcept.class);
    static final long LOCK_POLL_MS = 200;

    private ConceptContext ctx;
    private HerdModel model;
    private HerdView view;
    private HerdControlsController controls;
    private FrameClock.FrameListener frames;
    private LivePoller<HerdModel.LockState> lockPoller;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.CACHING;
    }

    @Override
    public String title() {
        return "Thundering herd";
    }

    @Override
    public String summary() {
        return "One expiry, many workers: a lock with SET NX EX lets one load the database";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE, Capability.SCRIPTING);
    }

    @Override
    public List<String> keywords() {
        return List.of("SET NX", "lock", "stampede", "thundering herd", "EVALSHA", "Lua", "compare-and-delete", "expiry");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        deactivate(); // a second view replaces the first
        model = new HerdModel(ctx.scope(ID, "race"), ctx.service(GameDatabase.class));
        view = new HerdView(ctx.palette());
        CodePanel code = ctx.codePanel();
        controls = new HerdControlsController(model, view, code, ctx.fx());
        Node form = ctx.fxml().load("concepts/herd/controls.fxml", controls);
        frames = dt -> {
            view.frame(model.drain(), model.running(), model.databaseQueue());
            return false;
        };
        lockPoller = new LivePoller<>(ctx.gateway().scheduler(), LOCK_POLL_MS, model::readLock, new FxHandoff<>(ctx.fx(), s -> {
            if (s.race() == model.race()) view.lock(s);
        }), e -> LOG.debug("lock watch: {}", e.toString())); // the race reports a lost server; the countdown pauses
        return ConceptPane.layout(ID, "Thundering herd: one expiry, many workers",
                "A hot key expires while workers read it at the same time. Every box below is a real command and its reply.",
                ConceptPane.scrollable(view), form, """
                        When a hot item expires, every service that reads it misses at once and they all query the \
                        database together: the thundering herd. The fix from the talk is a lock in Valkey: a worker \
                        that misses runs SET lock token NX EX 5. NX lets exactly one worker take it; that worker reads \
                        the key once more (a worker that just finished may have filled it), loads the row, writes the \
                        value, and releases the lock with a script that deletes it only if it still holds its own \
                        token. The others wait briefly and read the cached value. The lock's TTL means a crashed \
                        holder cannot block everyone forever; if it expires during a slow load, a second worker gets \
                        in, and the safe release keeps the first from deleting the second one's lock.""", code);
    }

    @Override
    public void activate() {
        ctx.clock().add(frames);
        lockPoller.start();
    }

    @Override
    public void deactivate() {
        if (frames != null) ctx.clock().remove(frames);
        if (lockPoller != null) lockPoller.stop();
        if (controls != null) controls.player().pause();
    }

    @Override
    public Optional<StepPlayer> player() {
        return Optional.ofNullable(controls).map(HerdControlsController::player);
    }

    @Override
    public List<TalkStep> talkSteps() {
        return new HerdSteps(ctx.fx(), controls).talk();
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return new HerdSteps(ctx.fx(), controls).screenshots();
    }
}
