package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The talk's experiment, measured on the server: a plain filter of m bits and k hash functions gets N
 * members ({@code player:0} …), then M strangers that were never added ({@code stranger:0} …) are
 * tested. The share of strangers that come back "maybe" is the measured false-positive rate, next to
 * (1 − e^(−kN/m))^k. The same members also go into a Set, and MEMORY USAGE compares the two.
 */
final class Experiment {

    /**
     * What one run measured.
     *
     * @param added        members the script added; {@code presentOnAdd} were "maybe there" already (their bits all set)
     * @param positives    strangers answered "maybe": false positives
     * @param setBits      BITCOUNT of the bitmap afterwards
     * @param bitmapBytes  MEMORY USAGE of the bitmap
     * @param metaBytes    MEMORY USAGE of the filter's description hash
     * @param setBytes     MEMORY USAGE of the Set with the same members, or 0 without one
     * @param micros       the whole run, adds and tests
     */
    record Result(long m, int k, long n, long probes, long added, long presentOnAdd, long positives, long setBits,
                  long bitmapBytes, long metaBytes, long setBytes, long micros) {

        double measured() {
            return probes == 0 ? 0 : (double) positives / probes;
        }

        double theory() {
            return BloomMath.falsePositiveRate(m, n, k);
        }

        /** The 5-sigma band around the theory, as a rate. */
        double band() {
            return probes == 0 ? 0 : BloomMath.tolerance(m, n, k, probes, 5) / probes;
        }

        boolean agrees() {
            return Math.abs(positives - probes * theory()) <= BloomMath.tolerance(m, n, k, probes, 5);
        }

        /** The share of memory the filter saves against the Set: 1 − (bitmap + description) / Set. */
        double saving() {
            return setBytes == 0 ? 0 : 1 - (double) (bitmapBytes + metaBytes) / setBytes;
        }
    }

    static String member(long i) {
        return "player:" + i;
    }

    static String stranger(long i) {
        return "stranger:" + i;
    }

    private final ValkeyGateway.Scope scope;
    private final BloomKeys keys;
    private final BloomStore store;
    private volatile BulkRun current;
    private volatile boolean cancelled;

    Experiment(ValkeyGateway.Scope scope, BloomKeys keys) {
        this.scope = scope;
        this.keys = keys;
        this.store = new BloomStore(scope);
    }

    void cancel() {
        cancelled = true;
        BulkRun r = current;
        if (r != null) r.cancel();
    }

    /** The input's problem, or null. */
    static String problem(long m, int k, long n, long probes) {
        String p = BloomInput.bitsProblem(m);
        if (p == null) p = BloomInput.hashesProblem(k);
        if (p == null) p = BloomInput.countProblem("N (members)", n);
        if (p == null) p = BloomInput.countProblem("M (strangers)", probes);
        return p;
    }

    /** Runs it; {@code progress} hears after every pipeline (Glide's threads). A cancelled run completes with null. */
    CompletableFuture<Result> run(long m, int k, long n, long probes, boolean withSet, Consumer<BulkRun.Progress> progress) {
        String p = problem(m, k, n, probes);
        if (p != null) return CompletableFuture.failedFuture(new IllegalArgumentException(p));
        long t0 = System.nanoTime();
        return scope.send(BloomCommands.del(List.of(keys.set())))
                .thenCompose(x -> store.reserveFixed(keys, m, k))
                .thenCompose(x -> {
                    current = new BulkRun(scope, keys);
                    return current.add("Adding members", n, Experiment::member, withSet ? keys.set() : null, progress);
                })
                .thenCompose(a -> {
                    if (a.cancelled() || cancelled) return CompletableFuture.completedFuture(null);
                    current = new BulkRun(scope, keys);
                    return current.test("Testing strangers", probes, Experiment::stranger, progress)
                            .thenCompose(t -> t.cancelled() || cancelled ? CompletableFuture.completedFuture(null)
                                    : measure(m, k, n, probes, a, t, withSet, (System.nanoTime() - t0) / 1_000));
                });
    }

    private CompletableFuture<Result> measure(long m, int k, long n, long probes, BulkRun.Progress adds, BulkRun.Progress tests,
                                              boolean withSet, long micros) {
        CompletableFuture<Long> bits = scope.send(BloomCommands.bitcount(keys.bitmap(0)));
        CompletableFuture<Object> bitmap = scope.send(BloomCommands.memory(keys.bitmap(0)));
        CompletableFuture<Object> meta = scope.send(BloomCommands.memory(keys.meta()));
        CompletableFuture<Object> set = withSet ? scope.send(BloomCommands.memory(keys.set())) : CompletableFuture.completedFuture(0L);
        return CompletableFuture.allOf(bits, bitmap, meta, set).thenApply(x -> new Result(m, k, n, probes, adds.added(),
                adds.present(), tests.positives(), bits.join(), number(bitmap.join()), number(meta.join()), number(set.join()), micros));
    }

    private static long number(Object o) {
        return o instanceof Long l ? l : 0;
    }
}
