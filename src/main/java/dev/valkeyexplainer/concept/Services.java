package dev.valkeyexplainer.concept;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services a concept needs beyond the gateway (the game's database, a local cluster, an embedding
 * model), looked up by type and started lazily, the first time a concept asks, on the blocking
 * executor: never on the FX thread and never at app start. Each is created once and shared; those
 * that are {@link AutoCloseable} are closed when the app exits.
 *
 * <p>The blocking executor is also where concepts run other blocking work (JDBC, process starts,
 * model loading): it is separate from the gateway's scheduler, which must never block.
 */
public final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final Map<Class<?>, Supplier<?>> factories = new ConcurrentHashMap<>();
    private final Map<Class<?>, CompletableFuture<?>> started = new ConcurrentHashMap<>();
    private final ExecutorService blocking;
    private volatile boolean closed;

    public Services() {
        AtomicInteger n = new AtomicInteger();
        blocking = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vx-blocking-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Declares how to make a service; nothing starts until someone asks for it. */
    public <T> void register(Class<T> type, Supplier<? extends T> factory) {
        factories.put(type, factory);
    }

    /** The service of this type, started on first use; fails if no factory was registered. */
    public <T> CompletableFuture<T> get(Class<T> type) {
        Supplier<?> f = factories.get(type);
        if (f == null) return CompletableFuture.failedFuture(new IllegalStateException("no service " + type.getSimpleName()));
        return get(type, () -> type.cast(f.get()));
    }

    /**
     * The service of this type, created with {@code factory} the first time (a concept can bring its
     * own shared service without the app knowing it, e.g. the Pub/Sub concept's local cluster).
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> get(Class<T> type, Supplier<? extends T> factory) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the app is closing"));
        CompletableFuture<T> f = (CompletableFuture<T>) started.computeIfAbsent(type,
                t -> CompletableFuture.supplyAsync(() -> (T) factory.get(), blocking));
        // forget a failed start (after the map holds it: a start that fails at once must not stay behind)
        f.whenComplete((v, e) -> {
            if (e != null && started.remove(type, f)) {
                LOG.warn("service {} failed to start: {}", type.getSimpleName(), e.toString());
            }
        });
        return f;
    }

    /** The service if it has started already (never starts one). */
    public <T> java.util.Optional<T> ifStarted(Class<T> type) {
        CompletableFuture<?> f = started.get(type);
        if (f == null || !f.isDone() || f.isCompletedExceptionally()) return java.util.Optional.empty();
        return java.util.Optional.of(type.cast(f.join()));
    }

    /** For blocking work: JDBC, process starts, model loading. Never the FX thread or the gateway's scheduler. */
    public ExecutorService blocking() {
        return blocking;
    }

    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<?> f : List.copyOf(started.values())) {
            f.thenAccept(s -> {
                if (s instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        LOG.warn("closing {} failed: {}", s.getClass().getSimpleName(), e.toString());
                    }
                }
            });
        }
        blocking.shutdown();
    }
}
