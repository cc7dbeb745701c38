package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.InfoParser;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The talk's experiment: add N distinct users to a HyperLogLog and to a Set, in pipelined batches, and
 * compare. After every batch the same pipeline reads PFCOUNT, SCARD and STRLEN, so the error curve and
 * the sparse → dense switch are measured as they happen; MEMORY USAGE of both at the end.
 *
 * <p>A long run must not mix two servers' data. It stops, with a message that says why, at the first
 * error reply in a pipeline (e.g. OOM under {@code maxmemory} with {@code noeviction}: the server's own
 * message is shown), when the server goes away, or when the Set no longer holds every user added so far
 * (SCARD below the count sent: the server lost data; if its {@code run_id} changed, it restarted).
 */
final class Experiment {

    /** One measurement: after {@code exact} distinct users (SCARD), PFCOUNT said {@code estimate}. */
    record Point(long exact, long estimate, long hllBytes) {
        double relativeError() {
            return exact == 0 ? 0 : (estimate - exact) / (double) exact;
        }
    }

    /**
     * Where the experiment is. {@code switchedAt} is the SCARD at which the HLL was first dense, or -1;
     * {@code error} is why it stopped early ("" when it did not).
     */
    record Progress(long target, long done, List<Point> points, long switchedAt, long lastSparseBytes, long setBytes,
                    long hllBytes, boolean finished, boolean cancelled, String error) {
        Point last() {
            return points.isEmpty() ? null : points.get(points.size() - 1);
        }

        boolean stopped() {
            return !error.isEmpty();
        }
    }

    /** The run stopped before its end; {@link #progress()} is how far it got, with the reason in its error. */
    static final class Stopped extends RuntimeException {
        private final transient Progress progress;

        Stopped(Progress progress) {
            super(progress.error());
            this.progress = progress;
        }

        Progress progress() {
            return progress;
        }
    }

    static final long MAX_USERS = 1_000_000;
    static final int DENSE_BYTES = 12_304;
    static final String[] NAMES = {"PFADD", "SADD", "PFCOUNT", "SCARD", "STRLEN"};

    private final ValkeyGateway.Scope valkey;
    private final String hllKey;
    private final String setKey;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final List<Point> points = new ArrayList<>();
    private long switchedAt = -1;
    private long lastSparseBytes;
    private volatile String runId = "";

    Experiment(ValkeyGateway.Scope valkey, String hllKey, String setKey) {
        this.valkey = valkey;
        this.hllKey = hllKey;
        this.setKey = setKey;
    }

    void cancel() {
        cancel.set(true);
    }

    /**
     * Runs to the end (or until cancelled); {@code progress} hears about every batch, on Glide's threads.
     * Fails with {@link Stopped} when the run cannot go on (see the class comment).
     */
    CompletableFuture<Progress> run(long target, Consumer<Progress> progress) {
        if (target < 1 || target > MAX_USERS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("N must be between 1 and 1,000,000."));
        }
        return valkey.send(Commands.read("INFO", "server"))
                .thenCompose(info -> {
                    runId = InfoParser.fields(String.valueOf(info)).getOrDefault("run_id", "");
                    return valkey.send(Commands.del(hllKey, setKey));
                })
                .thenCompose(x -> batchFrom(0, target, progress))
                .thenCompose(p -> p.cancelled() ? CompletableFuture.completedFuture(p) : measureMemory(p))
                .handle((p, e) -> {
                    if (e == null) {
                        progress.accept(p);
                        return p;
                    }
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    Stopped s = cause instanceof Stopped st ? st : new Stopped(snapshot(target, done(), false, false, 0, 0,
                            "Lost the server after " + users(done()) + ": " + sentence(JournalFormat.errorMessage(cause))
                                    + " The run stopped; run it again when the server is back."));
                    progress.accept(s.progress());
                    throw s;
                });
    }

    /** Small batches at first, so the sparse → dense switch is caught closely; larger ones later. */
    static int batchSize(long done, long target) {
        long size = Math.max(100, Math.min(5_000, done / 10));
        return (int) Math.min(size, target - done);
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    private static String users(long n) {
        return String.format(Locale.ROOT, "%,d user%s", n, n == 1 ? "" : "s");
    }

    private synchronized long done() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).exact();
    }

    private CompletableFuture<Progress> batchFrom(long done, long target, Consumer<Progress> progress) {
        if (cancel.get()) return CompletableFuture.completedFuture(snapshot(target, done, false, true, 0, 0, ""));
        if (done >= target) return CompletableFuture.completedFuture(snapshot(target, done, false, false, 0, 0, ""));
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
        long expected = done + size;
        return valkey.batch(false, commands, List.of(hllKey, setKey), HllCode.experimentBatchJava())
                .thenCompose(r -> {
                    for (int i = 0; i < r.length; i++) {
                        if (r[i] instanceof Throwable t) {
                            throw stop(target, done, "The server refused " + NAMES[i] + " after " + users(done) + ": "
                                    + sentence(JournalFormat.errorMessage(t)) + " The run stopped at the first error reply.");
                        }
                    }
                    long exact = (Long) r[3];
                    if (exact != expected) return lostData(target, done, expected, exact);
                    long bytes = (Long) r[4];
                    synchronized (this) {
                        points.add(new Point(exact, (Long) r[2], bytes));
                        if (bytes < DENSE_BYTES) lastSparseBytes = bytes;
                        if (switchedAt < 0 && bytes >= DENSE_BYTES) switchedAt = exact;
                    }
                    progress.accept(snapshot(target, expected, false, false, 0, 0, ""));
                    return batchFrom(expected, target, progress);
                });
    }

    /** The Set misses users that were added: find out whether the server restarted, then stop. */
    private CompletableFuture<Progress> lostData(long target, long done, long expected, long exact) {
        return valkey.send(Commands.read("INFO", "server")).handle((info, e) -> {
            String now = e == null ? InfoParser.fields(String.valueOf(info)).getOrDefault("run_id", "") : "";
            boolean restarted = !now.isEmpty() && !now.equals(runId);
            throw stop(target, done, String.format(Locale.ROOT, "%s: the Set holds %,d users but %,d were added, so"
                            + " %,d were lost. The counts would mix two runs, so the run stopped at %s; run it again.",
                    restarted ? "The server restarted during the run (its run_id changed)" : "The server lost data during the run",
                    exact, expected, expected - exact, users(done)));
        });
    }

    private Stopped stop(long target, long done, String why) {
        return new Stopped(snapshot(target, done, false, false, 0, 0, why));
    }

    private CompletableFuture<Progress> measureMemory(Progress p) {
        return valkey.send(Commands.memoryUsage(setKey)).thenCombine(valkey.send(Commands.memoryUsage(hllKey)),
                (set, hll) -> snapshot(p.target(), p.done(), true, false, set instanceof Long l ? l : 0,
                        hll instanceof Long l ? l : 0, ""));
    }

    private synchronized Progress snapshot(long target, long done, boolean finished, boolean cancelled, long setBytes,
                                           long hllBytes, String error) {
        return new Progress(target, done, List.copyOf(points), switchedAt, lastSparseBytes, setBytes, hllBytes, finished,
                cancelled, error);
    }
}
