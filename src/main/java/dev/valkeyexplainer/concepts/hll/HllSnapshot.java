package dev.valkeyexplainer.concepts.hll;

import dev.valkeyexplainer.valkey.hll.HllState;

/**
 * One key as the server has it at one moment: its registers (GET, decoded) and the PFCOUNT of those same
 * registers, read together in one MULTI/EXEC so the two can never be from different moments (a check
 * between them never fails on a half-updated state), and the exact count (SCARD of the companion Set)
 * where there is one.
 *
 * @param seq     when it was asked for, in the order of asking: a reading never replaces a newer one
 * @param pfcount what the server replied, as it replied it (negative when its 64-bit integer overflowed)
 * @param exact   SCARD of the Set that holds the same names, or null when the key has none
 */
record HllSnapshot(long seq, String key, HllState state, long pfcount, Long exact) {

    /** Valkey's estimate recomputed here from the decoded registers (Long.MAX_VALUE: 2^63 or more). */
    long recomputed() {
        return state.estimate();
    }

    /**
     * True when the registers give an estimate of 2^63 or more (registers at 50 and above): Java's
     * rounding stops at Long.MAX_VALUE, while hyperloglog.c's {@code llroundl} into a {@code long long}
     * overflows, so PFCOUNT replies a negative number. Not a count: real data never gets there.
     */
    boolean overflowed() {
        return recomputed() == Long.MAX_VALUE;
    }

    /** The recomputed estimate agrees with PFCOUNT (both overflowed counts as agreeing: see {@link #overflowed()}). */
    boolean agrees() {
        return overflowed() ? pfcount < 0 : recomputed() == pfcount;
    }
}
