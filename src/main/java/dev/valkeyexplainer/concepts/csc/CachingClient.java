package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.DedicatedClient;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The talk's client-side cache: a pool of ten connections, where connection 0 ({@link InvalidationConnection},
 * valkey-java, RESP2) receives the invalidations and connections 1..9 ({@link DataPool}, one Glide client each)
 * read with {@code CLIENT TRACKING ON REDIRECT <id of connection 0>}, in front of a local {@link LocalCache}.
 *
 * <p>A read is a local hit (no network at all), or a GET on the next data connection whose reply is kept
 * unless an invalidation overtook it. Tracking is per connection and dies with it: when connection 0 is
 * lost the local cache is emptied and nothing is kept until tracking is back; when the server comes back
 * (the gateway's reconnect listener), connection 0 is re-created and every data connection re-issues
 * CLIENT TRACKING with its new id. Every step is told to the tab as a {@link CscEvent}.
 *
 * <p>Threads: reads and writes complete on Glide's threads; invalidations are applied on connection 0's
 * reader thread (the blocking executor); set-up runs one at a time in a chain of futures. Nothing blocks.
 */
public final class CachingClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CachingClient.class);

    /** Where a read's value came from. */
    public enum Source { LOCAL, REMOTE, JOINED, BYPASS }

    /**
     * One read.
     *
     * @param via    the connection whose GET produced the value (for a local hit: the one that fetched it)
     * @param nanos  for a local hit the lookup, else the GET's round trip (both measured, in ns)
     * @param stored whether the value is (still) in the local cache after this read
     * @param note   why a fetched value was not kept, or "" when it was
     */
    public record ReadResult(String key, String value, Source source, String via, long nanos, boolean stored, String note) {
    }

    private final ValkeyGateway gateway;
    private final CscKeys keys;
    private final Consumer<CscEvent> events;
    final LocalCache cache;
    final LatencyLog latency = new LatencyLog();
    private final TrackingSetup setup;
    private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
    private volatile TrackingMode mode;
    private volatile boolean holdReplies;
    private volatile String status = "Not started.";

    /**
     * @param blocking where connection 0 reads (one thread for as long as it lives) and where set-ups wait
     * @param events   told of every read, invalidation, write and change of tracking, on any thread
     * @param raceFix  false only in the test that shows what a naive local cache does
     */
    CachingClient(ValkeyGateway gateway, String conceptId, Executor blocking, CscKeys keys, Consumer<CscEvent> events,
                  int maxEntries, Duration ttl, boolean raceFix) {
        this.gateway = gateway;
        this.keys = keys;
        this.events = events;
        this.cache = new LocalCache(maxEntries, ttl, raceFix);
        this.mode = TrackingMode.defaults(keys.prefix());
        this.setup = new TrackingSetup(gateway, conceptId, blocking, cache, () -> mode, this::onMessage, this::seed, this::say);
    }

    /** Opens the pool and turns tracking on (once); completes when the cache is usable. */
    public CompletableFuture<Void> start() {
        return setup.start();
    }

    /** Completes when tracking is on (now, or after the set-up in progress). */
    public CompletableFuture<Void> ready() {
        return setup.ready();
    }

    public TrackingMode mode() {
        return mode;
    }

    public String status() {
        return status;
    }

    public CscKeys keys() {
        return keys;
    }

    /** The CLIENT ID of connection 0, or -1 while it is not open. */
    public long conn0Id() {
        return setup.conn0Id();
    }

    /** The data connections (empty until the pool is open). */
    List<DataPool.Slot> slots() {
        DataPool p = setup.pool();
        return p == null ? List.of() : p.slots();
    }

    /** Connection 0's thread: one invalidation message, applied to the local cache. */
    private void onMessage(InvalidationConnection.Message m) {
        LocalCache.Dropped d = m.everything() ? cache.invalidateEverything() : cache.invalidate(m.keys());
        emit(new CscEvent.Invalidated(m.keys(), d.values(), d.cancelledFetches()));
    }

    private CompletableFuture<Void> notOpen() {
        return CompletableFuture.failedFuture(new IllegalStateException("The pool is not open yet. " + status));
    }

    // ------------------------------------------------------------------ reads

    /** Reads {@code key}: locally when cached, else with a GET on the next data connection. */
    public CompletableFuture<ReadResult> read(String key) {
        DataPool p = setup.pool();
        if (setup.closed()) return CompletableFuture.failedFuture(new IllegalStateException("closed"));
        if (p == null) return notOpen().thenApply(x -> null);
        TrackingMode m = mode;
        long t0 = System.nanoTime();
        LocalCache.Lookup l = cache.lookup(key, m.covers(key));
        if (l instanceof LocalCache.Hit h) {
            latency.local(h.nanos());
            return done(new ReadResult(key, h.entry().value(), Source.LOCAL, h.entry().via(), h.nanos(), true, ""));
        }
        if (l instanceof LocalCache.Join j) {
            return j.pending().value.thenApply(v -> emitRead(new ReadResult(key, v, Source.JOINED, j.pending().via,
                    System.nanoTime() - t0, cache.peek(key) != null, "waited for the fetch already in progress")));
        }
        DataPool.Slot s = p.next();
        LocalCache.Pending pending = l instanceof LocalCache.Miss miss ? miss.pending() : null;
        if (pending != null) pending.via = s.name;
        long f0 = System.nanoTime();
        CompletableFuture<DataPool.Fetched> fetch = DataPool.fetch(s, key, m.optin() && pending != null);
        return fetch.thenCompose(f -> {
            long nanos = System.nanoTime() - f0;
            latency.remote(nanos);
            return holdIfAsked(pending, key, s).thenApply(x -> settle(key, f, s, pending, nanos, l));
        }).whenComplete((r, e) -> {
            if (e != null && pending != null) cache.fail(pending, e);
        });
    }

    private ReadResult settle(String key, DataPool.Fetched f, DataPool.Slot s, LocalCache.Pending pending, long nanos,
                              LocalCache.Lookup l) {
        if (pending == null) {
            return emitRead(new ReadResult(key, f.value(), Source.BYPASS, s.name, nanos, false,
                    "not cached: " + ((LocalCache.Bypass) l).reason()));
        }
        boolean tracked = f.connectionId() == s.clientId;
        boolean stored = cache.complete(pending, f.value(), s.name, tracked);
        String note = stored ? ""
                : !tracked ? s.name + " was re-made behind our back (CLIENT ID " + f.connectionId() + ", tracking off)"
                : pending.cancelled.isDone() ? "an invalidation arrived while the reply was on its way"
                : "the local cache was emptied meanwhile";
        if (!tracked && s.clientId != -1) setup.establish(s.name + " was re-made", false);
        return emitRead(new ReadResult(key, f.value(), Source.REMOTE, s.name, nanos, stored, note));
    }

    /** In step mode the app holds a GET's reply back until {@link #releaseHeld()}: the race, made visible. */
    private CompletableFuture<Void> holdIfAsked(LocalCache.Pending pending, String key, DataPool.Slot s) {
        if (!holdReplies || pending == null) return CompletableFuture.completedFuture(null);
        pending.held = true;
        CompletableFuture<Void> gate = new CompletableFuture<>();
        held.add(gate);
        emit(new CscEvent.Held(key, s.name));
        if (!holdReplies || setup.closed()) gate.complete(null); // turned off meanwhile
        return gate;
    }

    /** Holds GET replies back (true) or lets them through, releasing any held now (false). */
    public void holdReplies(boolean on) {
        holdReplies = on;
        if (!on) releaseHeld();
    }

    public boolean holdingReplies() {
        return holdReplies;
    }

    /** Lets every held reply reach the cache. Returns how many were held. */
    public int releaseHeld() {
        List<CompletableFuture<Void>> gates = new ArrayList<>(held);
        held.removeAll(gates);
        gates.forEach(g -> g.complete(null));
        return gates.size();
    }

    public int heldCount() {
        return held.size();
    }

    // ------------------------------------------------------------------ writes, mode, flush

    /** A write by another client (the "game server"): Valkey invalidates whoever tracks the key. */
    public CompletableFuture<String> writeElsewhere(String key, String value) {
        DedicatedClient w = setup.writer();
        if (w == null) return notOpen().thenApply(x -> null);
        return w.send(Commands.set(key, value)).thenApply(ok -> {
            emit(new CscEvent.Wrote(key, value, TrackingSetup.WRITER));
            return ok;
        });
    }

    /**
     * A write by the app itself, on the data connection that fetched the key (or conn-1). With NOLOOP that
     * connection is not told about its own write, so the app forgets its own copy after the SET.
     */
    public CompletableFuture<String> writeOwn(String key, String value) {
        DataPool p = setup.pool();
        if (p == null) return notOpen().thenApply(x -> null);
        LocalCache.Cached c = cache.peek(key);
        DataPool.Slot s = p.slot(1);
        if (c != null) {
            for (DataPool.Slot x : p.slots()) if (x.name.equals(c.via())) s = x;
        }
        DataPool.Slot on = s;
        return on.client.send(Commands.set(key, value)).thenApply(ok -> {
            cache.forget(key);
            emit(new CscEvent.Wrote(key, value, on.name));
            return ok;
        });
    }

    /** Switches the tracking mode: CLIENT TRACKING OFF / ON on all nine data connections; the local cache starts empty. */
    public CompletableFuture<Void> setMode(TrackingMode m) {
        mode = m;
        setup.establish("mode switched", false);
        return setup.ready();
    }

    /** A new local cache with this bound and TTL (null or zero: no TTL). */
    public void configureLocal(int maxEntries, Duration ttl) {
        cache.configure(maxEntries, ttl);
        say(String.format(Locale.ROOT, "New local cache: at most %,d entries, %s.", maxEntries,
                ttl == null || ttl.isZero() ? "no TTL" : "TTL " + ttl.toSeconds() + " s"), false);
    }

    /** Whether FLUSHALL may be sent: only to the app's own sandbox server. */
    public boolean flushAllowed() {
        return gateway.status().sandbox();
    }

    /**
     * FLUSHALL by the "game server" client, on the sandbox only: every tracking client then receives a null
     * invalidation ("everything"). The seed values are written again afterwards.
     */
    public CompletableFuture<Void> flushAll() {
        DedicatedClient w = setup.writer();
        if (!flushAllowed()) {
            return CompletableFuture.failedFuture(new IllegalStateException("FLUSHALL is only sent to the app's own sandbox"
                    + " server, never to a server given with --connect."));
        }
        if (w == null) return notOpen();
        return w.send(new ValkeyCall<>(List.of("FLUSHALL"), List.of(), "client.flushall()",
                h -> h.custom(new String[]{"FLUSHALL"}))).thenAccept(x -> emit(new CscEvent.Wrote("*", "FLUSHALL",
                TrackingSetup.WRITER)));
    }

    /** Writes the starting values of the tab's keys where they are missing (SET NX: no change, no invalidation). */
    public CompletableFuture<Void> seed() {
        DedicatedClient w = setup.writer();
        if (w == null) return notOpen();
        List<List<String>> cmds = new ArrayList<>();
        List<String> all = keys.all();
        for (int i = 0; i < all.size(); i++) cmds.add(List.of("SET", all.get(i), CscKeys.seed(all.get(i), i + 1), "NX"));
        return w.batch(false, cmds, all, "client.exec(seedBatch /* SET key value NX, per key */, false)").thenAccept(r -> { });
    }

    // ------------------------------------------------------------------ plumbing

    private CompletableFuture<ReadResult> done(ReadResult r) {
        return CompletableFuture.completedFuture(emitRead(r));
    }

    private ReadResult emitRead(ReadResult r) {
        emit(new CscEvent.Read(r));
        return r;
    }

    private void say(String text, boolean problem) {
        status = text;
        if (problem) LOG.info("client-side caching: {}", text);
        emit(new CscEvent.Status(text, problem));
    }

    private void emit(CscEvent e) {
        try {
            events.accept(e);
        } catch (RuntimeException ex) {
            LOG.warn("a client-side caching listener failed: {}", ex.toString());
        }
    }

    @Override
    public void close() {
        setup.close();
        releaseHeld();
        cache.close("closed");
    }
}
