package dev.valkeyexplainer.concepts.server;

import dev.valkeyexplainer.concept.CodePanel;
import dev.valkeyexplainer.concept.Concept;
import dev.valkeyexplainer.concept.ConceptGroup;
import dev.valkeyexplainer.concept.ConceptContext;
import dev.valkeyexplainer.concept.ConceptPane;
import dev.valkeyexplainer.concept.FxHandoff;
import dev.valkeyexplainer.concept.LivePoller;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * The first tab: the connected server, live. It proves the pipeline every tab reuses: a poller reads
 * INFO off the FX thread, the newest reading is handed to the FX thread, and the view draws it.
 */
public final class ServerConcept implements Concept {

    public static final String ID = "server";
    static final long POLL_MS = 250;
    static final int NAMESPACE_COUNT_EVERY = 8; // polls; SCAN of the namespace every 2 s
    static final int TRAFFIC_KEYS = 1_000;

    private ValkeyGateway.Scope poll;
    private ValkeyGateway.Scope demo;
    private ServerView view;
    private LivePoller<ServerSnapshot> poller;
    private final AtomicReference<ServerSnapshot> last = new AtomicReference<>();
    private volatile long nsKeys = -1;
    private int polls;
    private CodePanel code;
    private Label trafficResult;
    private ConceptContext context;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ConceptGroup group() {
        return ConceptGroup.SERVER;
    }

    @Override
    public String summary() {
        return "The live Valkey server behind every concept: INFO, clients, memory, the namespace";
    }

    @Override
    public List<String> keywords() {
        return List.of("INFO", "SCAN", "DBSIZE", "ops/sec", "memory", "pipeline", "round trip");
    }

    @Override
    public String title() {
        return "Server";
    }

    @Override
    public Node createView(ConceptContext ctx) {
        this.context = ctx;
        deactivate(); // a second view (a new window) replaces the first: its poller must not live on
        poll = ctx.scope(ID, "poller");
        demo = ctx.scope(ID, "traffic");
        view = new ServerView(ctx.palette());
        code = ctx.codePanel();
        trafficResult = new Label("Sends 1,000 pipelined SETs, then 1,000 GETs, under the prefix.");
        poller = new LivePoller<>(ctx.gateway().scheduler(), POLL_MS, this::read,
                new FxHandoff<>(ctx.fx(), this::show), e -> ctx.fx().execute(() -> view.showError(JournalFormat.errorMessage(e))));
        code.show("Glide (Java): what this tab runs 4× a second", """
                // One INFO call returns every figure on this tab
                String info = client.info(new Section[] {
                    SERVER, CLIENTS, MEMORY, STATS, KEYSPACE
                }).get();

                // Count only our own keys: SCAN + MATCH,
                // never KEYS (which blocks the server)
                ScanOptions only = ScanOptions.builder()
                    .matchPattern("%s").count(1000L).build();
                Object[] page = client.scan(cursor, only).get();
                """.formatted(ctx.gateway().namespace().matchPattern()));
        Button traffic = new Button("Send 2,000 commands");
        traffic.setOnAction(e -> {
            traffic.setDisable(true);
            sendTraffic().whenComplete((msg, err) -> ctx.fx().execute(() -> {
                traffic.setDisable(false);
                trafficResult.setText(err == null ? msg : "Failed: " + JournalFormat.errorMessage(err));
            }));
        });
        trafficResult.setWrapText(true);
        trafficResult.getStyleClass().add("result");
        Node controls = ConceptPane.panel("Try it", traffic, trafficResult);
        return ConceptPane.layout(ID, "Server: the live Valkey behind every tab",
                "Every figure here is read from the server 4 times a second with INFO; nothing is simulated.",
                view, controls, """
                        A game reads the same data again and again. A relational database answers from disk and \
                        over the network; Valkey keeps the data in memory and answers in microseconds. Putting it \
                        in front of the database (as the talk does with ElastiCache in front of RDS) speeds up \
                        reads and takes load off the database, so the database can be scaled down.""", code);
    }

