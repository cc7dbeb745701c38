package dev.valkeyexplainer.valkey.hll;

import java.nio.charset.StandardCharsets;

/**
 * What Valkey computes for one element added with PFADD (hyperloglog.c, {@code hllPatLen}): the
 * 64-bit MurmurHash64A of the element's bytes with seed {@code 0xadc83b19}; the low 14 bits pick one of
 * 16,384 registers; in the remaining 50 bits (with bit 50 forced to 1 so the run ends) the number of
 * trailing zero bits plus one is the value offered to that register. The register keeps the maximum
 * value it has ever been offered.
 *
 * <p>The talk says "the first 14 bits" and "leading zeros": the same idea, counted from the other end.
 *
 * @param hash  the 64-bit hash
 * @param index the register, 0 to 16,383
 * @param value the run of zeros plus one, 1 to 51
 */
public record HllHash(long hash, int index, int value) {

    public static final int P = 14;
    public static final int REGISTERS = 1 << P;
    public static final int Q = 64 - P;
    static final long SEED = 0xadc83b19L;

    public static HllHash of(String element) {
        return of(element.getBytes(StandardCharsets.UTF_8));
    }

    public static HllHash of(byte[] element) {
        long hash = murmurHash64A(element, SEED);
        int index = (int) (hash & (REGISTERS - 1));
        long rest = (hash >>> P) | (1L << Q);
        int value = Long.numberOfTrailingZeros(rest) + 1;
        return new HllHash(hash, index, value);
    }

    /** The 64 bits, most significant first (as drawn: register bits at the right end). */
    public String bits() {
        String b = Long.toBinaryString(hash);
        return "0".repeat(64 - b.length()) + b;
    }

    /** MurmurHash64A (Austin Appleby), as Valkey uses it: little-endian 8-byte blocks. */
    public static long murmurHash64A(byte[] data, long seed) {
        final long m = 0xc6a4a7935bd1e995L;
        final int r = 47;
        int len = data.length;
        long h = (seed & 0xffffffffL) ^ (len * m);
        int blocks = len - (len & 7);
        for (int i = 0; i < blocks; i += 8) {
            long k = (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16
                    | (data[i + 3] & 0xffL) << 24 | (data[i + 4] & 0xffL) << 32 | (data[i + 5] & 0xffL) << 40
                    | (data[i + 6] & 0xffL) << 48 | (data[i + 7] & 0xffL) << 56;
            k *= m;
            k ^= k >>> r;
            k *= m;
            h ^= k;
            h *= m;
        }
        switch (len & 7) {
            case 7: h ^= (data[blocks + 6] & 0xffL) << 48; // fall through
            case 6: h ^= (data[blocks + 5] & 0xffL) << 40; // fall through
            case 5: h ^= (data[blocks + 4] & 0xffL) << 32; // fall through
            case 4: h ^= (data[blocks + 3] & 0xffL) << 24; // fall through
            case 3: h ^= (data[blocks + 2] & 0xffL) << 16; // fall through
            case 2: h ^= (data[blocks + 1] & 0xffL) << 8; // fall through
            case 1:
                h ^= data[blocks] & 0xffL;
                h *= m;
                break;
            default:
                break;
        }
        h ^= h >>> r;
        h *= m;
        h ^= h >>> r;
        return h;
    }
}
