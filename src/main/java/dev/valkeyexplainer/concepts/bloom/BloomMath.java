package dev.valkeyexplainer.concepts.bloom;

/**
 * The formulas behind the tab, each from a named source. Nothing here is Valkey state: the tab shows
 * these next to what it measures on the server, labelled as theory.
 */
public final class BloomMath {

    private BloomMath() {
    }

    private static final double LN2 = Math.log(2);

    /**
     * Bits per item for a target false-positive rate p with the best k: −ln p / (ln 2)² (9.585 at 1 %,
     * 14.378 at 0.1 %). Source: Broder and Mitzenmacher, "Network applications of Bloom filters", 2004.
     */
    public static double bitsPerItem(double p) {
        return -Math.log(p) / (LN2 * LN2);
    }

    /** How many items fit in {@code bytes} of bits at rate p: floor(8·bytes / bitsPerItem(p)). */
    public static long capacity(long bytes, double p) {
        return (long) Math.floor(8.0 * bytes / bitsPerItem(p));
    }

    /**
     * The false-positive rate of m bits, k hashes and n items, (1 − e^(−kn/m))^k: the chance that all k
     * probed bits are set, each set with probability 1 − (1 − 1/m)^(kn) ≈ 1 − e^(−kn/m).
     */
    public static double falsePositiveRate(long m, long n, int k) {
        if (n <= 0) return 0;
        return Math.pow(1 - Math.exp(-(double) k * n / m), k);
    }

    /** The k that minimises the rate for m bits and n items: (m/n)·ln 2 (not rounded). */
    public static double optimalK(long m, long n) {
        return n <= 0 ? 1 : (double) m / n * LN2;
    }

    /** The whole k (1 … {@link BloomInput#MAX_K}) with the lowest theoretical rate. */
    public static int bestK(long m, long n) {
        int best = 1;
        for (int k = 2; k <= BloomInput.MAX_K; k++) {
            if (falsePositiveRate(m, n, k) < falsePositiveRate(m, n, best)) best = k;
        }
        return best;
    }

    /**
     * The size valkey-bloom gives a (sub-)filter for {@code capacity} items at rate p: its
     * {@code bloomfilter} crate takes whole bytes, ceil(n·ln p / (−8·(ln 2)²)), and k = ceil(m/n·ln 2),
     * at least 1 ({@code Bloom::compute_bitmap_size}, {@code optimal_k_num}). The Lua script sizes the
     * glass-box sub-filters with the same expression, in the same order of operations.
     *
     * @return {m bits, k}
     */
    public static long[] sized(long capacity, double p) {
        long bytes = (long) Math.ceil(capacity * Math.log(p) / (-8.0 * (LN2 * LN2)));
        long m = bytes * 8;
        long k = Math.max(1, (long) Math.ceil((double) m / capacity * LN2));
        return new long[]{m, k};
    }

    /**
     * The error rate of sub-filter {@code index} (0 = the first) of a scaling filter: p · tightening^index,
     * as valkey-bloom's {@code calculate_fp_rate} ({@code src/bloom/utils.rs}).
     */
    public static double subFilterErrorRate(double p, double tightening, int index) {
        return p * Math.pow(tightening, index);
    }

    /** The capacity of sub-filter {@code index}: capacity · expansion^index. */
    public static long subFilterCapacity(long capacity, long expansion, int index) {
        long c = capacity;
        for (int i = 0; i < index; i++) c = Math.multiplyExact(c, expansion);
        return c;
    }

    /**
     * How far a measured count of false positives among {@code probes} never-added items may be from
     * probes·q before it disagrees with the theory, at {@code sigmas} standard deviations. Two sources of
     * spread: the probes (a binomial count, variance M·q·(1−q)), and the filter itself (the number of set
     * bits S varies; Var S ≈ m·e^(−t)·(1 − (1+t)·e^(−t)) with t = kn/m, the classical occupancy variance,
     * and q = (S/m)^k moves by k·ρ^(k−1)·sd(S)/m).
     */
    public static double tolerance(long m, long n, int k, long probes, double sigmas) {
        double q = falsePositiveRate(m, n, k);
        double t = (double) k * n / m;
        double varS = m * Math.exp(-t) * (1 - (1 + t) * Math.exp(-t));
        double rho = 1 - Math.exp(-t);
        double sdQ = k * Math.pow(rho, k - 1) * Math.sqrt(Math.max(0, varS)) / m;
        double var = probes * q * (1 - q) + Math.pow(probes * sdQ, 2);
        return sigmas * Math.sqrt(var);
    }
}
