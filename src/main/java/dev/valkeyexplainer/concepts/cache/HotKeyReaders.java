package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.db.GameDatabase;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
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
 * Keeping a hot key alive (the talk's MULTI example). Several clients read the hot item; each read
 * runs {@code GET} and {@code TTL} atomically in one MULTI/EXEC. A reader that sees less than the
 * threshold left reloads the item from the database and resets the TTL, so the key never expires
 * while it is hot.
 */
final class HotKeyReaders {

    /** One read by one client: the TTL it saw, and whether it refreshed (or found the key gone). */
    record Read(int reader, long ttlSeen, boolean refreshed, boolean missing, long atMillis) {
    }

    private final ValkeyGateway.Scope valkey;
    private final GameDatabase db;
    private final ScheduledExecutorService scheduler;
    private final String key;
    private final int playerId;
    private volatile int ttlSeconds = 15;
    private volatile int thresholdSeconds = 5;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private volatile Consumer<Read> listener = r -> { };

    HotKeyReaders(ValkeyGateway.Scope valkey, GameDatabase db, ScheduledExecutorService scheduler, int playerId) {
        this.valkey = valkey;
        this.db = db;
        this.scheduler = scheduler;
        this.playerId = playerId;
        this.key = valkey.key("hot:player:" + playerId);
    }

    String key() {
        return key;
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

    void configure(int ttl, int threshold) {
        ttlSeconds = Math.max(2, ttl);
        thresholdSeconds = Math.max(1, Math.min(threshold, ttlSeconds - 1));
    }

    long refreshes() {
        return refreshes.get();
    }

    long missing() {
        return missing.get();
    }

    long reads() {
        return reads.get();
    }

    synchronized boolean running() {
        return !tasks.isEmpty();
    }

    /** Loads the item, then starts {@code readers} clients reading every {@code periodMs}. */
    synchronized CompletableFuture<Void> start(int readers, long periodMs) {
        stop();
        refreshes.set(0);
        missing.set(0);
        reads.set(0);
        CompletableFuture<Void> loaded = db.load(playerId).thenCompose(p ->
                valkey.worker("loader").send(Commands.setEx(key, p.toJson(), ttlSeconds))).thenApply(x -> null);
        for (int r = 1; r <= readers; r++) {
            int reader = r;
            AtomicBoolean busy = new AtomicBoolean();
            // readers start spread out over one period, as independent clients would
            tasks.add(scheduler.scheduleAtFixedRate(() -> {
                if (loaded.isDone() && busy.compareAndSet(false, true)) read(reader).whenComplete((x, e) -> busy.set(false));
            }, periodMs * (r - 1) / readers, periodMs, TimeUnit.MILLISECONDS));
        }
        return loaded;
    }

    synchronized void stop() {
        tasks.forEach(t -> t.cancel(false));
        tasks.clear();
    }

    /** One client's read: MULTI GET TTL EXEC, then a refresh if the TTL is under the threshold. */
    CompletableFuture<Read> read(int reader) {
        ValkeyGateway.Scope me = valkey.worker("reader-" + reader);
        return me.batch(true, List.of(List.of("GET", key), List.of("TTL", key)), List.of(), """
                        Batch tx = new Batch(true) // MULTI … EXEC
                            .get(key).ttl(key);
                        Object[] r = client.exec(tx, false).get();
                        String value = (String) r[0];
                        long ttl = (Long) r[1];""")
                .thenCompose(r -> {
                    reads.incrementAndGet();
                    Object value = r[0];
                    long ttl = r[1] instanceof Long l ? l : -2;
                    boolean gone = value == null;
                    if (gone) missing.incrementAndGet();
                    if (!gone && ttl >= thresholdSeconds) {
                        return CompletableFuture.completedFuture(report(new Read(reader, ttl, false, false, now())));
                    }
                    // under the threshold (or gone): reload from the database and reset the TTL
                    return db.load(playerId).thenCompose(p -> me.send(Commands.setEx(key, p.toJson(), ttlSeconds)))
                            .thenApply(ok -> {
                                refreshes.incrementAndGet();
                                return report(new Read(reader, ttl, true, gone, now()));
                            });
                });
    }

    private Read report(Read r) {
        listener.accept(r);
        return r;
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
