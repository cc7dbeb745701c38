package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import dev.valkeyexplainer.valkey.hll.HllDecoder;
import dev.valkeyexplainer.valkey.hll.HllHash;
import dev.valkeyexplainer.valkey.hll.HllState;
import glide.api.models.GlideString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a HyperLogLog key the way every part of the concept needs it: {@code MULTI; GET key; PFCOUNT
 * key; EXEC} (the registers and the count of those registers, at one moment), plus {@code SCARD} of the
 * companion Set when there is one. A key the server rejects as a HyperLogLog, or whose bytes do not
 * decode, fails with an {@link HllDamage} naming the key.
 */
final class HllReader {

    private final AtomicLong asked = new AtomicLong();

    /** The raw value as bytes: Glide hands non-UTF-8 values back as GlideString, others as String. */
    static byte[] bytes(Object v) {
        if (v == null) return null;
        if (v instanceof GlideString g) return g.getBytes();
        if (v instanceof byte[] b) return b;
        return String.valueOf(v).getBytes(StandardCharsets.UTF_8);
    }

    static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    /** The registers of a key that does not exist yet: all zero (what PFADD starts from). */
    static HllState empty() {
        return new HllState(HllState.Encoding.SPARSE, 0, true, new int[HllHash.REGISTERS], 0, 0);
    }

    /** True when the failure is the server's ACL refusing MULTI (now, or before: then it was not sent). */
    static boolean multiRefused(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof ValkeyGateway.NotPermitted np) return np.refused().contains("MULTI");
        return "MULTI".equals(ValkeyGateway.denial(JournalFormat.errorMessage(e)));
    }

    CompletableFuture<HllSnapshot> read(ValkeyGateway.Scope s, String key, String setKey) {
        long seq = asked.incrementAndGet();
        // the exact count (SCARD of the experiment's set) in the same transaction when the keys may share one:
        // read apart, a PFCOUNT and a SCARD taken while PFADD/SADD pipelines run disagree by more than the
        // estimate's error (a cluster keeps them in different slots: read apart there)
        boolean together = setKey != null && !"cluster".equals(s.gateway().status().mode());
        CompletableFuture<Long> apart = setKey == null || together ? CompletableFuture.completedFuture(null)
                : s.send(Commands.scard(setKey));
        List<List<String>> both = together ? List.of(List.of("GET", key), List.of("PFCOUNT", key), List.of("SCARD", setKey))
                : List.of(List.of("GET", key), List.of("PFCOUNT", key));
        // MULTI/EXEC: the registers and the count from the same moment. A user whose ACL refuses MULTI
        // (a read-only user) still reads, as a pipeline: a write between the two could then show through
        String java = HllCode.readJava(key, together ? setKey : null);
        return s.batch(true, both, List.of(key), java)
                .exceptionallyCompose(e -> multiRefused(e) ? s.batch(false, both, List.of(key), java)
                        : CompletableFuture.failedFuture(e))
                .thenCombine(apart, (r, separately) -> {
                    if (r == null) throw new IllegalStateException("MULTI/EXEC was aborted");
                    if (r[0] instanceof Throwable t) throw new HllDamage(key, "GET failed: " + sentence(JournalFormat.errorMessage(t)));
                    byte[] raw = bytes(r[0]);
                    HllState state;
                    try {
                        state = raw == null ? empty() : HllDecoder.decode(raw);
                    } catch (HllDecoder.NotAHyperLogLog e) {
                        String server = r[1] instanceof Throwable t ? " The server says: " + sentence(JournalFormat.errorMessage(t)) : "";
                        throw new HllDamage(key, e.getMessage() + server);
                    }
                    if (r[1] instanceof Throwable t) {
                        throw new HllDamage(key, "PFCOUNT failed: " + sentence(JournalFormat.errorMessage(t)));
                    }
                    Long n = separately;
                    if (together) {
                        if (r[2] instanceof Throwable t) throw new IllegalStateException("SCARD failed: " + JournalFormat.errorMessage(t));
                        n = (Long) r[2];
                    }
                    return new HllSnapshot(seq, key, state, (Long) r[1], n);
                });
    }
}
