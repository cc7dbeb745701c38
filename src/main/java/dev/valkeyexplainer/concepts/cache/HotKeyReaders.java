package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.valkey.Periodic;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import glide.api.models.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Keeping a hot key alive (the talk's MULTI example), with one refresh per expiry. Several clients read
 * the hot item; each read runs {@code GET} and {@code TTL} atomically in one MULTI/EXEC. A reader that
 * sees less than the threshold left does not reload at once: several readers see the same low TTL
 * within a few milliseconds, and each would load the row again (the herd in miniature). It first takes
 * a short refresh lock, {@code SET lock token NX EX 5}; only the winner looks at the TTL once more
 * (another reader may have refreshed between its read and its lock), reloads the row, resets the TTL
 * with {@code SET … EX ttl}, and releases the lock with a compare-and-delete script. The others keep
 * serving the value they just read. So each time the TTL falls under the threshold there is exactly
 * one reload.
 */
final class HotKeyReaders {

    /** What a read led to. */
    enum Outcome {
        /** TTL at or above the threshold: served the cached value. */
        FRESH,
        /** Under the threshold, won the lock, still under it: reloaded and reset the TTL. */
        REFRESHED,
        /** Under the threshold, but another reader held the refresh lock: served the cached value. */
        LOCK_TAKEN,
        /** Under the threshold, won the lock, but the TTL had been reset meanwhile: nothing to do. */
        ALREADY_FRESH
    }

    /** One read by one client: the TTL it saw, and what it did. {@code missing}: the key was gone. */
    record Read(int reader, long ttlSeen, Outcome outcome, boolean missing, long atMillis) {
        boolean refreshed() {
            return outcome == Outcome.REFRESHED;
        }
    }

    /** Deletes the refresh lock only if it still holds this reader's token (the herd concept's release). */
    static final Script RELEASE = new Script("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
                return redis.call('DEL', KEYS[1])
            end
            return 0""", false);
    /** The refresh lock's TTL: far longer than a reload (the database latency slider stops at 200 ms). */
    static final long LOCK_MS = 5_000;

    private final ValkeyGateway.Scope valkey;
    private final GameDatabase db;
    private final ScheduledExecutorService scheduler;
    private final String key;
    private final String lockKey;
    private final int playerId;
    private volatile int ttlSeconds = 15;
    private volatile int thresholdSeconds = 5;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong underThreshold = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong lockTaken = new AtomicLong();
    private final AtomicLong alreadyFresh = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private volatile Consumer<Read> listener = r -> { };

    HotKeyReaders(ValkeyGateway.Scope valkey, GameDatabase db, ScheduledExecutorService scheduler, int playerId) {
        this.valkey = valkey;
        this.db = db;
        this.scheduler = scheduler;
        this.playerId = playerId;
        this.key = valkey.key("hot:player:" + playerId);
        this.lockKey = valkey.key("lock:hot:player:" + playerId);
    }

    String key() {
        return key;
    }

    String lockKey() {
        return lockKey;
    }

    int playerId() {
        return playerId;
    }

    void onRead(Consumer<Read> l) {
        listener = l;
    }

    int ttlSeconds() {
        return ttlSeconds;
    }

    int thresholdSeconds() {
        return thresholdSeconds;
    }

    /** A TTL of at least 2 s, and a threshold under it, so a refreshed key is always above the threshold. */
    void configure(int ttl, int threshold) {
        ttlSeconds = Math.max(2, ttl);
        thresholdSeconds = Math.max(1, Math.min(threshold, ttlSeconds - 1));
    }

    /** The counts since the readers started; {@code underThreshold = refreshes + lockTaken + alreadyFresh}. */
    record Counts(long reads, long underThreshold, long refreshes, long lockTaken, long alreadyFresh, long missing) {
    }

    Counts counts() {
        return new Counts(reads.get(), underThreshold.get(), refreshes.get(), lockTaken.get(), alreadyFresh.get(), missing.get());
    }

    synchronized boolean running() {
        return !tasks.isEmpty();
    }

    /** Loads the item, then starts {@code readers} clients reading every {@code periodMs}. */
    synchronized CompletableFuture<Void> start(int readers, long periodMs) {
        stop();
        for (AtomicLong c : List.of(reads, underThreshold, refreshes, lockTaken, alreadyFresh, missing)) c.set(0);
        ValkeyGateway.Scope loader = valkey.worker("loader");
        CompletableFuture<Void> loaded = db.load(playerId).thenCompose(p -> loader.send(Commands.del(lockKey))
                .thenCompose(x -> loader.send(Commands.setEx(key, p.toJson(), ttlSeconds)))).thenApply(x -> null);
        for (int r = 1; r <= readers; r++) {
            int reader = r;
            AtomicBoolean busy = new AtomicBoolean();
            // readers start spread out over one period, as independent clients would
            tasks.add(scheduler.scheduleAtFixedRate(Periodic.surviving("hot-key reader", () -> {
                if (loaded.isDone() && !loaded.isCompletedExceptionally() && busy.compareAndSet(false, true)) {
                    try {
                        read(reader).whenComplete((x, e) -> busy.set(false));
                    } catch (RuntimeException e) {
                        busy.set(false); // refused at once: this reader tries again next period
                        throw e;
                    }
                }
            }), periodMs * (r - 1) / readers, periodMs, TimeUnit.MILLISECONDS));
        }
        return loaded;
    }

    synchronized void stop() {
        tasks.forEach(t -> t.cancel(false));
        tasks.clear();
    }

    /** One client's read: MULTI GET TTL EXEC; under the threshold, the single-flight refresh. */
    CompletableFuture<Read> read(int reader) {
        ValkeyGateway.Scope me = valkey.worker("reader-" + reader);
        return me.batch(true, List.of(List.of("GET", key), List.of("TTL", key)), List.of(), CacheCode.hotRead(key))
                .thenCompose(r -> {
                    reads.incrementAndGet();
                    long ttl = r[1] instanceof Long l ? l : -2;
                    boolean gone = r[0] == null;
                    if (gone) missing.incrementAndGet();
                    if (!gone && ttl >= thresholdSeconds) return done(new Read(reader, ttl, Outcome.FRESH, false, now()));
                    underThreshold.incrementAndGet();
                    return refresh(me, reader, ttl, gone);
                });
    }

    private CompletableFuture<Read> refresh(ValkeyGateway.Scope me, int reader, long ttlSeen, boolean gone) {
        String token = "reader-" + reader + ":" + tokens.incrementAndGet();
        return me.send(Commands.setIfAbsent(lockKey, token, LOCK_MS)).thenCompose(ok -> {
            if (ok == null) {
                lockTaken.incrementAndGet();
                return done(new Read(reader, ttlSeen, Outcome.LOCK_TAKEN, gone, now()));
            }
            // ours: look again, a reader may have reset the TTL between our MULTI and our lock
            return me.send(Commands.ttl(key)).thenCompose(now -> {
                CompletableFuture<Outcome> work;
                if (now >= thresholdSeconds) {
                    alreadyFresh.incrementAndGet();
                    work = CompletableFuture.completedFuture(Outcome.ALREADY_FRESH);
                } else {
                    work = db.load(playerId).thenCompose(p -> me.send(Commands.setEx(key, p.toJson(), ttlSeconds)))
                            .thenApply(x -> {
                                refreshes.incrementAndGet();
                                return Outcome.REFRESHED;
                            });
                }
                return work.thenCompose(outcome -> me.send(Commands.script(RELEASE, "releaseLock", List.of(lockKey),
                                List.of(token), List.of(lockKey)))
                        .thenCompose(x -> done(new Read(reader, outcome == Outcome.REFRESHED ? now : ttlSeen, outcome, gone,
                                now()))));
            });
        });
    }

    private CompletableFuture<Read> done(Read r) {
        try {
            listener.accept(r);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(HotKeyReaders.class).warn("hot-key listener failed", e);
        }
        return CompletableFuture.completedFuture(r);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
