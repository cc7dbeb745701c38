package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.db.Player;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The cache-aside concept's state and actions, without nodes: the game database (a shared service that
 * starts off the FX thread; nothing here waits for it), the cache in front of it, the trigger that
 * invalidates it, the lookup stream and the hot-key readers, and the poll that reads the live figures.
 * JDBC (the UPDATE, and the database side of the comparison) runs on the blocking executor; Valkey
 * commands go through the gateway; what the view shows of them is collected in a {@link CacheFeed}.
 */
final class CacheModel {

    static final int HOT_PLAYER = 1;
    static final long POLL_MS = 500;
    static final long READER_PERIOD_MS = 400;

    /** One poll: the measured figures, the watched player on both sides, the hot key's TTL and counts. */
    record Reading(boolean dbReady, LatencyStats.Snapshot stats, double dbPerSecond, int queue, long dbReads,
                   Integer watchedId, String cached, long cachedTtl, Player row, long hotTtl, HotKeyReaders.Counts hot,
                   int hotTtlSetting, int hotThreshold) {
    }

    /** The parts that exist once the database has started. */
    private record Parts(GameDatabase db, PlayerCache cache, HotKeyReaders hot, LookupStream stream) {
    }

    private final ValkeyGateway.Scope valkey;
    private final Executor blocking;
    private final CompletableFuture<Parts> parts;
    private final LatencyStats stats = new LatencyStats();
    private final CacheFeed feed = new CacheFeed();
    private volatile boolean triggerOn = true;
    private volatile CacheMode mode = CacheMode.LOOKUPS;
    private volatile Integer watched;
    private volatile CompletableFuture<Long> lastTriggerDel = CompletableFuture.completedFuture(0L);
    private long lastReads;
    private long lastReadsAt;

    CacheModel(ValkeyGateway.Scope valkey, CompletableFuture<GameDatabase> database, ScheduledExecutorService scheduler,
               Executor blocking) {
        this.valkey = valkey;
        this.blocking = blocking;
        this.parts = database.thenApply(db -> wire(db, scheduler));
    }

    private Parts wire(GameDatabase db, ScheduledExecutorService scheduler) {
        PlayerCache cache = new PlayerCache(valkey.worker("app"), db, stats);
        // a lookup the user asked for always becomes a token; the stream's are sampled
        cache.onLookup(l -> feed.lookup(l, "app".equals(l.worker()), System.nanoTime(), cache.ttlSeconds()));
        ValkeyGateway.Scope trigger = valkey.worker("db-trigger");
        // the database trigger's work (on the updating thread): drop the cached copy of the updated row
        db.onRowUpdated(id -> {
            if (!triggerOn) return;
            lastTriggerDel = trigger.send(Commands.del(cache.key(id)));
            feed.token(List.of(new LaneHop(LaneHop.Lane.DB, LaneHop.Lane.VALKEY, "DEL " + cache.key(id), LaneHop.Tone.WARN)));
        });
        HotKeyReaders hot = new HotKeyReaders(valkey.worker("hot"), db, scheduler, HOT_PLAYER);
        hot.onRead(r -> {
            feed.reader(r);
            if (r.refreshed()) feed.token(refreshHops(r, hot));
            if (r.refreshed()) feed.refresh(new CacheFeed.LogLine(String.format(Locale.ROOT, "%tT  reader-%d saw TTL %s < %d s,"
                            + " took the lock → reloaded, SET … EX %d", r.atMillis(), r.reader(), r.missing() ? "(key gone!)"
                            : r.ttlSeen() + " s", hot.thresholdSeconds(), hot.ttlSeconds()), !r.missing()));
        });
        LookupStream[] stream = new LookupStream[1];
        stream[0] = new LookupStream(scheduler, new ZipfSampler(db.players(), 1.1, 42), id ->
                cache.lookup(id, "stream").whenComplete((l, e) -> stream[0].done()));
        return new Parts(db, cache, hot, stream[0]);
    }

