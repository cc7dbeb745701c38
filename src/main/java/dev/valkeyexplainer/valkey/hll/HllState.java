package dev.valkeyexplainer.valkey.hll;

import java.util.Arrays;

/**
 * A HyperLogLog as the server stores it, decoded: the header and all 16,384 registers.
 *
 * @param cachedCardinality the cardinality cached in the header by the last PFCOUNT
 * @param cacheValid        false when a PFADD changed registers since (the top bit of the cache is set)
 * @param byteLength        the size of the raw value ({@code STRLEN}): 12,304 when dense
 * @param sparseOpcodes     how many ZERO, XZERO and VAL opcodes the sparse stream has (0 when dense)
 */
public record HllState(Encoding encoding, long cachedCardinality, boolean cacheValid, int[] registers, int byteLength,
                       int sparseOpcodes) {

    public enum Encoding { SPARSE, DENSE }

    public int register(int i) {
        return registers[i];
    }

    public int nonZeroRegisters() {
        int n = 0;
        for (int r : registers) if (r != 0) n++;
        return n;
    }

    public int maxRegister() {
        return Arrays.stream(registers).max().orElse(0);
    }

    /** The cardinality estimated from these registers with Valkey's formula: equals PFCOUNT. */
    public long estimate() {
        return HllEstimator.count(registers);
    }

    /** How many registers hold each value 0..63. */
    public int[] histogram() {
        int[] h = new int[64];
        for (int r : registers) h[r]++;
        return h;
    }
}
