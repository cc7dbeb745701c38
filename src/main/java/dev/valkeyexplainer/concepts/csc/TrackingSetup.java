package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.valkey.ClientOptions;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.DedicatedClient;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The pool's life: opens connection 0 and the nine data connections (plus the game-server client that
 * writes "from elsewhere"), turns tracking on, and puts it back after anything that loses it. Tracking
 * lives on a connection and dies with it (Valkey's {@code src/tracking.c}: a closed client's tracking is
 * gone; a reconnected one has a new id and tracking off), so:
 * <ul>
 *   <li>connection 0 lost: the local cache is emptied and closed at once (invalidations can no longer
 *       arrive), and a new set-up is queued;</li>
 *   <li>the server came back (the gateway's reconnect listener) or a new server was chosen (its connect
 *       listener): connection 0 is re-created, every data connection re-issues CLIENT TRACKING with the
 *       new id, and only then is the local cache opened again.</li>
 * </ul>
 * Set-ups run one at a time in a chain of futures; a failed one retries every 2 s until it works.
 */
final class TrackingSetup {

    static final String WRITER = "game-server";
    private static final long RETRY_MS = 2_000;

    /** Told what happened: a sentence, and whether it is a problem (the tab cannot cache right now). */
    interface Reporter {
        void say(String text, boolean problem);
    }

    private final ValkeyGateway gateway;
    private final String conceptId;
    private final Executor blocking;
    private final LocalCache cache;
    private final Supplier<TrackingMode> mode;
    private final Consumer<InvalidationConnection.Message> onMessage;
    private final Supplier<CompletableFuture<Void>> seed;
    private final Reporter reporter;
    private final Runnable onReconnect = () -> establish("the server came back", true);
    private final Consumer<ConnectionTarget> onConnect = t -> {
        dropPool();
        establish("connected to " + t.redacted(), true);
    };
    private volatile InvalidationConnection conn0;
    private volatile DataPool pool;
    private volatile DedicatedClient writer;
    private volatile boolean closed;
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
    private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    private boolean queued;
    private boolean started;

    TrackingSetup(ValkeyGateway gateway, String conceptId, Executor blocking, LocalCache cache, Supplier<TrackingMode> mode,
                  Consumer<InvalidationConnection.Message> onMessage, Supplier<CompletableFuture<Void>> seed, Reporter reporter) {
        this.gateway = gateway;
        this.conceptId = conceptId;
        this.blocking = blocking;
        this.cache = cache;
        this.mode = mode;
        this.onMessage = onMessage;
        this.seed = seed;
        this.reporter = reporter;
    }

    /** The first set-up (once); later calls only return the current {@link #ready()}. */
    synchronized CompletableFuture<Void> start() {
        if (!started && !closed) {
            started = true;
            gateway.addReconnectListener(onReconnect);
            gateway.addConnectListener(onConnect);
            blocking.execute(LocalCache::warmUp);
            establish("starting", true);
        }
        return ready.copy();
    }

    /** Completes when tracking is on (now, or after the set-up in progress). */
    CompletableFuture<Void> ready() {
        return ready.copy();
    }

    long conn0Id() {
        InvalidationConnection c = conn0;
        return c == null ? -1 : c.clientId();
    }

    DataPool pool() {
        return pool;
    }

    DedicatedClient writer() {
        return writer;
    }

    boolean closed() {
        return closed;
    }

    /**
     * Queues a set-up: with {@code fresh}, connection 0 is re-created (new CLIENT ID) and the seed values
     * written if missing; otherwise only CLIENT TRACKING is re-issued (a mode change). The local cache is
     * emptied first and stays unused until tracking is on again on all nine data connections.
     */
    synchronized void establish(String why, boolean fresh) {
        if (closed) return;
        notReady(); // from now on, ready() is the future of this set-up
        if (queued) return;
        queued = true;
        chain = chain.handle((x, e) -> null).thenCompose(x -> {
            synchronized (this) {
                queued = false;
            }
            return setUp(why, fresh);
        }).exceptionally(e -> {
            if (closed) return null;
            String msg = JournalFormat.errorMessage(e);
            if (isCluster()) {
                reporter.say(msg, true);
                return null;
            }
            if (dev.valkeyexplainer.valkey.ValkeyGateway.denial(msg) != null || msg.contains("not sent again")) {
                // the user may not run CLIENT …: trying again can never work (and each try is an ACL log entry)
                reporter.say("Tracking is not on: this user may not run the CLIENT commands client-side caching needs"
                        + " (the @connection category: CLIENT ID, CLIENT TRACKING). The server said: " + msg
                        + " Reads go to the server and nothing is cached; not trying again.", true);
                return null;
            }
            reporter.say("Tracking is not on. " + (msg.endsWith(".") ? msg : msg + ".") + " Reads go to the server and nothing is cached; trying again"
                    + " in 2 s.", true);
            later(RETRY_MS, () -> establish(why, true));
            return null;
        });
    }