    /** A reload as lane tokens: the MULTI read, the low TTL, the lock, the row, the new value with its TTL. */
    static List<LaneHop> refreshHops(HotKeyReaders.Read r, HotKeyReaders hot) {
        return List.of(new LaneHop(LaneHop.Lane.APP, LaneHop.Lane.VALKEY, "MULTI GET TTL", LaneHop.Tone.REQUEST),
                new LaneHop(LaneHop.Lane.VALKEY, LaneHop.Lane.APP, (r.missing() ? "gone" : "TTL " + r.ttlSeen() + " s") + " < "
                        + hot.thresholdSeconds(), LaneHop.Tone.WARN),
                new LaneHop(LaneHop.Lane.APP, LaneHop.Lane.DB, "SELECT id=" + hot.playerId(), LaneHop.Tone.DATABASE),
                new LaneHop(LaneHop.Lane.DB, LaneHop.Lane.APP, "row", LaneHop.Tone.DATABASE),
                new LaneHop(LaneHop.Lane.APP, LaneHop.Lane.VALKEY, "SET EX " + hot.ttlSeconds() + " (reader-" + r.reader() + ")",
                        LaneHop.Tone.WRITE));
    }

    /** Completes when the database has started (at once if it has); fails if it could not start. */
    CompletableFuture<Void> ready() {
        return parts.thenApply(p -> null);
    }

    boolean isReady() {
        return parts.isDone() && !parts.isCompletedExceptionally();
    }

    CacheFeed feed() {
        return feed;
    }

    LatencyStats stats() {
        return stats;
    }

    CacheMode mode() {
        return mode;
    }

    void mode(CacheMode m) {
        mode = m;
    }

    void watch(Integer id) {
        watched = id;
    }

    boolean triggerOn() {
        return triggerOn;
    }

    void triggerOn(boolean on) {
        triggerOn = on;
    }

    String keyPrefix() {
        return valkey.key("player:");
    }

    /** The player ids the database holds: 1 to this. */
    int players() {
        return GameDatabase.DEFAULT_PLAYERS;
    }

    // ------------------------------------------------------------------ lookups

    /** One lookup by the app (the user's, or a talk step's): it is watched and always drawn as a token. */
    CompletableFuture<PlayerCache.Lookup> lookup(int id) {
        watched = id;
        return parts.thenCompose(p -> p.cache().lookup(id, "app"));
    }

    /** Deletes one cached player, so its next lookup misses (the talk's first step). */
    CompletableFuture<Long> forget(int id) {
        return valkey.worker("app").send(Commands.del(keyPrefix() + id));
    }

    int ttlSeconds() {
        return parts.isDone() && !parts.isCompletedExceptionally() ? parts.join().cache().ttlSeconds() : PlayerCache.DEFAULT_TTL;
    }

    void ttlSeconds(int s) {
        parts.thenAccept(p -> p.cache().setTtlSeconds(s));
    }

    void latencyMs(int ms) {
        parts.thenAccept(p -> p.db().setLatencyMs(ms));
    }

    void startStream(int perSecond) {
        parts.thenAccept(p -> p.stream().start(perSecond));
    }

    void stopStream() {
        parts.thenAccept(p -> p.stream().stop());
    }

    boolean streaming() {
        return isReady() && parts.join().stream().running();
    }

    /** Deletes the cached players (SCAN + UNLINK under the prefix) and forgets the measured figures. */
    CompletableFuture<Long> clearCached() {
        stats.clear();
        feed.clearRecent();
        return valkey.gateway().deleteByPrefix(valkey.conceptId(), "app", keyPrefix());
    }

    // ------------------------------------------------------------------ invalidation

