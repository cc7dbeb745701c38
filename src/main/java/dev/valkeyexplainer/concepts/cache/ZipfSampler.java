package dev.valkeyexplainer.concepts.cache;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks player ids with a Zipf-like skew: id 1 is looked up most, id 2 half as often, id 3 a third as
 * often, and so on (exponent s). Real game traffic looks like this: a few players are hot.
 */
final class ZipfSampler {

    private final double[] cdf;
    private final Random random;

    ZipfSampler(int n, double s, long seed) {
        cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) cdf[i] /= sum;
        random = new Random(seed);
    }

    /** An id from 1 to n. */
    synchronized int next() {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return (i >= 0 ? i : -i - 1) + 1;
    }
}
