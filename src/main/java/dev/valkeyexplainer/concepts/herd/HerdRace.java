package dev.valkeyexplainer.concepts.herd;

import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.db.Player;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import glide.api.models.Script;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The thundering-herd race from the talk. A hot key expires while N workers read it at once.
 * Without the lock every worker misses and goes to the database. With the lock, a worker that misses
 * tries {@code SET lock token NX EX 5}: exactly one wins, reads the key once more (another worker
 * may have filled it just before), loads from the database, writes the value and releases the lock with a compare-and-delete script (so it can never delete a lock that expired
 * and was taken by another worker); the others wait with a short backoff and then read the value.
 */
public final class HerdRace {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HerdRace.class);

    /** Deletes the lock only if it still holds this worker's token. */
    static final String RELEASE_LUA = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
                return redis.call('DEL', KEYS[1])
            end
            return 0""";
    static final Script RELEASE = new Script(RELEASE_LUA, false);

    public enum Kind { GET_MISS, GET_HIT, LOCK_WON, LOCK_LOST, DB_LOAD, SET_VALUE, RELEASED, NOT_OWNER, EXPIRE, ERROR }

    /** One command (or database load) of one worker, with its measured start and end. */
    public record Event(int worker, long startMicros, long endMicros, String command, String reply, Kind kind) {
    }

    /** How the race is set up. {@code worker} ids are 1..workers. */
    public record Config(int workers, boolean useLock, long lockTtlMs, int dbDelayMs, int backoffMs, int valueTtlSeconds,
                         int playerId) {
        public Config {
            if (workers < 1 || workers > 128) throw new IllegalArgumentException("workers must be 1 to 128");
        }
    }

    /** What the race did: database loads and the value each worker returned. */
    public record Result(Config config, int dbLoads, List<String> values, List<Event> events, long durationMicros,
                         int notOwnerReleases) {
        public boolean allSame() {
            return values.stream().distinct().count() == 1 && values.get(0) != null;
        }
    }

    /** Lets a command through; a stepped gate holds each until the user steps. */
    public interface Gate {
        CompletableFuture<Void> before(int worker, String command);

        Gate OPEN = (w, c) -> CompletableFuture.completedFuture(null);
    }

    static final int MAX_ATTEMPTS = 400;

    private final ValkeyGateway.Scope valkey;
    private final GameDatabase db;
    private final Config config;
    private final Gate gate;
    private final Consumer<Event> onEvent;
    private final String key;
    private final String lockKey;
    private final AtomicInteger dbLoads = new AtomicInteger();
    private final AtomicInteger notOwner = new AtomicInteger();
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private long t0;

    public HerdRace(ValkeyGateway.Scope valkey, GameDatabase db, Config config, Gate gate, Consumer<Event> onEvent) {
        this.valkey = valkey;
        this.db = db;
        this.config = config;
        this.gate = gate;
        this.onEvent = onEvent;
        this.key = valkey.key("herd:player:" + config.playerId());
        this.lockKey = valkey.key("lock:herd:player:" + config.playerId());
    }

    public String key() {
        return key;
    }

    public String lockKey() {
        return lockKey;
    }

    /**
     * Puts the value in the cache, then lets it expire for real (PEXPIRE 1 ms) and starts every worker
     * at the same moment.
     */
    public CompletableFuture<Result> run() {
        ValkeyGateway.Scope setup = valkey.worker("setup");
        return db.load(config.playerId(), 0)
                .thenCompose(p -> setup.send(Commands.del(lockKey)).thenCompose(x ->
                        setup.send(Commands.setEx(key, p.toJson(), config.valueTtlSeconds()))))
                .thenCompose(x -> setup.send(Commands.pexpire(key, 1)))
                .thenCompose(x -> CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS)))
                .thenCompose(x -> {
                    t0 = System.nanoTime();
                    record(0, t0, "PEXPIRE " + key + " 1", "the hot key expires", Kind.EXPIRE);
                    List<CompletableFuture<String>> all = new ArrayList<>();
                    for (int w = 1; w <= config.workers(); w++) all.add(worker(w));
                    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
                        List<String> values = all.stream().map(CompletableFuture::join).toList();
                        List<Event> copy;
                        synchronized (events) {
                            copy = List.copyOf(events);
                        }
                        return new Result(config, dbLoads.get(), values, copy, (System.nanoTime() - t0) / 1_000, notOwner.get());
                    });
                });
    }

    private CompletableFuture<String> worker(int w) {
        ValkeyGateway.Scope me = valkey.worker("worker-" + w);
        String token = "worker-" + w + ":" + UUID.randomUUID().toString().substring(0, 8);
        return get(me, w).thenCompose(v -> {
            if (v != null) return CompletableFuture.completedFuture(v);
            return config.useLock() ? tryLock(me, w, token, 1) : loadAndSet(me, w);
        });
    }

    private CompletableFuture<String> get(ValkeyGateway.Scope me, int w) {
        return step(me, w, Commands.get(key), r -> r == null ? Kind.GET_MISS : Kind.GET_HIT);
    }

    private CompletableFuture<String> tryLock(ValkeyGateway.Scope me, int w, String token, int attempt) {
        if (attempt > MAX_ATTEMPTS) {
            return CompletableFuture.failedFuture(new IllegalStateException("worker " + w + " gave up after " + MAX_ATTEMPTS + " tries"));
        }
        return step(me, w, Commands.setIfAbsent(lockKey, token, config.lockTtlMs()), r -> r == null ? Kind.LOCK_LOST : Kind.LOCK_WON)
                .thenCompose(ok -> {
                    if (ok != null) {
                        // Won the lock: look once more, since a worker that just released it has written the
                        // value between our miss and our SET NX. Without this second GET, that gap lets a
                        // second load through.
                        return get(me, w).thenCompose(v -> (v != null ? CompletableFuture.completedFuture(v) : loadAndSet(me, w))
                                .thenCompose(value -> release(me, w, token).thenApply(x -> value)));
                    }
                    // someone else holds the lock: wait a little, then look for the value again
                    return CompletableFuture.runAsync(() -> { },
                                    CompletableFuture.delayedExecutor(config.backoffMs(), TimeUnit.MILLISECONDS))
                            .thenCompose(x -> get(me, w))
                            .thenCompose(v -> v != null ? CompletableFuture.completedFuture(v) : tryLock(me, w, token, attempt + 1));
                });
    }

    private CompletableFuture<String> loadAndSet(ValkeyGateway.Scope me, int w) {
        return gate.before(w, "SELECT … FROM players WHERE id = " + config.playerId()).thenCompose(x -> {
            long s = System.nanoTime();
            dbLoads.incrementAndGet();
            return db.load(config.playerId(), config.dbDelayMs()).thenApply(p -> {
                record(w, s, "SELECT * FROM players WHERE id = " + config.playerId(),
                        String.format("row loaded (%d ms simulated network)", config.dbDelayMs()), Kind.DB_LOAD);
                return p;
            });
        }).thenCompose((Player p) -> step(me, w, Commands.setEx(key, p.toJson(), config.valueTtlSeconds()), r -> Kind.SET_VALUE)
                .thenApply(ok -> p.toJson()));
    }

    private CompletableFuture<Object> release(ValkeyGateway.Scope me, int w, String token) {
        ValkeyCall<Object> call = Commands.script(RELEASE, "releaseLock", List.of(lockKey), List.of(token), List.of(lockKey));
        return step(me, w, call, r -> Objects.equals(r, 1L) ? Kind.RELEASED : Kind.NOT_OWNER).thenApply(r -> {
            if (!Objects.equals(r, 1L)) notOwner.incrementAndGet();
            return r;
        });
    }

    /** One command through the gate, recorded as an event with the real reply. */
    private <T> CompletableFuture<T> step(ValkeyGateway.Scope me, int w, ValkeyCall<T> call,
                                          java.util.function.Function<T, Kind> kind) {
        String text = String.join(" ", JournalFormat.display(call.args()));
        return gate.before(w, text).thenCompose(x -> {
            long s = System.nanoTime();
            return me.send(call).whenComplete((r, e) -> {
                if (e != null) record(w, s, text, JournalFormat.reply(e), Kind.ERROR);
                else record(w, s, text, JournalFormat.reply(r), kind.apply(r));
            });
        });
    }

    private void record(int w, long startNanos, String command, String reply, Kind kind) {
        Event e = new Event(w, (startNanos - t0) / 1_000, (System.nanoTime() - t0) / 1_000, command, reply, kind);
        events.add(e);
        try {
            onEvent.accept(e);
        } catch (RuntimeException ex) {
            LOG.warn("a race event listener failed; the race goes on", ex); // drawing must not break the race
        }
    }
}
