package dev.valkeyexplainer.concepts.cache;

import dev.valkeyexplainer.valkey.Periodic;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A steady stream of lookups at a set rate, ids drawn from a Zipf-like distribution. Lookups that
 * are still waiting count against a cap, so a slow database makes the stream back off instead of
 * piling up requests without bound.
 */
final class LookupStream {

    static final int MAX_OUTSTANDING = 256;

    private final ScheduledExecutorService scheduler;
    private final ZipfSampler ids;
    private final IntConsumer lookup;
    private final AtomicInteger outstanding = new AtomicInteger();
    private ScheduledFuture<?> task;
    private int rate;

    LookupStream(ScheduledExecutorService scheduler, ZipfSampler ids, IntConsumer lookup) {
        this.scheduler = scheduler;
        this.ids = ids;
        this.lookup = lookup;
    }

    synchronized void start(int perSecond) {
        stop();
        rate = Math.max(1, Math.min(1_000, perSecond));
        long periodMicros = 1_000_000L / rate;
        task = scheduler.scheduleAtFixedRate(Periodic.surviving("lookup stream", () -> {
            if (outstanding.get() < MAX_OUTSTANDING) {
                outstanding.incrementAndGet();
                try {
                    lookup.accept(ids.next());
                } catch (RuntimeException e) {
                    outstanding.decrementAndGet();
                    throw e;
                }
            }
        }), 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Call when a lookup of the stream has finished. */
    void done() {
        outstanding.decrementAndGet();
    }

    synchronized void stop() {
        if (task != null) task.cancel(false);
        task = null;
    }

    synchronized boolean running() {
        return task != null;
    }

    synchronized int rate() {
        return rate;
    }
}
