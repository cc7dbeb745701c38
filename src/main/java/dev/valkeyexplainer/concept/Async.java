package dev.valkeyexplainer.concept;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
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

    /**
     * Completes once {@code condition} holds, checking it on {@code on} (the FX executor when it reads
     * nodes or FX-thread state) every {@value #CHECK_MS} ms without holding a thread; fails with a
     * {@link TimeoutException} naming {@code what} after {@code timeoutMs}. For screenshot and talk steps
     * that wait for the state a picture needs, instead of sleeping a fixed time.
     */
    public static CompletableFuture<Void> until(Executor on, String what, BooleanSupplier condition, long timeoutMs) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        check(on, what, condition, deadline, done);
        return done;
    }

    static final long CHECK_MS = 20;

    private static void check(Executor on, String what, BooleanSupplier condition, long deadline, CompletableFuture<Void> done) {
        on.execute(() -> {
            boolean met;
            try {
                met = condition.getAsBoolean();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            if (met) done.complete(null);
            else if (System.nanoTime() > deadline) done.completeExceptionally(new TimeoutException("timed out waiting until " + what));
            else CompletableFuture.delayedExecutor(CHECK_MS, TimeUnit.MILLISECONDS).execute(() -> check(on, what, condition, deadline, done));
        });
    }
}
