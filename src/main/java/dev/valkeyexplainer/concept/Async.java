package dev.valkeyexplainer.concept;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Small helpers for the asynchronous flows of the tabs (scenarios, screenshot steps). */
public final class Async {

    private Async() {
    }

    /** Completes after {@code ms} milliseconds, without holding a thread. */
    public static CompletableFuture<Void> delay(long ms) {
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
    }

    /** Starts {@code work} on the FX thread (it touches nodes) and completes with what it completes with. */
    public static <T> CompletableFuture<T> onFx(Executor fx, Supplier<? extends CompletableFuture<T>> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        fx.execute(() -> {
            try {
                work.get().whenComplete((v, e) -> {
                    if (e != null) f.completeExceptionally(e);
                    else f.complete(v);
                });
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
