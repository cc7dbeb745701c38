package dev.valkeyexplainer.concepts.pubsub;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads every node's counters until the cluster bus has delivered everything a publish sent.
 * Bus messages arrive tens of milliseconds after the command (each node link queues them and the
 * event loop writes them), so one reading right away misses some. Where the servers count sent bus
 * messages (Valkey 8.0.3+, valkey-io/valkey#1563), the reading is complete once the received
 * messages add up to the sent ones; Valkey 8.0.0-8.0.2 do not count them, so there the counters must
 * stay unchanged for {@link #QUIET_MS}. At most {@link #LIMIT_MS}.
 */
final class BusSettle {

    /** Counters unchanged this long count as settled where the servers do not count sent bus messages. */
    static final long QUIET_MS = 300;
    static final long STEP_MS = 100;
    static final long LIMIT_MS = 3_000;

    private BusSettle() {
    }

    /** @param before the readings taken before publishing, per node address */
    static CompletableFuture<Map<String, NodeStats>> settled(Observer o, Map<String, NodeStats> before) {
        CompletableFuture<Map<String, NodeStats>> done = new CompletableFuture<>();
        long now = System.nanoTime();
        read(o, before, null, now, now, done);
        return done;
    }

    private static void read(Observer o, Map<String, NodeStats> before, Map<String, NodeStats> previous, long start,
                             long changed, CompletableFuture<Map<String, NodeStats>> done) {
        o.stats().whenComplete((now, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
                return;
            }
            long t = System.nanoTime();
            long lastChange = now.equals(previous) ? changed : t;
            if (balanced(before, now) || (t - lastChange) / 1_000_000 >= QUIET_MS || (t - start) / 1_000_000 >= LIMIT_MS) {
                done.complete(now);
            } else {
                CompletableFuture.delayedExecutor(STEP_MS, TimeUnit.MILLISECONDS)
                        .execute(() -> read(o, before, now, start, lastChange, done));
            }
        });
    }

    /** Sent bus messages are counted and every one of them has been received, for both kinds. */
    static boolean balanced(Map<String, NodeStats> before, Map<String, NodeStats> now) {
        long sent = 0;
        long received = 0;
        for (var e : now.entrySet()) {
            NodeStats d = e.getValue().minus(before.getOrDefault(e.getKey(), e.getValue()));
            sent += d.publishSent() + d.shardSent();
            received += d.publishReceived() + d.shardReceived();
        }
        return sent > 0 && sent == received;
    }
}
