package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Cache-aside (lazy loading), as in the talk: read {@code GET vx:player:{id}}; on a hit return it; on
 * a miss read the database, then {@code SET vx:player:{id} <json> EX <ttl>} so the next read hits.
 * Each lookup is timed end to end; the trip is reported for the lanes animation.
 */
final class PlayerCache {

    enum Outcome { HIT, MISS }

    /** One lookup: what happened and how long it took, measured. */
    record Lookup(int id, Outcome outcome, String json, long micros, String worker) {
    }

    private final ValkeyGateway.Scope valkey;
    private final GameDatabase db;
    static final int DEFAULT_TTL = 60;

    private volatile int ttlSeconds = DEFAULT_TTL;
    private final LatencyStats stats;
    private volatile Consumer<Lookup> listener = l -> { };

    PlayerCache(ValkeyGateway.Scope valkey, GameDatabase db, LatencyStats stats) {
        this.valkey = valkey;
        this.db = db;
        this.stats = stats;
    }

    void onLookup(Consumer<Lookup> l) {
        listener = l;
    }

    String key(int id) {
        return valkey.key("player:" + id);
    }

    String keyPattern() {
        return valkey.key("player:");
    }

    int ttlSeconds() {
        return ttlSeconds;
    }

    void setTtlSeconds(int s) {
        ttlSeconds = Math.max(1, s);
    }

    CompletableFuture<Lookup> lookup(int id, String worker) {
        if (id < 1 || id > db.players()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Player ids go from 1 to " + String.format("%,d", db.players()) + "."));
        }
        ValkeyGateway.Scope me = valkey.worker(worker);
        String key = key(id);
        long t0 = System.nanoTime();
        return me.send(Commands.get(key)).thenCompose(cached -> {
            if (cached != null) return CompletableFuture.completedFuture(done(id, Outcome.HIT, cached, t0, worker));
            return db.load(id).thenCompose(p -> me.send(Commands.setEx(key, p.toJson(), ttlSeconds))
                    .thenApply(ok -> done(id, Outcome.MISS, p.toJson(), t0, worker)));
        });
    }

    private Lookup done(int id, Outcome o, String json, long t0, String worker) {
        Lookup l = new Lookup(id, o, json, (System.nanoTime() - t0) / 1_000, worker);
        stats.record(o == Outcome.HIT, l.micros());
        listener.accept(l);
        return l;
    }
}
