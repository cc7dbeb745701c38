package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Many adds or tests, pipelined: each round trip carries {@link #CALLS} script calls of {@link #ITEMS}
 * items each (and, for the experiment, the same members SADDed to a Set). One pipeline at a time, so
 * the server and the UI stay responsive; cancellable between pipelines; it stops at the first error
 * reply (an OOM, say) with the server's message. Each script call is all-or-nothing (see bloom.lua).
 */
final class BulkRun {

    static final int ITEMS = 1_000;
    static final int CALLS = 4;

    /**
     * Where a run is.
     *
     * @param added     items the script added (adds)
     * @param present   items whose bits were all set already: "maybe there", not added (adds)
     * @param positives tests that answered "maybe" (tests)
     * @param filters   sub-filters after the last call (adds)
     */
    record Progress(String phase, long done, long total, long added, long present, long positives, int filters,
                    boolean cancelled) {
        double fraction() {
            return total == 0 ? 1 : (double) done / total;
        }
    }

    /** A run stopped by an error reply: the server's message, and how far it got. */
    static final class Stopped extends RuntimeException {
        final transient Progress at;

        Stopped(String message, Progress at) {
            super(message);
            this.at = at;
        }
    }

    private final ValkeyGateway.Scope scope;
    private final BloomKeys keys;
    private final AtomicBoolean cancel = new AtomicBoolean();

    BulkRun(ValkeyGateway.Scope scope, BloomKeys keys) {
        this.scope = scope;
        this.keys = keys;
    }

    void cancel() {
        cancel.set(true);
    }

    boolean cancelled() {
        return cancel.get();
    }

    /** Adds items 0 … total−1 (named by {@code item}); also SADDs them to {@code setKey} unless it is null. */
    CompletableFuture<Progress> add(String phase, long total, LongFunction<String> item, String setKey, Consumer<Progress> progress) {
        return start(total).thenCompose(x -> step(new Progress(phase, 0, total, 0, 0, 0, 0, false), "addn", item, setKey, progress));
    }

    /** Tests items 0 … total−1; {@code positives} counts the "maybe" answers. */
    CompletableFuture<Progress> test(String phase, long total, LongFunction<String> item, Consumer<Progress> progress) {
        return start(total).thenCompose(x -> step(new Progress(phase, 0, total, 0, 0, 0, 0, false), "testn", item, null, progress));
    }

    private CompletableFuture<Object> start(long total) {
        String p = BloomInput.countProblem("The number of items", total);
        if (p != null) return CompletableFuture.failedFuture(new IllegalArgumentException(p));
        return scope.send(BloomScript.load(keys.scriptKeys())); // a pipeline of EVALSHA cannot load the script itself
    }

    private CompletableFuture<Progress> step(Progress at, String op, LongFunction<String> item, String setKey,
                                             Consumer<Progress> progress) {
        if (cancel.get()) return CompletableFuture.completedFuture(withCancel(at));
        if (at.done() >= at.total()) return CompletableFuture.completedFuture(at);
        List<List<String>> commands = new ArrayList<>();
        long next = at.done();
        for (int c = 0; c < CALLS && next < at.total(); c++) {
            List<String> items = new ArrayList<>(ITEMS);
            for (int i = 0; i < ITEMS && next < at.total(); i++) items.add(item.apply(next++));
            commands.add(BloomScript.bulk(keys, op, items));
            if (setKey != null) commands.add(BloomCommands.concat(List.of("SADD", setKey), items));
        }
        List<String> written = new ArrayList<>(keys.scriptKeys());
        if (setKey != null) written.add(setKey);
        long sent = next;
        return scope.batch(false, commands, op.equals("addn") ? written : List.of(), pipelineCode(op, setKey != null))
                .thenCompose(replies -> {
                    Progress now = at;
                    long done = at.done();
                    for (int i = 0; i < replies.length; i++) {
                        Object r = replies[i];
                        if (r instanceof Throwable t) {
                            throw new CompletionException(new Stopped(JournalFormat.errorMessage(t), now));
                        }
                        List<String> cmd = commands.get(i);
                        if (!cmd.get(0).equals("EVALSHA")) continue;
                        long n = cmd.size() - 4 - keys.scriptKeys().size();
                        done += n;
                        if (op.equals("addn")) {
                            BloomScript.Bulk b = BloomScript.bulk(r);
                            now = new Progress(at.phase(), done, at.total(), now.added() + b.added(), now.present() + b.present(),
                                    now.positives(), b.filters(), false);
                        } else {
                            now = new Progress(at.phase(), done, at.total(), now.added(), now.present(),
                                    now.positives() + (Long) r, now.filters(), false);
                        }
                    }
                    assert done == sent;
                    progress.accept(now);
                    return step(now, op, item, setKey, progress);
                });
    }

    private static Progress withCancel(Progress p) {
        return new Progress(p.phase(), p.done(), p.total(), p.added(), p.present(), p.positives(), p.filters(), true);
    }

    static String pipelineCode(String op, boolean withSet) {
        return "Batch b = new Batch(false); // a pipeline: one round trip\n"
                + "for (List<String> chunk : chunks) { // " + CALLS + " × " + ITEMS + " items\n"
                + "    b.customCommand(evalsha(bloomSha, keys, \"" + op + "\", chunk));\n"
                + (withSet ? "    b.sadd(setKey, chunk.toArray(String[]::new));\n" : "")
                + "}\nObject[] replies = client.exec(b, false).get(); // stop at the first error reply";
    }
}
