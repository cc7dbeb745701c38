package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.concept.Async;
import dev.valkeyexplainer.concept.ScreenshotStep;
import dev.valkeyexplainer.concept.TalkStep;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The tab's scenario as talk steps and screenshot steps. Each drives the real controls (through the
 * controller's actions) against the real server, and waits on conditions read from the caching client
 * (an invalidation applied, a reply held), each with a timeout, so an outage ends a step instead of
 * hanging it. Captions carry figures read from the server at that moment.
 */
final class CscScenarios {

    private static final long WAIT_MS = 10_000;

    private final CachingClient client;
    private final CscControlsController controls;
    private final Executor fx;
    private final ValkeyGateway.Scope poller;
    private final Consumer<TrackingReading> show;

    CscScenarios(CachingClient client, CscControlsController controls, Executor fx, ValkeyGateway.Scope poller,
                 Consumer<TrackingReading> show) {
        this.client = client;
        this.controls = controls;
        this.fx = fx;
        this.poller = poller;
        this.show = show;
    }

    private CscKeys keys() {
        return client.keys();
    }

    /** Runs {@code action} on the FX thread (it touches the controls). */
    private <T> CompletableFuture<T> onFx(Supplier<CompletableFuture<T>> action) {
        return Async.onFx(fx, action);
    }

    /**
     * Completes when the pool is ready (starting it if needed), or fails after the timeout. Replies are
     * never held at the start of a step (a step interrupted by an outage may have left the race on).
     */
    private CompletableFuture<Void> ready() {
        return onFx(() -> {
            controls.hold(false);
            return client.start().orTimeout(20, TimeUnit.SECONDS);
        });
    }

