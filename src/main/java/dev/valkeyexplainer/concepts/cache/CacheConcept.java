package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.anim.FrameClock;
import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.LivePoller;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.valkey.Capability;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;

/**
 * Cache-aside with a real database: lazy loading with measured hits and misses, invalidation by a
 * database trigger, and keeping a hot key alive by refreshing it before its TTL runs out. This class
 * wires the {@link CacheModel} (state and actions), the {@link CacheView} (drawing), the controls' form
 * and the {@link CacheSteps} (talk and screenshot scenarios) to the concept's lifecycle.
 */
public final class CacheConcept implements Concept {

    public static final String ID = "cache";

    private ConceptContext ctx;
    private CacheModel model;
    private CacheView view;
    private CacheControlsController controls;
    private LivePoller<CacheModel.Reading> poller;
    private FrameClock.FrameListener frames;

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
        return "Cache-aside";
    }

    @Override
    public String summary() {
        return "Lazy loading from a SQL database, invalidation by trigger, hot keys kept alive";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE, Capability.SCRIPTING);
    }

    @Override
    public List<String> keywords() {
        return List.of("GET", "SET", "EX", "TTL", "MULTI", "EXEC", "lazy loading", "invalidation", "hot key", "database", "stale");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        deactivate(); // a second view replaces the first
        // the shared game database starts on the blocking executor; nothing here waits for it
        model = new CacheModel(ctx.scope(ID, "app"), ctx.service(GameDatabase.class), ctx.gateway().scheduler(), ctx.blocking());
        view = new CacheView(ctx.palette());
        CodePanel code = ctx.codePanel();
        controls = new CacheControlsController(model, code, ctx.fx(), view::showMode);
        Node form = ctx.fxml().load("concepts/cache/controls.fxml", controls);
        frames = dt -> {
            view.apply(model.feed().take()); // one update per frame, however many lookups completed
            view.lanes.step(dt);
            return false; // tokens are background motion: a screenshot need not wait for them
        };
        poller = new LivePoller<>(ctx.gateway().scheduler(), CacheModel.POLL_MS, model::read, new FxHandoff<>(ctx.fx(), r -> {
            view.showError("");
            view.show(r);
        }), e -> ctx.fx().execute(() -> view.showError("Could not read the server: " + JournalFormat.errorMessage(e))));
        return ConceptPane.layout(ID, "Cache-aside: lazy loading, invalidation and hot keys",
                "A real SQL database (H2) behind a real Valkey. Only the database's network delay is simulated; every"
                        + " latency shown is measured.", ConceptPane.scrollable(view), form, """
                        Lazy loading: read the cache first. A hit answers in microseconds. A miss goes to the database, \
                        then writes the row into Valkey with a TTL, so the next read hits. To keep the cache fresh, an \
                        UPDATE in the database fires a trigger that deletes the cached key (the talk uses a DynamoDB \
                        stream and a Lambda); without it, readers get the stale row until the TTL ends. A very hot item \
                        should never expire: readers check GET and TTL together in one MULTI/EXEC, and the first to see \
                        less than the threshold left takes a short lock (SET NX), reloads the item and resets the TTL; \
                        the others keep serving the cached value, so there is one reload per expiry.""", code);
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
        if (controls != null) controls.stopAll();
    }

    @Override
    public void onReset() {
        model.onReset();
    }

    @Override
    public List<TalkStep> talkSteps() {
        return new CacheSteps(ctx.fx(), model, view, controls).talk();
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return new CacheSteps(ctx.fx(), model, view, controls).screenshots();
    }
}
