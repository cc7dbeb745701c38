package dev.valkeyexplainer.concepts.server;

import dev.valkeyexplainer.concept.Async;
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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;

/**
 * The first page: the connected server, live. It proves the pipeline every concept reuses: a poller
 * reads INFO off the FX thread ({@link ServerModel}), the newest reading is handed to the FX thread,
 * and the view draws it ({@link ServerView}). This class only wires them together.
 */
public final class ServerConcept implements Concept {

    public static final String ID = "server";

    private ConceptContext ctx;
    private ServerModel model;
    private ServerView view;
    private ServerControlsController controls;
    private LivePoller<ServerSnapshot> poller;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.SERVER;
    }

    @Override
    public String title() {
        return "Server";
    }

    @Override
    public String summary() {
        return "The live Valkey server behind every concept: INFO, clients, memory, the namespace";
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.WRITE);
    }

    @Override
    public List<String> keywords() {
        return List.of("INFO", "SCAN", "DBSIZE", "ops/sec", "memory", "pipeline", "round trip");
    }

    @Override
    public Node createView(ConceptContext context) {
        ctx = context;
        deactivate(); // a second view (a new window) replaces the first: its poller must not live on
        model = new ServerModel(ctx.gateway(), ctx.scope(ID, "poller"), ctx.scope(ID, "traffic"));
        view = new ServerView(ctx.palette());
        CodePanel code = ctx.codePanel();
        code.show("What this page runs 4× a second", ServerCode.polling(ctx.gateway().namespace().matchPattern()));
        controls = new ServerControlsController(model, code, ctx.fx());
        Node form = ctx.fxml().load("concepts/server/controls.fxml", controls);
        poller = new LivePoller<>(ctx.gateway().scheduler(), ServerModel.POLL_MS, model::read,
                new FxHandoff<>(ctx.fx(), s -> view.show(s, ctx.gateway().status(), model.namespacePrefix())),
                e -> ctx.fx().execute(() -> view.showError(JournalFormat.errorMessage(e))));
        return ConceptPane.layout(ID, "Server: the live Valkey behind every concept",
                "Every figure here is read from the server 4 times a second with INFO; nothing is simulated.",
                ConceptPane.scrollable(view), form, """
                        A game reads the same data again and again. A relational database answers from disk and \
                        over the network; Valkey keeps the data in memory and answers in microseconds. Putting it \
                        in front of the database (as the talk does with ElastiCache in front of RDS) speeds up \
                        reads and takes load off the database, so the database can be scaled down.""", code);
    }

    @Override
    public void activate() {
        poller.start();
    }

    @Override
    public void deactivate() {
        if (poller != null) poller.stop();
    }

    @Override
    public void onReset() {
        model.onReset();
    }

    @Override
    public List<TalkStep> talkSteps() {
        return List.of(
                TalkStep.note("A real server", "Everything in this app is read from a real Valkey server, live. Point at"
                        + " the version, the clients and the keys in the namespace: the app only ever writes keys that"
                        + " start with the prefix, and reset removes only those."),
                new TalkStep("2,000 commands", "Send 2,000 commands in two pipelines. Point at the ops/sec spike and at the"
                        + " cost per command next to one GET on its own: a pipeline pays the round trip once. This is why"
                        + " an in-memory cache in front of the database answers in microseconds.",
                        () -> Async.onFx(ctx.fx(), controls::sendTraffic)));
    }

    /**
     * Three bursts, each followed by the next poll (so each shows as a spike on the sparkline), then
     * a reading that counts the namespace afresh, so the cards show the keys the bursts wrote. Waits on
     * readings, never on a clock.
     */
    @Override
    public List<ScreenshotStep> screenshotSteps() {
        return List.of(new ScreenshotStep("server", () -> burst().thenCompose(r -> burst()).thenCompose(r -> burst())
                .thenCompose(r -> model.nextCountedReading().thenApply(s -> String.format(Locale.ROOT,
                        "Server: Valkey %s, %d client connection(s), %,d keys under %s, %s used; %s", s.version(), s.clients(),
                        s.nsKeys(), model.namespacePrefix(), ServerView.bytes(s.usedMemory()), r.summary())))));
    }

    private CompletableFuture<TrafficRun.Result> burst() {
        return Async.onFx(ctx.fx(), controls::sendTraffic).thenCompose(r -> model.nextReading().thenApply(s -> r));
    }
}
