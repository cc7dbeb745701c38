package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The talk's experiment: add N distinct users to a HyperLogLog and to a Set, in pipelined batches,
 * and compare. After every batch the same pipeline reads PFCOUNT, SCARD and STRLEN, so the error
 * curve and the sparse → dense switch are measured as they happen; MEMORY USAGE of both at the end.
 */
final class Experiment {

    /** One measurement: after {@code exact} distinct users (SCARD), PFCOUNT said {@code estimate}. */
    record Point(long exact, long estimate, long hllBytes) {
        double relativeError() {
            return exact == 0 ? 0 : (estimate - exact) / (double) exact;
        }
    }

    /** Where the experiment is. {@code switchedAt} is the SCARD at which the HLL was first dense, or -1. */
    record Progress(long target, long done, List<Point> points, long switchedAt, long lastSparseBytes, long setBytes,
                    long hllBytes, boolean finished, boolean cancelled, String error) {
        Point last() {
            return points.isEmpty() ? null : points.get(points.size() - 1);
        }
    }

    static final long MAX_USERS = 1_000_000;
    static final int DENSE_BYTES = 12_304;

    private final ValkeyGateway.Scope valkey;
    private final String hllKey;
    private final String setKey;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final List<Point> points = new ArrayList<>();
    private long switchedAt = -1;
    private long lastSparseBytes;

    Experiment(ValkeyGateway.Scope valkey, String hllKey, String setKey) {
        this.valkey = valkey;
        this.hllKey = hllKey;
        this.setKey = setKey;
    }

    void cancel() {
        cancel.set(true);
    }

    /** Runs to the end (or until cancelled); {@code progress} hears about every batch, on Glide's threads. */
    CompletableFuture<Progress> run(long target, Consumer<Progress> progress) {
        if (target < 1 || target > MAX_USERS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("N must be between 1 and 1,000,000."));
        }
        return valkey.send(Commands.del(hllKey, setKey))
                .thenCompose(x -> batchFrom(0, target, progress))
                .thenCompose(p -> p.cancelled() ? CompletableFuture.completedFuture(p) : measureMemory(p))
                .whenComplete((p, e) -> {
                    if (p != null) progress.accept(p);
                });
    }

    /** Small batches at first, so the sparse → dense switch is caught closely; larger ones later. */
    static int batchSize(long done, long target) {
        long size = Math.max(100, Math.min(5_000, done / 10));
        return (int) Math.min(size, target - done);
    }

    private CompletableFuture<Progress> batchFrom(long done, long target, Consumer<Progress> progress) {
        if (cancel.get()) return CompletableFuture.completedFuture(snapshot(target, done, false, true, 0, 0));
        if (done >= target) return CompletableFuture.completedFuture(snapshot(target, done, false, false, 0, 0));
        int size = batchSize(done, target);
        List<String> pfadd = new ArrayList<>(size + 2);
        List<String> sadd = new ArrayList<>(size + 2);
        pfadd.add("PFADD");
        pfadd.add(hllKey);
        sadd.add("SADD");
        sadd.add(setKey);
        for (long i = done; i < done + size; i++) {
            String user = "user:" + i;
            pfadd.add(user);
            sadd.add(user);
        }
        List<List<String>> commands = List.of(pfadd, sadd, List.of("PFCOUNT", hllKey), List.of("SCARD", setKey),
                List.of("STRLEN", hllKey));
        return valkey.batch(false, commands, List.of(hllKey, setKey), """
                        Batch b = new Batch(false); // pipeline: one round trip
                        b.pfadd(hll, users).sadd(set, users)
                         .pfcount(new String[]{hll}).scard(set).strlen(hll);
                        Object[] r = client.exec(b, false).get();""")
                .thenCompose(r -> {
                    long estimate = (Long) r[2];
                    long exact = (Long) r[3];
                    long bytes = (Long) r[4];
                    synchronized (this) {
                        points.add(new Point(exact, estimate, bytes));
                        if (bytes < DENSE_BYTES) lastSparseBytes = bytes;
                        if (switchedAt < 0 && bytes >= DENSE_BYTES) switchedAt = exact;
                    }
                    progress.accept(snapshot(target, done + size, false, false, 0, 0));
                    return batchFrom(done + size, target, progress);
                });
    }

    private CompletableFuture<Progress> measureMemory(Progress p) {
        return valkey.send(Commands.memoryUsage(setKey)).thenCombine(valkey.send(Commands.memoryUsage(hllKey)),
                (set, hll) -> snapshot(p.target(), p.done(), true, false, (Long) set, (Long) hll));
    }

    private synchronized Progress snapshot(long target, long done, boolean finished, boolean cancelled, long setBytes,
                                           long hllBytes) {
        return new Progress(target, done, List.copyOf(points), switchedAt, lastSparseBytes, setBytes, hllBytes, finished,
                cancelled, "");
    }
}