    /**
     * A real UPDATE (on the blocking executor: JDBC); the trigger, if on, deletes the cached key. The
     * future completes after the trigger's DEL has been answered, so the next lookup sees its effect.
     */
    CompletableFuture<Player> update(int id, long gold) {
        watched = id;
        boolean withTrigger = triggerOn;
        return parts.thenCompose(p -> CompletableFuture.supplyAsync(() -> {
            Player before = p.db().peek(id);
            return p.db().update(id, before.level(), gold);
        }, blocking)).thenCompose(row -> (withTrigger ? lastTriggerDel : CompletableFuture.completedFuture(0L)).thenApply(x -> {
            feed.invalidation(new CacheFeed.LogLine(String.format(Locale.ROOT, "UPDATE players SET gold = %,d WHERE id = %d → %s",
                    gold, id, withTrigger ? "trigger: DEL " + keyPrefix() + id : "no trigger: the cache keeps the old row"),
                    withTrigger));
            return row;
        }));
    }

    // ------------------------------------------------------------------ hot key

    /** Starts {@code n} readers on the hot key with this TTL and refresh threshold (seconds). */
    CompletableFuture<Void> startHot(int n, int ttl, int under) {
        feed.readers(n);
        return parts.thenCompose(p -> {
            p.hot().configure(ttl, under);
            return p.hot().start(n, READER_PERIOD_MS);
        });
    }

    void stopHot() {
        parts.thenAccept(p -> p.hot().stop());
    }

    boolean hotRunning() {
        return isReady() && parts.join().hot().running();
    }

    /** The hot readers (null until the database has started). */
    HotKeyReaders hot() {
        return isReady() ? parts.join().hot() : null;
    }

    /** The hot-key snippet with the values in use. */
    dev.valkeyexplainer.concept.Snippet hotCode(int ttl, int under) {
        int t = Math.max(2, ttl);
        return CacheCode.hotKey(valkey.key("hot:player:" + HOT_PLAYER), valkey.key("lock:hot:player:" + HOT_PLAYER), HOT_PLAYER,
                t, Math.max(1, Math.min(under, t - 1)), HotKeyReaders.LOCK_MS / 1000);
    }

    // ------------------------------------------------------------------ live reading

    /** One poll (gateway thread): the figures; the watched player in Valkey and in the database; the hot TTL. */
    CompletionStage<Reading> read() {
        if (!isReady()) {
            return CompletableFuture.completedFuture(new Reading(false, stats.snapshot(), 0, 0, 0, null, null, -2, null, -2, null, 0, 0));
        }
        Parts p = parts.join();
        ValkeyGateway.Scope poll = valkey.worker("poller");
        Integer id = mode == CacheMode.INVALIDATION ? watched : null;
        CompletableFuture<Object[]> cachedSide = id == null ? CompletableFuture.completedFuture(null)
                : poll.send(Commands.get(p.cache().key(id))).thenCombine(poll.send(Commands.ttl(p.cache().key(id))),
                        (v, t) -> new Object[]{v, t});
        CompletableFuture<Player> dbSide = id == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> p.db().peek(id), blocking); // JDBC: never on a gateway thread
        CompletableFuture<Long> hotTtl = mode == CacheMode.HOT_KEY && p.hot().running()
                ? poll.send(Commands.ttl(p.hot().key())) : CompletableFuture.completedFuture(-2L);
        return cachedSide.thenCombine(dbSide, (w, row) -> new Object[]{w, row}).thenCombine(hotTtl, (wr, ht) -> {
            Object[] w = (Object[]) wr[0];
            long reads = p.db().reads();
            long now = System.nanoTime();
            double perSecond;
            synchronized (this) {
                perSecond = lastReadsAt == 0 ? 0 : (reads - lastReads) / ((now - lastReadsAt) / 1e9);
                lastReads = reads;
                lastReadsAt = now;
            }
            return new Reading(true, stats.snapshot(), perSecond, p.db().inFlight(), reads, id, w == null ? null : (String) w[0],
                    w == null ? -2 : (Long) w[1], (Player) wr[1], ht, p.hot().counts(), p.hot().ttlSeconds(),
                    p.hot().thresholdSeconds());
        });
    }

    /** After "Reset demo data": the cached players are gone, and so are the figures about them. */
    void onReset() {
        stats.clear();
        feed.clearRecent();
    }

    /** Stops the stream and the readers (the concept left the screen, or the app exits). */
    void stopAll() {
        stopStream();
        stopHot();
    }
}