    /**
     * Switches the tracking mode as the form does, and fails after the timeout: while the server is
     * down the set-up retries every 2 s and would never complete, so a step must not wait for it forever.
     */
    private CompletableFuture<Void> applyMode(Supplier<TrackingMode> mode) {
        return onFx(() -> controls.applyMode(mode.get())).orTimeout(20, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ the steps

    /** The pool, then every player read twice: twelve GETs round-robin, then twelve local hits. */
    CompletableFuture<Void> pool() {
        return ready().thenCompose(x -> applyMode(() -> TrackingMode.defaults(keys().prefix())))
                .thenCompose(x -> onFx(controls::readAll)).thenCompose(x -> onFx(controls::readAll));
    }

    /** The game server writes a player; its invalidation drops the local entry; the next read fetches the new value. */
    CompletableFuture<CachingClient.ReadResult> writeElsewhere(boolean readAfter) {
        String key = keys().player(3);
        String value = "gold=" + (300 + System.currentTimeMillis() % 1000);
        return ready().thenCompose(x -> onFx(() -> controls.read(key)))
                .thenCompose(r -> {
                    long before = client.cache.messages.get();
                    return onFx(() -> controls.writeElsewhere(key, value))
                            .thenCompose(ok -> until(() -> client.cache.peek(key) == null && client.cache.messages.get() > before));
                })
                .thenCompose(x -> readAfter ? onFx(() -> controls.read(key)) : CompletableFuture.completedFuture(null));
    }

    /**
     * Default mode, then BCAST, with the same twelve newcomers: in each mode the game server updates them
     * (which also removes them from the server's tracking table) and the app reads them. Returns the caption.
     */
    CompletableFuture<String> modes() {
        TrackingMode def = TrackingMode.defaults(keys().prefix());
        List<String> newcomers = keys().newcomers();
        return ready().thenCompose(x -> applyMode(() -> def))
                .thenCompose(x -> writeAll(newcomers, "gold=1"))
                .thenCompose(x -> reading())
                .thenCompose(d0 -> readAll(newcomers).thenCompose(x -> reading())
                        .thenCompose(d1 -> applyMode(() -> def.withBcast(true))
                                .thenCompose(x -> writeAll(newcomers, "gold=2"))
                                .thenCompose(x -> reading())
                                .thenCompose(b0 -> readAll(newcomers).thenCompose(x -> reading())
                                        .thenCompose(b1 -> oneBroadcastWrite(b1).thenApply(messages -> String.format(
                                                Locale.ROOT, "twelve more players read in each mode. Default: 12 GETs took"
                                                        + " tracking_total_keys from %,d to %,d (tracking_total_items %,d to %,d)."
                                                        + " BCAST PREFIX %s: 12 GETs left tracking_total_keys flat (%,d before,"
                                                        + " %,d after), tracking_total_prefixes %,d; one write by the game server then sent"
                                                        + " %d invalidation messages to conn-0, one per data connection flagged B",
                                                d0.totalKeys(), d1.totalKeys(), d0.totalItems(), d1.totalItems(), keys().prefix(),
                                                b0.totalKeys(), b1.totalKeys(), b1.totalPrefixes(), messages))))));
    }

    /** One write under the prefix in BCAST mode; completes with the invalidation messages it caused. */
    private CompletableFuture<Long> oneBroadcastWrite(TrackingReading r) {
        long bcastClients = r.clients().values().stream().filter(ClientList.Row::bcast).count();
        long before = client.cache.messages.get();
        return onFx(() -> controls.writeElsewhere(keys().player(5), "gold=5" + before % 100))
                .thenCompose(ok -> until(() -> client.cache.messages.get() >= before + bcastClients))
                .thenApply(x -> client.cache.messages.get() - before);
    }

    private CompletableFuture<Void> writeAll(List<String> ks, String value) {
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        for (String k : ks) chain = chain.thenCompose(x -> client.writeElsewhere(k, value));
        return chain.thenAccept(x -> { });
    }

    private CompletableFuture<Void> readAll(List<String> ks) {
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        for (String k : ks) chain = chain.thenCompose(x -> client.read(k));
        return chain.thenAccept(x -> { });
    }

    /** The race, stepped: hold the reply of a GET, write the key elsewhere, let the invalidation cancel the fetch. */
    CompletableFuture<String> raceHeld() {
        String key = keys().player(7);
        long cancelledBefore = client.cache.cancelledFetches.get();
        return ready().thenCompose(x -> applyMode(() -> TrackingMode.defaults(keys().prefix())))
                .thenCompose(x -> onFx(() -> {
                    client.cache.forget(key); // local only: the next read must be a miss
                    controls.choose(key);
                    controls.hold(true);
                    CompletableFuture<CachingClient.ReadResult> read = controls.read(key);
                    raceRead = read;
                    return until(() -> client.heldCount() > 0);
                }))
                .thenCompose(x -> onFx(() -> controls.writeElsewhere(key, "gold=7" + System.currentTimeMillis() % 100)))
                .thenCompose(x -> until(() -> client.cache.cancelledFetches.get() > cancelledBefore))
                .thenApply(x -> key);
    }

    private volatile CompletableFuture<CachingClient.ReadResult> raceRead;

    /** After {@link #raceHeld()}: releases the reply and returns what happened to it. */
    CompletableFuture<CachingClient.ReadResult> raceRelease() {
        CompletableFuture<CachingClient.ReadResult> r = raceRead;
        return onFx(() -> {
            controls.hold(false); // releases it
            return r == null ? CompletableFuture.completedFuture(null) : r.copy().orTimeout(WAIT_MS, TimeUnit.MILLISECONDS);
        });
    }

    /** Many reads with a skew: the histogram fills, local hits in ns, GETs in µs. */
    CompletableFuture<Void> burst(int n) {
        return ready().thenCompose(x -> onFx(() -> controls.burst(n)));
    }

    /** FLUSHALL on the sandbox; elsewhere the step only says why it does nothing. */
    CompletableFuture<Void> flush() {
        return ready().thenCompose(x -> onFx(() -> {
            if (!client.flushAllowed()) return CompletableFuture.completedFuture(null);
            long flushes = client.cache.flushes.get();
            return controls.readAll().thenCompose(y -> onFx(controls::flush))
                    .thenCompose(y -> until(() -> client.cache.flushes.get() > flushes));
        }));
    }

    /** A fresh reading of the server's tracking state, also shown on screen. */
    CompletableFuture<TrackingReading> reading() {
        return TrackingReading.read(poller, client).thenApplyAsync(r -> {
            show.accept(r);
            return r;
        }, fx);
    }

    /** Completes when {@code condition} holds (checked every 20 ms), or fails after {@link #WAIT_MS}. */
    static CompletableFuture<Void> until(BooleanSupplier condition) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        check(condition, end, done);
        return done;
    }

    private static void check(BooleanSupplier condition, long end, CompletableFuture<Void> done) {
        if (condition.getAsBoolean()) {
            done.complete(null);
        } else if (System.nanoTime() > end) {
            done.completeExceptionally(new TimeoutException("the expected change did not happen within " + WAIT_MS / 1000 + " s"));
        } else {
            CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS).execute(() -> check(condition, end, done));
        }
    }

    // ------------------------------------------------------------------ talk and screenshots

