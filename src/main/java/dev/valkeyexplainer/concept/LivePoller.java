package dev.valkeyexplainer.concept;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads server state off the FX thread at a fixed rate and hands each reading to the FX thread
 * (newest wins). One read at a time: a slow server never piles reads up. A failed read is reported,
 * and polling goes on, so the tab recovers by itself when the server comes back.
 */
public final class LivePoller<T> {

    private final ScheduledExecutorService scheduler;
    private final long periodMs;
    private final Supplier<CompletionStage<T>> read;
    private final FxHandoff<T> handoff;
    private final Consumer<Throwable> onError;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private ScheduledFuture<?> task;

    public LivePoller(ScheduledExecutorService scheduler, long periodMs, Supplier<CompletionStage<T>> read,
                      FxHandoff<T> handoff, Consumer<Throwable> onError) {
        this.scheduler = scheduler;
        this.periodMs = periodMs;
        this.read = read;
        this.handoff = handoff;
        this.onError = onError;
    }

    public synchronized void start() {
        if (task != null || scheduler.isShutdown()) return;
        try {
            task = scheduler.scheduleWithFixedDelay(dev.valkeyexplainer.valkey.Periodic.surviving("poller", this::tick), 0, periodMs,
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            task = null; // the app is closing
        }
    }

    public synchronized void stop() {
        if (task != null) task.cancel(false);
        task = null;
    }

    public synchronized boolean running() {
        return task != null;
    }

    /** One read now (also used by tests). */
    public void tick() {
        if (!inFlight.compareAndSet(false, true)) return;
        CompletionStage<T> s;
        try {
            s = read.get();
        } catch (RuntimeException e) {
            inFlight.set(false);
            onError.accept(e);
            return;
        }
        s.whenComplete((v, e) -> {
            inFlight.set(false);
            if (e != null) onError.accept(e);
            else if (v != null) handoff.offer(v);
        });
    }
}
