package dev.valkeyexplainer.concepts.csc;

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
import dev.valkeyexplainer.valkey.Capability;
import dev.valkeyexplainer.valkey.JournalFormat;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;

/**
 * Client-side caching with connection pooling and invalidation tracking, as in the talk: a pool of ten
 * connections where connection 0 receives the invalidations and 1..9 read with tracking redirected to
 * it, in front of a local cache you can watch. This class only wires the pieces and runs the lifecycle.
 */
public final class CscConcept implements Concept {

    public static final String ID = "csc";
    static final long POLL_MS = 750;

    private ConceptContext ctx;
    private CachingClient client;
    private CscView view;
    private CscPresenter presenter;
    private CscControlsController controls;
    private CscScenarios scenarios;
    private LivePoller<TrackingReading> poller;
    private FrameClock.FrameListener frames;
    private CodePanel code;

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
        return "Client-side caching";
    }

    @Override
    public String summary() {
        return "A local cache in front of a 10-connection pool; connection 0 receives Valkey's invalidations";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE, Capability.CONNECTION, Capability.PUBSUB);
    }

    @Override
    public List<String> keywords() {
        return List.of("CLIENT TRACKING", "REDIRECT", "BCAST", "PREFIX", "NOLOOP", "OPTIN", "CLIENT CACHING", "CLIENT ID",
                "__redis__:invalidate", "invalidation", "local cache", "near cache", "connection pool", "Caffeine",
                "FLUSHALL", "server-assisted");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        dispose(); // a second view (a new window) replaces the first
        CscKeys keys = CscKeys.of(ctx.gateway().namespace());
        String shortPrefix = ctx.gateway().namespace().key("csc:");
        view = new CscView(ctx.palette());
        client = new CachingClient(ctx.gateway(), ID, ctx.blocking(), keys, this::onEvent, 1_000, null, true);
        presenter = new CscPresenter(client, view, ctx.fx(), shortPrefix);
        code = ctx.codePanel();
        code.show("The pool: connection 0 and the data connections", CscCode.POOL);
        controls = new CscControlsController(client, ctx.fx(), ctx.gateway().scheduler(),
                (heading, snippet) -> ctx.fx().execute(() -> code.show(heading, snippet)));
        Node form = ctx.fxml().load("concepts/csc/controls.fxml", controls);
        var scope = ctx.scope(ID, "poller");
        scenarios = new CscScenarios(client, controls, ctx.fx(), scope, presenter::showReading);
        poller = new LivePoller<>(ctx.gateway().scheduler(), POLL_MS, () -> TrackingReading.read(scope, client),
                new FxHandoff<>(ctx.fx(), presenter::showReading),
                e -> ctx.fx().execute(() -> presenter.showPollError(JournalFormat.errorMessage(e))));
        frames = view.diagram::step;
        ctx.gateway().addStatusListener(s -> ctx.fx().execute(controls::refresh));
        presenter.refresh();
        return ConceptPane.layout(ID, "Client-side caching: a pool, connection 0, and invalidations",
                "Ten real connections to Valkey in front of a local cache. Every id, flag and figure below is read from the"
                        + " server; every latency is measured.", view, form, """
                        A local cache answers in nanoseconds, but it must learn when Valkey's copy changes. With CLIENT \
                        TRACKING the server remembers what each connection read (or, with BCAST, only a prefix) and sends an \
                        invalidation when it changes. As in the talk, the pool splits in two: connection 0 takes its CLIENT \
                        ID and subscribes to __redis__:invalidate; connections 1 to 9 read with CLIENT TRACKING ON REDIRECT \
                        <that id>, so every invalidation arrives on connection 0. Who plays what here: connection 0 is \
                        valkey-java over RESP2, because Glide 2.3 drops RESP3 invalidation pushes and its pub/sub needs RESP3; \
                        connections 1 to 9 are Glide clients, one socket each, because tracking belongs to one connection. \
                        The reply of a GET and its invalidation travel on different sockets, so a reply can arrive after the \
                        invalidation that made it stale: the cache leaves a "fetch in progress" placeholder that the \
                        invalidation cancels. Tracking dies with its connection: after an outage the app re-creates \
                        connection 0, re-tracks every data connection with the new id, and empties the local cache.""", code);
    }

    /** Any thread: to the presenter; when tracking (re)starts, the flags on screen are read again at once. */
    private void onEvent(CscEvent e) {
        presenter.offer(e);
        if (e instanceof CscEvent.Status s && !s.problem() && poller != null && poller.running()) poller.tick();
    }

    @Override
    public void activate() {
        if (client == null) return;
        client.start();
        poller.start();
        ctx.clock().add(frames);
        controls.refresh();
    }

    @Override
    public void deactivate() {
        if (poller != null) poller.stop();
        if (frames != null && ctx != null) ctx.clock().remove(frames);
        if (controls != null) controls.stopTraffic();
    }

    @Override
    public void onReset() {
        // the namespace was deleted: the DELs already invalidated our copies; write the starting values again
        if (client != null) client.seed().exceptionally(e -> null);
    }

    @Override
    public void dispose() {
        deactivate();
        if (client != null) client.close();
    }

    @Override
    public List<TalkStep> talkSteps() {
        return scenarios.talkSteps();
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return scenarios.screenshotSteps();
    }

    /** For tests: the caching client behind the tab. */
    CachingClient client() {
        return client;
    }
}
