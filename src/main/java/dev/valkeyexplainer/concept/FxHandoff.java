package dev.valkeyexplainer.concept;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the latest value from a background thread to the FX thread with at most one pending
 * {@code runLater}: a poller that is faster than the screen never floods the event queue, and the
 * view always draws the newest state.
 */
public final class FxHandoff<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Executor fx;
    private final Consumer<T> sink;

    public FxHandoff(Executor fx, Consumer<T> sink) {
        this.fx = fx;
        this.sink = sink;
    }

    /** Any thread. */
    public void offer(T value) {
        latest.set(value);
        if (pending.compareAndSet(false, true)) {
            fx.execute(() -> {
                pending.set(false);
                T v = latest.getAndSet(null);
                if (v != null) sink.accept(v);
            });
        }
    }
}