    /** One reading: INFO, plus a SCAN count of the namespace every 2 s (a SCAN is not free on a big server). */
    private CompletionStage<ServerSnapshot> read() {
        CompletableFuture<Long> ns = CompletableFuture.completedFuture(nsKeys);
        if (polls++ % NAMESPACE_COUNT_EVERY == 0) {
            ns = poll.gateway().countNamespaceKeys(ID, "poller", 100_000).thenApply(n -> nsKeys = n);
        }
        return ns.thenCompose(n -> poll.send(Commands.read("INFO", "server", "clients", "memory", "stats", "keyspace")))
                .thenApply(info -> {
                    ServerSnapshot s = ServerSnapshot.fromInfo(String.valueOf(info), System.nanoTime(), last.get(), nsKeys);
                    last.set(s);
                    return s;
                });
    }

    private void show(ServerSnapshot s) {
        view.show(s, context.gateway().status(), context.gateway().namespace().prefix());
    }

    /** Pipelined SETs then GETs under the prefix: shows ops/sec jump and what a round trip costs. */
    CompletableFuture<String> sendTraffic() {
        List<List<String>> sets = new ArrayList<>();
        List<List<String>> gets = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < TRAFFIC_KEYS; i++) {
            String key = demo.key("server:demo:" + i);
            keys.add(key);
            sets.add(List.of("SET", key, "player-" + i, "EX", "300"));
            gets.add(List.of("GET", key));
        }
        long t0 = System.nanoTime();
        return demo.batch(false, sets, keys, "Batch b = new Batch(false); // a pipeline, not MULTI\n"
                        + "for (int i = 0; i < 1000; i++) b.set(\"vx:server:demo:\" + i, \"player-\" + i, EX 300);\nclient.exec(b, false);")
                .thenCompose(r -> demo.batch(false, gets, List.of(), "Batch b = new Batch(false);\n"
                        + "for (int i = 0; i < 1000; i++) b.get(\"vx:server:demo:\" + i);\nclient.exec(b, false);"))
                .thenCompose(r -> {
                    long pipelineMicros = (System.nanoTime() - t0) / 1_000;
                    long s0 = System.nanoTime();
                    return demo.send(Commands.get(keys.get(0))).thenApply(v -> {
                        long single = (System.nanoTime() - s0) / 1_000;
                        return String.format(Locale.ROOT, "2,000 commands in 2 pipelines: %,.1f ms (%.1f µs per command)."
                                        + " One GET on its own: %,d µs round trip.", pipelineMicros / 1000.0,
                                pipelineMicros / 2000.0, single);
                    });
                });
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
        nsKeys = -1;
        polls = 0;
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
                        () -> Async.onFx(context.fx(), () -> sendTraffic().thenAccept(msg -> context.fx().execute(() ->
                                trafficResult.setText(msg))))));
    }

    @Override
    public List<ScreenshotStep> screenshotSteps() {
        // three bursts a second apart, so the sparklines show traffic against the idle polling
        return List.of(new ScreenshotStep("server", () -> sendTraffic().thenCompose(m -> delay(1_000))
                .thenCompose(x -> sendTraffic()).thenCompose(m -> delay(1_000)).thenCompose(x -> sendTraffic()).thenCompose(msg ->
                delay(2_000).thenApply(x -> {
                    ServerSnapshot s = last.get();
                    return String.format(Locale.ROOT, "Server tab: Valkey %s, %d client connection(s), %,d keys under %s,"
                                    + " %s used; %s", s.version(), s.clients(), s.nsKeys(),
                            context.gateway().namespace().prefix(), ServerView.bytes(s.usedMemory()), msg);
                }))));
    }

    private static CompletableFuture<Void> delay(long ms) {
        return dev.valkeyexplainer.concept.Async.delay(ms);
    }
}
