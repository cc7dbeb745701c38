package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.anim.FrameClock;
import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.LivePoller;
import dev.valkeyexplainer.concept.ServerHooks;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.Capability;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * Rate limiting with Lua on the server: the talk's fixed-window counter and token bucket, and a
 * sliding-window log, each a script called with EVALSHA through Glide; one stream of spells into all
 * three on a shared timeline, the keys' live state, the boundary double burst, and a stress test that
 * proves the scripts atomic. Lifecycle only: the behaviour is in {@link RateLimitTab}, the drawing in
 * {@link RateLimitView}, the scenario in {@link RateLimitTalk}.
 */
public final class RateLimitConcept implements Concept {

    public static final String ID = "ratelimit";
    static final long POLL_MS = 500;

    private ConceptContext ctx;
    private RateLimitModel model;
    private RateLimitTab tab;
    private RateLimitView view;
    private Limiters limiters;
    private LivePoller<LiveState> poller;
    private FrameClock.FrameListener frames;
    private ServerHooks hooks;
    private EventHandler<KeyEvent> keys;
    private BorderPane pane;
    private boolean active;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.RATE_LIMITING;
    }

    @Override
    public String title() {
        return "Rate limiting";
    }

    @Override
    public String summary() {
        return "Lua on the server: a fixed window, a token bucket and a sliding log, atomic under load";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE, Capability.SCRIPTING);
    }

    @Override
    public List<String> keywords() {
        return List.of("EVALSHA", "SCRIPT LOAD", "NOSCRIPT", "Lua", "script", "token bucket", "fixed window", "sliding window",
                "rate limit", "throttle", "HMGET", "TIME", "ZREMRANGEBYSCORE", "atomic", "stamina", "spell");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        dispose(); // a second view replaces the first: its poller and listeners must not live on
        ValkeyGateway.Scope scope = ctx.scope(ID, "bob");
        model = new RateLimitModel();
        limiters = new Limiters(scope, "bob");
        CodePanel code = ctx.codePanel();
        StressTest stress = new StressTest(ctx.gateway(), scope.worker("stress"), scope.key("ratelimit:{stress}:bucket"));
        poller = new LivePoller<>(ctx.gateway().scheduler(), POLL_MS, limiters::read, new FxHandoff<>(ctx.fx(), this::showLive),
                e -> ctx.fx().execute(() -> {
                    model.status.set("Cannot read Bob's keys: " + JournalFormat.errorMessage(e));
                    model.readProblem.set(JournalFormat.errorMessage(e));
                }));
        tab = new RateLimitTab(model, limiters, stress, ctx.gateway(), scope, ctx.fx(), code, poller::tick);
        view = new RateLimitView(ctx.palette(), model);
        RateLimitControlsController controls = new RateLimitControlsController(model, tab);
        tab.controls = controls;
        VBox form = ctx.fxml().load("concepts/ratelimit/controls.fxml", controls);
        code.show("Glide: the token bucket script", RateLimitCode.intro(limiters.bucketKey));
        frames = new FrameClock.FrameListener() {
            private double since;

            @Override
            public boolean onFrame(double dt) {
                since += dt;
                if (since >= 0.1) { // 10 redraws a second are plenty for a clock that moves
                    since = 0;
                    view.tick();
                }
                return false; // nothing here ever settles: the screenshot mode need not wait for it
            }
        };
        hooks = new ServerHooks(ctx.gateway(), ctx.fx()).onReconnect(() -> {
            poller.tick();
            ctx.fx().execute(tab::reconnected);
        }).onNewData(tab::forget);
        pane = ConceptPane.layout(ID, "Rate limiting with Lua scripts",
                "Bob's spells go to three limiters, each a Lua script on the server; every verdict, count, TTL and token below"
                        + " was returned or read from Valkey.",
                view, form, """
                        Bob may cast only so many spells. The check has to read the state, decide and write it back; \
                        done by the client, two clients can read the same state and both go through. A Lua script runs \
                        on the server atomically: nothing else runs between its commands. The fixed window counts spells \
                        in a hash with a TTL that ends the window; at a boundary it lets twice the limit through in a \
                        moment. The token bucket stores tokens and last_update, refills by the time since (one TIME per \
                        script run; Valkey replicates a script's effects, so TIME is allowed), takes the spell's cost, \
                        and expires when it would be full again: capacity ÷ rate, rounded up, since EXPIRE takes whole \
                        seconds. A Lua number comes back as an integer, cut towards zero, so the tokens are returned × 1000. \
                        The sliding log, a sorted set of timestamps, allows the limit in any window at all.""", code);
        keys = this::key;
        pane.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
            if (scene != null) scene.addEventHandler(KeyEvent.KEY_PRESSED, keys);
        });
        return pane;
    }

    /** Keys 1, 3 and 5 cast a spell of that cost while the tab is on screen and no text field has the focus. */
    private void key(KeyEvent e) {
        if (!active || e.isConsumed() || e.isShortcutDown() || e.isAltDown()) return;
        Scene scene = pane.getScene();
        if (scene != null && scene.getFocusOwner() instanceof TextInputControl) return;
        long cost = switch (e.getCode()) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT5, NUMPAD5 -> 5;
            default -> 0;
        };
        if (cost == 0) return;
        tab.castSpell(cost);
        e.consume();
    }

    private void showLive(LiveState s) {
        // a reading that works again clears the error of the ones that did not
        if (model.status.get() != null && model.status.get().startsWith("Cannot read Bob's keys")) model.status.set("");
        model.readProblem.set("");
        model.live.set(s);
        model.anchor(s.serverMs(), s.readNanos());
    }

    @Override
    public void activate() {
        active = true;
        if (poller != null) poller.start();
        if (frames != null) ctx.clock().add(frames);
    }

    @Override
    public void deactivate() {
        active = false;
        if (poller != null) poller.stop();
        if (frames != null) ctx.clock().remove(frames);
        if (tab != null) tab.stopStream();
    }

    @Override
    public void dispose() {
        deactivate();
        if (hooks != null) hooks.remove();
        if (pane != null && pane.getScene() != null && keys != null) pane.getScene().removeEventHandler(KeyEvent.KEY_PRESSED, keys);
    }

    @Override
    public void onReset() {
        if (tab != null) tab.forget();
    }

    @Override
    public List<TalkStep> talkSteps() {
        return new RateLimitTalk(this).talkSteps();
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return new RateLimitTalk(this).screenshotSteps();
    }

    RateLimitTab tab() {
        return tab;
    }

    RateLimitModel model() {
        return model;
    }

    RateLimitView view() {
        return view;
    }

    boolean sandbox() {
        return ctx.gateway().status().sandbox();
    }

    /** A reading of Bob's keys now, also shown. */
    CompletableFuture<LiveState> readNow() {
        return limiters.read().thenApplyAsync(s -> {
            showLive(s);
            return s;
        }, ctx.fx());
    }

    <T> CompletableFuture<T> onFxFuture(Supplier<CompletableFuture<T>> work) {
        return Async.onFx(ctx.fx(), work);
    }
}