    private CompletableFuture<Void> setUp(String why, boolean fresh) {
        if (closed) return CompletableFuture.completedFuture(null);
        if (isCluster()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Client-side caching with REDIRECT needs a"
                    + " standalone server: on a cluster, tracking and its redirect live on one node. Connect to a"
                    + " standalone server to use this tab."));
        }
        ConnectionTarget t = gateway.target();
        if (t == null) return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        int dropped = cache.close("tracking is being set up (" + why + ")");
        notReady();
        InvalidationConnection current = conn0;
        boolean reopen = fresh || current == null;
        CompletableFuture<InvalidationConnection> c0;
        if (reopen) {
            conn0 = null;
            if (current != null) current.close();
            c0 = CompletableFuture.supplyAsync(() -> InvalidationConnection.open(t, gateway.journal(), conceptId), blocking)
                    .thenApply(this::listen);
        } else {
            c0 = CompletableFuture.completedFuture(current);
        }
        TrackingMode m = mode.get();
        return c0.thenCompose(c -> ensurePool().thenCompose(p -> p.track(m, c.clientId(), blocking))
                        .thenCompose(x -> reopen ? seed.get() : CompletableFuture.completedFuture(null))
                        .thenApply(x -> c))
                .thenAccept(c -> {
                    if (c != conn0 || closed) throw new IllegalStateException("connection 0 changed during the set-up");
                    cache.open();
                    synchronized (this) {
                        if (!queued) ready.complete(null); // else the queued set-up completes it
                    }
                    reporter.say(String.format(Locale.ROOT, "Tracking on: conn-0 is CLIENT ID %d, %d data connections"
                                    + " REDIRECT %d, mode %s (%s).%s", c.clientId(), DataPool.SIZE, c.clientId(), m.label(), why,
                            dropped > 0 ? String.format(Locale.ROOT, " The local cache was emptied (%d entr%s)%s.", dropped,
                                    dropped == 1 ? "y" : "ies", reopen ? ": it may have missed invalidations" : "") : ""), false);
                });
    }

    /** Starts connection 0's reader on its own thread of the blocking executor. */
    private InvalidationConnection listen(InvalidationConnection c) {
        if (closed) {
            c.close();
            throw new IllegalStateException("closed");
        }
        conn0 = c;
        blocking.execute(() -> c.run(m -> {
            if (c == conn0) onMessage.accept(m);
        }, e -> onLost(c, e)));
        return c;
    }

    private void onLost(InvalidationConnection c, Throwable e) {
        if (c != conn0 || closed) return;
        conn0 = null;
        int dropped = cache.close("connection 0 was lost");
        notReady();
        reporter.say(String.format(Locale.ROOT, "Connection 0 was lost (%s). Invalidations can no longer arrive, so the"
                        + " local cache was emptied (%d entr%s) and reads go to the server until tracking is back.",
                JournalFormat.errorMessage(e), dropped, dropped == 1 ? "y" : "ies"), true);
        later(500, () -> establish("connection 0 was lost", true));
    }

    private CompletableFuture<DataPool> ensurePool() {
        DataPool p = pool;
        if (p != null && !p.slots().get(0).client.isClosed()) return CompletableFuture.completedFuture(p);
        CompletableFuture<DedicatedClient> w = gateway.openClient(conceptId, WRITER, ClientOptions.DEFAULT);
        return DataPool.open(gateway, conceptId).thenCombine(w, (np, wc) -> {
            if (closed) {
                np.close();
                wc.close();
                throw new IllegalStateException("closed");
            }
            pool = np;
            writer = wc;
            return np;
        });
    }

    private void dropPool() {
        DataPool p = pool;
        DedicatedClient w = writer;
        pool = null;
        writer = null;
        Runnable closing = () -> {
            if (p != null) p.close();
            if (w != null) w.close();
        };
        try {
            blocking.execute(closing); // closing a Glide client may wait: not on the caller's thread
        } catch (RejectedExecutionException e) {
            closing.run(); // the app is shutting down its executors: close here
        }
    }

    private synchronized void notReady() {
        if (ready.isDone()) ready = new CompletableFuture<>();
    }

    private boolean isCluster() {
        return "cluster".equals(gateway.status().mode());
    }

    private void later(long ms, Runnable r) {
        CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS, blocking).execute(r);
    }

    /** Closes every connection; nothing is set up again. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        gateway.removeReconnectListener(onReconnect);
        gateway.removeConnectListener(onConnect);
        InvalidationConnection c = conn0;
        conn0 = null;
        if (c != null) c.close();
        dropPool();
    }
}
