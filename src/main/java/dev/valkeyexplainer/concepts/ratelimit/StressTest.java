package dev.valkeyexplainer.concepts.ratelimit;

import dev.valkeyexplainer.valkey.ClientOptions;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.DedicatedClient;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many concurrent casts against one bucket, from several connections of their own: the proof that the
 * script's read-decide-write is atomic. With cost 1, no correct limiter admits more spells than the
 * capacity plus the refill over the run ({@link TokenMath#bound}). The same run done the wrong way,
 * reading with HMGET and writing with HSET from the client (with exactly the script's arithmetic),
 * lets clients spend the same tokens, because other clients' commands run between the read and the
 * write.
 *
 * <p>The script way sends each worker's casts as pipelines of EVALSHA ({@link Config#pipeline} per
 * round trip, one journal row each); the script is loaded first (SCRIPT LOAD) because a pipeline
 * cannot fall back on NOSCRIPT. On the first failure every connection is closed, so nothing waits.
 */
final class StressTest {

    enum Mode {
        SCRIPT("the Lua script (atomic)"),
        READ_THEN_WRITE("HMGET, decide in the client, HSET (the wrong way)");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    /**
     * @param workers  concurrent workers (each one cast after another)
     * @param casts    casts per worker, each of cost 1
     * @param clients  dedicated connections the workers share
     * @param pipeline script casts per round trip (the script way only)
     */
    record Config(Mode mode, int workers, int casts, int clients, long capacity, double rate, int pipeline) {
        Config {
            if (workers < 1 || workers > 256) throw new IllegalArgumentException("workers must be 1 to 256");
            if (casts < 1 || casts > 100_000) throw new IllegalArgumentException("casts must be 1 to 100,000");
            if (clients < 1 || clients > workers) throw new IllegalArgumentException("clients must be 1 to the number of workers");
            if (pipeline < 1) throw new IllegalArgumentException("pipeline must be at least 1");
        }

        long total() {
            return (long) workers * casts;
        }
    }

    /**
     * What a run did, all times from the server's TIME in the scripts (or the TIME read beside HMGET).
     *
     * @param firstMs       the earliest cast (the bucket was created full then)
     * @param lastAllowedMs the latest allowed cast
     * @param wallMicros    the run's duration measured by the app
     */
    record Result(Config config, long allowed, long denied, long firstMs, long lastAllowedMs, long wallMicros) {
        /** Capacity + rate × (last allowed − first) seconds: the most a correct bucket can admit. */
        double bound() {
            return TokenMath.bound(config.capacity(), config.rate(), firstMs, lastAllowedMs);
        }

        long maxAllowed() {
            return (long) Math.floor(bound() + 1e-9);
        }

        boolean overAdmitted() {
            return allowed > maxAllowed();
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: %,d workers × %,d casts on %d connections in %,.2f s: %,d admitted, the"
                            + " bound is %d + %s/s × %.2f s (server time from the first cast to the last one admitted)"
                            + " = %.2f, so at most %,d%s", config.mode().label, config.workers(),
                    config.casts(), config.clients(), wallMicros / 1e6, allowed, config.capacity(),
                    RateSettings.plain(config.rate()), (lastAllowedMs - firstMs) / 1000.0, bound(), maxAllowed(),
                    overAdmitted() ? String.format(Locale.ROOT, ": %,d too many ✗", allowed - maxAllowed()) : " ✓");
        }
    }

    private final ValkeyGateway gateway;
    private final ValkeyGateway.Scope scope;
    private final String key;

    StressTest(ValkeyGateway gateway, ValkeyGateway.Scope scope, String key) {
        this.gateway = gateway;
        this.scope = scope;
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Deletes the bucket, opens the connections, runs every worker, closes the connections. */
    CompletableFuture<Result> run(Config c) {
        CompletableFuture<Object> prepared = scope.send(Commands.del(key)).thenCompose(x -> c.mode() == Mode.SCRIPT
                ? scope.send(Limiters.scriptLoad(Limiter.BUCKET)) : CompletableFuture.completedFuture(null));
        return prepared.thenCompose(x -> open(c.clients())).thenCompose(clients -> {
            Tally t = new Tally();
            long t0 = System.nanoTime();
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int w = 0; w < c.workers(); w++) {
                DedicatedClient client = clients.get(w % clients.size());
                workers.add(c.mode() == Mode.SCRIPT ? scriptWorker(client, c, c.casts(), t) : naiveWorker(client, c, c.casts(), t));
            }
            // the first failure closes every connection, so the other workers fail at once instead of waiting
            workers.forEach(f -> f.whenComplete((v, e) -> {
                if (e != null) clients.forEach(DedicatedClient::close);
            }));
            return CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new))
                    .whenComplete((v, e) -> clients.forEach(DedicatedClient::close))
                    .thenApply(v -> new Result(c, t.allowed.get(), t.denied.get(), t.first.get(), t.lastAllowed.get(),
                            (System.nanoTime() - t0) / 1_000));
        });
    }

    private CompletableFuture<List<DedicatedClient>> open(int n) {
        List<CompletableFuture<DedicatedClient>> opening = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            opening.add(gateway.openClient(scope.conceptId(), "stress-" + i, ClientOptions.DEFAULT.withRequestTimeout(5_000)));
        }
        return CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).handle((v, e) -> {
            List<DedicatedClient> open = opening.stream().filter(f -> !f.isCompletedExceptionally()).map(CompletableFuture::join).toList();
            if (e != null) {
                open.forEach(DedicatedClient::close);
                throw new IllegalStateException("could not open the stress connections: " + JournalFormat.errorMessage(e), e);
            }
            return open;
        });
    }

    /** Counts verdicts and keeps the earliest cast and the latest allowed one (server ms). */
    private static final class Tally {
        final AtomicLong allowed = new AtomicLong();
        final AtomicLong denied = new AtomicLong();
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastAllowed = new AtomicLong(Long.MIN_VALUE);

        void add(boolean ok, long nowMs) {
            first.accumulateAndGet(nowMs, Math::min);
            if (ok) {
                allowed.incrementAndGet();
                lastAllowed.accumulateAndGet(nowMs, Math::max);
            } else {
                denied.incrementAndGet();
            }
        }
    }

    // ---------------------------------------------------------------- the script way

    private CompletableFuture<Void> scriptWorker(DedicatedClient client, Config c, int left, Tally t) {
        int n = Math.min(c.pipeline(), left);
        List<String> evalsha = List.of("EVALSHA", Limiter.BUCKET.sha(), "1", key, Long.toString(c.capacity()),
                RateSettings.plain(c.rate()), "1");
        List<List<String>> cmds = Collections.nCopies(n, evalsha);
        return client.batch(false, cmds, List.of(key), """
                        Batch batch = new Batch(false); // a pipeline: one round trip, no atomicity between the casts
                        for (int i = 0; i < %d; i++)
                            batch.customCommand(new String[]{"EVALSHA", tokenBucket.getHash(), "1", key, "%d", "%s", "1"});
                        Object[] replies = client.exec(batch, false).get();""".formatted(n, c.capacity(), RateSettings.plain(c.rate())))
                .thenCompose(replies -> {
                    for (Object r : replies) {
                        Verdicts.Bucket b = Verdicts.Bucket.of(unwrap(r));
                        t.add(b.allowed(), b.nowMs());
                    }
                    return left > n ? scriptWorker(client, c, left - n, t) : CompletableFuture.completedFuture(null);
                });
    }

    private static Object unwrap(Object reply) {
        if (reply instanceof Throwable e) throw new IllegalStateException(JournalFormat.errorMessage(e), e);
        return reply;
    }

    // ---------------------------------------------------------------- the wrong way, for contrast

    /**
     * One cast at a time: read the bucket and the time, decide here with the script's arithmetic, write
     * back. Correct when one client is alone; between this client's read and its write, other clients
     * read the same tokens and spend them too.
     */
    private CompletableFuture<Void> naiveWorker(DedicatedClient client, Config c, int left, Tally t) {
        return client.batch(false, List.of(List.of("HMGET", key, "tokens", "last_update"), List.of("TIME")), List.of(), """
                        // the wrong way: read …
                        Object[] r = client.exec(new Batch(false)
                            .hmget(key, new String[]{"tokens", "last_update"}).time(), false).get();""")
                .thenCompose(r -> {
                    Object[] h = (Object[]) unwrap(r[0]);
                    Object[] time = (Object[]) unwrap(r[1]);
                    long now = Long.parseLong(LiveState.text(time[0])) * 1000 + Long.parseLong(LiveState.text(time[1])) / 1000;
                    Double tokens = h[0] == null ? null : Double.valueOf(LiveState.text(h[0]));
                    Long last = h[1] == null ? null : Long.valueOf(LiveState.text(h[1]));
                    TokenMath.Step s = TokenMath.spell(tokens, last, now, c.capacity(), c.rate(), 1);
                    long ttl = (long) Math.ceil(c.capacity() / c.rate());
                    return client.batch(false, List.of(
                                    List.of("HSET", key, "tokens", Double.toString(s.tokens()), "last_update", Long.toString(s.lastUpdate())),
                                    List.of("EXPIRE", key, Long.toString(ttl))), List.of(key), """
                                    // … decide here, then write: other clients ran between the read and this write
                                    client.exec(new Batch(false)
                                        .hset(key, Map.of("tokens", tokens, "last_update", now))
                                        .expire(key, ttl), false).get();""")
                            .thenApply(w -> {
                                for (Object o : w) unwrap(o);
                                t.add(s.allowed(), now);
                                return null;
                            });
                })
                .thenCompose(x -> left > 1 ? naiveWorker(client, c, left - 1, t) : CompletableFuture.completedFuture(null));
    }
}
