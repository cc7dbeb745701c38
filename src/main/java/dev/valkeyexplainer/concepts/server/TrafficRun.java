package dev.valkeyexplainer.concepts.server;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The Server concept's "Try it": {@value #KEYS} SETs (with {@code EX 300}) in one pipeline, the same
 * number of GETs in a second one, then {@value #SINGLE_GETS} GETs one after the other, each waiting for
 * its reply. The pipelines pay the round trip once for a thousand commands; a GET on its own pays it
 * every time. One lone GET is a noisy figure (a scheduler hiccup can make it 40 ms), so the figure
 * shown is the median of {@value #SINGLE_GETS}, with the fastest and slowest beside it.
 */
final class TrafficRun {

    static final int KEYS = 1_000;
    static final int EX_SECONDS = 300;
    static final int SINGLE_GETS = 21;

    /**
     * @param pipelineMicros the two pipelines, end to end (µs)
     * @param singleMicros   each lone GET's round trip (µs), in the order they ran
     */
    record Result(int commands, long pipelineMicros, long[] singleMicros) {

        double microsPerPipelinedCommand() {
            return pipelineMicros / (double) commands;
        }

        /** The median round trip of the lone GETs (µs); the middle one of an odd count. */
        long median() {
            long[] s = singleMicros.clone();
            Arrays.sort(s);
            return s.length == 0 ? -1 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        long fastest() {
            return Arrays.stream(singleMicros).min().orElse(-1);
        }

        long slowest() {
            return Arrays.stream(singleMicros).max().orElse(-1);
        }

        /** One sentence with the measured figures (the panel and the screenshot caption). */
        String summary() {
            return String.format(Locale.ROOT, "%,d commands in 2 pipelines: %,.1f ms (%.1f µs per command). One GET on its"
                            + " own: %,d µs round trip (median of %d; fastest %,d µs, slowest %,d µs).", commands,
                    pipelineMicros / 1000.0, microsPerPipelinedCommand(), median(), singleMicros.length, fastest(), slowest());
        }
    }

    private final ValkeyGateway.Scope demo;

    TrafficRun(ValkeyGateway.Scope demo) {
        this.demo = demo;
    }

    String key(int i) {
        return demo.key("server:demo:" + i);
    }

    CompletableFuture<Result> run() {
        List<List<String>> sets = new ArrayList<>();
        List<List<String>> gets = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            String key = key(i);
            keys.add(key);
            sets.add(List.of("SET", key, "player-" + i, "EX", Integer.toString(EX_SECONDS)));
            gets.add(List.of("GET", key));
        }
        long t0 = System.nanoTime();
        return demo.batchAllOk(false, sets, keys, ServerCode.traffic(demo.key("server:demo:"), KEYS, EX_SECONDS, 0).java())
                .thenCompose(r -> demo.batchAllOk(false, gets, List.of(), "Batch b = new Batch(false);\n"
                        + "for (int i = 0; i < " + KEYS + "; i++) b.get(\"" + demo.key("server:demo:") + "\" + i);\nclient.exec(b, false);"))
                .thenCompose(r -> {
                    long pipelineMicros = (System.nanoTime() - t0) / 1_000;
                    return singles(new long[SINGLE_GETS], 0).thenApply(s -> new Result(2 * KEYS, pipelineMicros, s));
                });
    }

    /** Lone GETs, one after the other: each waits for the previous reply, as an app without pipelining does. */
    private CompletableFuture<long[]> singles(long[] out, int i) {
        if (i == out.length) return CompletableFuture.completedFuture(out);
        long s0 = System.nanoTime();
        return demo.send(Commands.get(key(i))).thenCompose(v -> {
            out[i] = (System.nanoTime() - s0) / 1_000;
            return singles(out, i + 1);
        });
    }
}
