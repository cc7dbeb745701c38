package dev.valkeyexplainer.concepts.bloom;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Where an item lands in a Bloom filter of m bits with k hash functions, computed in Java exactly as
 * the tab's Lua script computes it on the server ({@code bloom.lua}): one 128-bit MurmurHash3
 * (x64_128, seed 0, Apache Commons Codec) of the item's UTF-8 bytes gives two 64-bit halves h1 and h2,
 * and hash #i+1 is {@code (h1 + i·h2) mod m} for i = 0 … k−1 (double hashing: Kirsch and Mitzenmacher,
 * "Less hashing, same performance", 2006). The talk names MurmurHash; valkey-bloom itself uses two
 * SipHash-1-3 hashes with the same double-hashing idea (the {@code bloomfilter} crate).
 */
public final class BloomHash {

    private BloomHash() {
    }

    /**
     * An item and its k positions.
     *
     * @param h1        the first 64 bits of the MurmurHash3, unsigned
     * @param h2        the second 64 bits, unsigned
     * @param positions the k bit offsets, 0 … m−1, in hash order (they may repeat)
     */
    public record Hashed(String item, long h1, long h2, long m, int[] positions) {
        public Hashed {
            positions = positions.clone();
        }

        @Override
        public int[] positions() {
            return positions.clone();
        }

        public int k() {
            return positions.length;
        }

        public int position(int i) {
            return positions[i];
        }

        /** h1 mod m: hash #1. */
        public long start() {
            return Long.remainderUnsigned(h1, m);
        }

        /** h2 mod m: the step between consecutive hashes. */
        public long step() {
            return Long.remainderUnsigned(h2, m);
        }

        /** "(h1 + 2·h2) mod 10 = 7", for hash number {@code i} (0-based). */
        public String formula(int i) {
            String sum = i == 0 ? "h1" : i == 1 ? "h1 + h2" : "h1 + " + i + "·h2";
            return String.format(Locale.ROOT, "(%s) mod %,d = %,d", sum, m, positions[i]);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Hashed h && h.item.equals(item) && h.h1 == h1 && h.h2 == h2 && h.m == m
                    && Arrays.equals(h.positions, positions);
        }

        @Override
        public int hashCode() {
            return item.hashCode() * 31 + Arrays.hashCode(positions);
        }
    }

    /** The 128-bit MurmurHash3 x64 of the bytes, seed 0: {h1, h2}. */
    public static long[] murmur128(byte[] bytes) {
        return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0);
    }

    /** @throws IllegalArgumentException when m or k is outside what the script accepts */
    public static Hashed hash(String item, long m, int k) {
        if (m < 1 || m > BloomInput.MAX_BITS) throw new IllegalArgumentException("m out of range: " + m);
        if (k < 1 || k > BloomInput.MAX_K) throw new IllegalArgumentException("k out of range: " + k);
        long[] h = murmur128(item.getBytes(StandardCharsets.UTF_8));
        return new Hashed(item, h[0], h[1], m, positions(h[0], h[1], m, k));
    }

    /** (h1 + i·h2) mod m for i = 0 … k−1, over the integers (no 64-bit wrap-around), as the script does. */
    static int[] positions(long h1, long h2, long m, int k) {
        long a = Long.remainderUnsigned(h1, m);
        long d = Long.remainderUnsigned(h2, m);
        int[] p = new int[k];
        for (int i = 0; i < k; i++) p[i] = (int) ((a + i * d) % m);
        return p;
    }

    /** 0x… with 16 hex digits. */
    public static String hex(long v) {
        return String.format(Locale.ROOT, "0x%016x", v);
    }
}
