package dev.valkeyexplainer.valkey.hll;

/**
 * Valkey's cardinality estimate ({@code hllCount} in hyperloglog.c): Otmar Ertl's improved estimator
 * over the histogram of register values, "New cardinality estimation algorithms for HyperLogLog
 * sketches" (arXiv:1702.01284). It needs no bias tables and is accurate for small and large counts.
 */
public final class HllEstimator {

    static final double ALPHA_INF = 0.721347520444481703680; // 1 / (2 ln 2)

    /** The standard error of a 16,384-register HyperLogLog: 1.04 / sqrt(m) = 0.8125 %. */
    public static final double STANDARD_ERROR = 1.04 / Math.sqrt(HllHash.REGISTERS);

    private HllEstimator() {
    }

    public static long count(int[] registers) {
        double m = HllHash.REGISTERS;
        int[] histo = new int[64];
        for (int r : registers) histo[r]++;
        double z = m * tau((m - histo[HllHash.Q + 1]) / m);
        for (int j = HllHash.Q; j >= 1; --j) {
            z += histo[j];
            z *= 0.5;
        }
        z += m * sigma(histo[0] / m);
        return Math.round(ALPHA_INF * m * m / z);
    }

    static double sigma(double x) {
        if (x == 1.0) return Double.POSITIVE_INFINITY;
        double zPrime;
        double y = 1;
        double z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    static double tau(double x) {
        if (x == 0.0 || x == 1.0) return 0.0;
        double zPrime;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            z -= Math.pow(1 - x, 2) * y;
        } while (zPrime != z);
        return z / 3;
    }
}
