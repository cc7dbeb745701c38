package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.valkey.Periodic;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads as a game makes them: players chosen with a skew (weight 1/i for player i, so a few are hot and
 * most reads become local hits), either as a burst or as live traffic with a game-server write now and
 * then. All through the caching client; nothing here is simulated but the choice of keys.
 */
final class Traffic {

    static final int READS_PER_SECOND = 25;
    static final long WRITE_EVERY_MS = 2_000;
    static final int LANES = 4;

    private final CachingClient client;
    private final ScheduledExecutorService scheduler;
    private final Random random = new Random(7);
    private final List<ScheduledFuture<?>> live = new ArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();

    Traffic(CachingClient client, ScheduledExecutorService scheduler) {
        this.client = client;
        this.scheduler = scheduler;
    }

    /** {@code n} reads, {@link #LANES} at a time; completes when all are done (or one failed). */
    CompletableFuture<Void> burst(int n) {
        AtomicInteger left = new AtomicInteger(n);
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int i = 0; i < LANES; i++) lanes.add(lane(left));
        return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> lane(AtomicInteger left) {
        if (left.getAndDecrement() <= 0) return CompletableFuture.completedFuture(null);
        return client.read(skewedKey()).thenCompose(r -> lane(left));
    }

    /** Starts (or stops) {@link #READS_PER_SECOND} reads a second and a game-server write every 2 s. */
    synchronized void live(boolean on) {
        live.forEach(f -> f.cancel(false));
        live.clear();
        if (!on) return;
        live.add(scheduler.scheduleAtFixedRate(Periodic.surviving("live reads", () -> client.read(skewedKey()).exceptionally(e -> null)), 0,
                1_000 / READS_PER_SECOND, TimeUnit.MILLISECONDS));
        live.add(scheduler.scheduleAtFixedRate(Periodic.surviving("live writes", () -> client.writeElsewhere(skewedKey(),
                        "gold=" + (1000 + writes.incrementAndGet())).exceptionally(e -> null)),
                WRITE_EVERY_MS, WRITE_EVERY_MS, TimeUnit.MILLISECONDS));
    }


    synchronized boolean running() {
        return !live.isEmpty();
    }

    /** A player key, player i with weight 1/i. */
    synchronized String skewedKey() {
        double total = 0;
        for (int i = 1; i <= CscKeys.PLAYERS; i++) total += 1.0 / i;
        double x = random.nextDouble() * total;
        for (int i = 1; i <= CscKeys.PLAYERS; i++) {
            x -= 1.0 / i;
            if (x <= 0) return client.keys().player(i);
        }
        return client.keys().player(1);
    }
}