    List<TalkStep> talkSteps() {
        return List.of(
                new TalkStep("Ten connections, two roles", "The pool from the talk. Connection 0, on top, is the"
                        + " invalidation connection: valkey-java over RESP2, it took its CLIENT ID and subscribed to"
                        + " __redis__:invalidate. Connections 1 to 9 are Glide clients, one socket each, and each ran CLIENT"
                        + " TRACKING ON REDIRECT with that id: point at the t flag and the redirect on every slot. We read the"
                        + " twelve players twice: GETs spread round-robin, then local hits that never touch the network.",
                        this::pool),
                new TalkStep("A write somewhere else", "The game server, another client, changes player 3. Valkey knows"
                        + " which connection read it and sends the invalidation to connection 0; the local entry is dropped"
                        + " and the next read misses and fetches the new value.", () -> writeElsewhere(true)),
                new TalkStep("Default vs BCAST", "Twelve more players join. In the default mode the server remembers every"
                        + " key each connection read: watch tracking_total_keys climb by twelve. In BCAST the server keeps only"
                        + " the prefix: the same twelve reads leave the table flat. The price: every write under the prefix"
                        + " is sent to every registered connection, nine messages for one write.", this::modes),
                new TalkStep("The race", "The reply of a GET and the invalidation travel on two different sockets. We hold"
                        + " one reply back, write the key elsewhere, and the invalidation arrives first. A naive cache would now"
                        + " store the old value forever; ours left a placeholder that the invalidation cancelled, so the late"
                        + " reply is thrown away.", () -> raceHeld().thenCompose(k -> raceRelease())),
                new TalkStep("Nanoseconds vs microseconds", "Four hundred reads with a few hot players. The histogram is"
                        + " measured: local hits in nanoseconds, GETs in hundreds of microseconds, about three orders of"
                        + " magnitude apart.", () -> burst(400)),
                new TalkStep("FLUSHALL", "On the app's own sandbox server only: a FLUSHALL by anyone sends every tracking"
                        + " client a null invalidation, meaning everything. The local cache empties at once. Against a server"
                        + " given with --connect the button stays disabled.", this::flush));
    }

    List<ScreenshotStep> screenshotSteps() {
        return List.of(
                new ScreenshotStep("csc-pool", () -> pool().thenCompose(x -> burst(300)).thenCompose(x -> reading())
                        .thenApply(r -> {
                            long tracking = client.slots().stream().filter(s -> {
                                ClientList.Row row = r.clients().get(s.clientId);
                                return row != null && row.tracking() && row.redirect() == client.conn0Id();
                            }).count();
                            LatencyLog.Snapshot s = client.latency.snapshot();
                            return String.format(Locale.ROOT, "Client-side caching, the pool: conn-0 (valkey-java, RESP2) is"
                                            + " CLIENT ID %d, subscribed to __redis__:invalidate; %d of 9 Glide data connections"
                                            + " show flag t and redir=%d in CLIENT LIST. After the 12 players were read:"
                                            + " tracking_total_keys %,d, tracking_total_items %,d. Local hit p50 %s vs remote GET"
                                            + " p50 %s (%,d local hits, %,d GETs measured).", client.conn0Id(), tracking,
                                    client.conn0Id(), r.totalKeys(), r.totalItems(), LatencyLog.format(s.localP50()),
                                    LatencyLog.format(s.remoteP50()), s.localCount(), s.remoteCount());
                        })),
                new ScreenshotStep("csc-invalidation", () -> writeElsewhere(false).thenCompose(x -> reading()).thenCompose(x ->
                        poller.send(Commands.get(keys().player(3)))).thenApply(v -> String.format(Locale.ROOT,
                        "Client-side caching, an invalidation in flight: the game server wrote player:3 (now %s); Valkey sent"
                                + " the invalidation to conn-0, which dropped the local entry (invalidation messages so far: %,d).",
                        v, client.cache.messages.get()))),
                new ScreenshotStep("csc-modes", () -> modes().thenApply(s -> "Client-side caching, " + s + ".")),
                new ScreenshotStep("csc-race-held", () -> raceHeld().thenCompose(k -> reading().thenApply(r -> k))
                        .thenCompose(k -> poller.send(Commands.get(k))
                        .thenApply(v -> String.format(Locale.ROOT, "Client-side caching, the race stepped: the GET of %s ran"
                                + " and its reply is held in the app; the game server then wrote %s; that invalidation reached"
                                + " conn-0 first and cancelled the fetch-in-progress placeholder (fetches cancelled so far: %,d).",
                                k.substring(k.indexOf("player")), v, client.cache.cancelledFetches.get())))),
                new ScreenshotStep("csc-race", () -> raceRelease().thenApply(r -> r == null ? "Client-side caching, the race:"
                        + " no reply was held." : String.format(Locale.ROOT, "Client-side caching, the race resolved: the"
                        + " released reply (%s) was %s; a naive cache would have kept it with no invalidation left to come.",
                        r.value(), r.stored() ? "stored" : "not kept (" + r.note() + ")"))));
    }
}
