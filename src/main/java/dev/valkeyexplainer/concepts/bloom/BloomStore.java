package dev.valkeyexplainer.concepts.bloom;

import dev.valkeyexplainer.valkey.ValkeyCall;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the tab does on the server, through the gateway. Every method checks its input first and fails
 * with an {@link IllegalArgumentException} (sending nothing) when it is bad; a server error fails the
 * future with the server's message. Results carry the calls that ran, for the code panel.
 */
final class BloomStore {

    /** Bit arrays up to this many bits are read bit by bit (GETRANGE) to be drawn; larger ones are counted only. */
    static final long DRAW_MAX_BITS = 1L << 20;

    /** A result and the calls that produced it, in order. */
    record Done<T>(T value, List<ValkeyCall<?>> calls) {
    }

    private final ValkeyGateway.Scope scope;

    BloomStore(ValkeyGateway.Scope scope) {
        this.scope = scope;
    }

    ValkeyGateway.Scope scope() {
        return scope;
    }

    private <T> CompletableFuture<T> send(List<ValkeyCall<?>> log, ValkeyCall<T> call) {
        synchronized (log) {
            log.add(call);
        }
        return scope.send(call);
    }

    private static <T> CompletableFuture<T> refuse(String problem) {
        return CompletableFuture.failedFuture(new IllegalArgumentException(problem));
    }

    /**
     * Reads a filter: HGETALL of its description, BITCOUNT of each sub-filter, and GETRANGE of each
     * bitmap of at most {@link #DRAW_MAX_BITS} bits when {@code withBits}.
     */
    CompletableFuture<BloomState.Filter> read(BloomKeys keys, boolean withBits) {
        ValkeyGateway.Scope s = scope.worker("reader");
        return s.send(BloomCommands.hgetall(keys.meta())).thenCompose(meta -> {
            if (meta == null || meta.isEmpty()) return CompletableFuture.completedFuture(BloomState.Filter.missing(keys));
            int count = Integer.parseInt(meta.getOrDefault("filters", "0"));
            List<CompletableFuture<Long>> counts = new ArrayList<>();
            List<CompletableFuture<byte[]>> bits = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long m = Long.parseLong(meta.get("m:" + i));
                counts.add(s.send(BloomCommands.bitcount(keys.bitmap(i))));
                bits.add(withBits && m <= DRAW_MAX_BITS ? s.send(BloomCommands.getrange(keys.bitmap(i), (m + 7) / 8))
                        : CompletableFuture.completedFuture(null));
            }
            List<CompletableFuture<?>> all = new ArrayList<>(counts);
            all.addAll(bits);
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(x -> {
                long[] c = counts.stream().mapToLong(CompletableFuture::join).toArray();
                byte[][] b = bits.stream().map(CompletableFuture::join).toArray(byte[][]::new);
                return BloomState.Filter.parse(keys, meta, c, b);
            });
        });
    }

    /** A new plain filter of m bits and k hash functions (every key of the old one removed first). */
    CompletableFuture<Done<long[]>> reserveFixed(BloomKeys keys, long m, int k) {
        String p = BloomInput.bitsProblem(m);
        if (p == null) p = BloomInput.hashesProblem(k);
        if (p != null) return refuse(p);
        List<ValkeyCall<?>> log = new ArrayList<>();
        return send(log, BloomScript.reserveFixed(keys, m, k)).thenApply(r -> new Done<>(BloomScript.reserved(r), log));
    }

    /** A new scaling filter as BF.RESERVE makes one: capacity, error rate, expansion, tightening. */
    CompletableFuture<Done<long[]>> reserveScaling(BloomKeys keys, long capacity, double rate, long expansion, double tightening) {
        String p = BloomInput.scalingProblem(capacity, rate, expansion, tightening);
        if (p != null) return refuse(p);
        List<ValkeyCall<?>> log = new ArrayList<>();
        return send(log, BloomScript.reserveScaling(keys, capacity, rate, expansion, tightening))
                .thenApply(r -> new Done<>(BloomScript.reserved(r), log));
    }

    private static String itemsProblem(List<String> items) {
        if (items.isEmpty()) return "Type an item first.";
        for (String i : items) {
            String p = BloomInput.itemProblem(i);
            if (p != null) return p;
        }
        return null;
    }

    /** Adds items in one atomic script call (BF.MADD's glass-box twin). */
    CompletableFuture<Done<List<BloomScript.Added>>> add(BloomKeys keys, List<String> items) {
        String p = itemsProblem(items);
        if (p != null) return refuse(p);
        List<ValkeyCall<?>> log = new ArrayList<>();
        return send(log, BloomScript.add(keys, items)).thenApply(r -> new Done<>(BloomScript.added(items, r), log));
    }

    /** Tests items in one script call (BF.MEXISTS's glass-box twin), with the bits of every sub-filter. */
    CompletableFuture<Done<List<BloomScript.Tested>>> test(BloomKeys keys, List<String> items) {
        String p = itemsProblem(items);
        if (p != null) return refuse(p);
        List<ValkeyCall<?>> log = new ArrayList<>();
        return send(log, BloomScript.test(keys, items)).thenApply(r -> new Done<>(BloomScript.tested(items, r), log));
    }

    /** The current values of some bits of a sub-filter: GETBIT for one, BITFIELD_RO for several. */
    CompletableFuture<Done<int[]>> bits(BloomKeys keys, int filter, int[] positions) {
        List<ValkeyCall<?>> log = new ArrayList<>();
        String key = keys.bitmap(filter);
        if (positions.length == 1) {
            return send(log, BloomCommands.getbit(key, positions[0])).thenApply(b -> new Done<>(new int[]{b.intValue()}, log));
        }
        return send(log, BloomCommands.bitsAt(key, positions)).thenApply(r -> new Done<>(BloomScript.ints(r), log));
    }
}
