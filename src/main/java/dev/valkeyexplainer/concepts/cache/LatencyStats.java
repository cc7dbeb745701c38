package dev.valkeyexplainer.concepts.cache;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measured lookup latencies, hits and misses apart: counts, and the last 2,000 samples of each for
 * percentiles and a histogram on a log scale (10 µs … 1 s).
 */
final class LatencyStats {

    static final int WINDOW = 2_000;
    static final double[] BIN_EDGES_MICROS = {10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000,
            100_000, 200_000, 500_000, 1_000_000};

    /** Counts and percentiles at one moment. */
    record Snapshot(long hits, long misses, long hitP50, long hitP99, long missP50, long missP99, int[] hitBins,
                    int[] missBins) {
        double hitRatio() {
            long all = hits + misses;
            return all == 0 ? Double.NaN : (double) hits / all;
        }
    }

    private final long[] hitSamples = new long[WINDOW];
    private final long[] missSamples = new long[WINDOW];
    private int hitCount;
    private int missCount;
    private long hits;
    private long misses;

    synchronized void record(boolean hit, long micros) {
        if (hit) {
            hitSamples[hitCount++ % WINDOW] = micros;
            hits++;
        } else {
            missSamples[missCount++ % WINDOW] = micros;
            misses++;
        }
    }

    synchronized void clear() {
        hitCount = 0;
        missCount = 0;
        hits = 0;
        misses = 0;
    }

    synchronized Snapshot snapshot() {
        long[] h = Arrays.copyOf(hitSamples, Math.min(hitCount, WINDOW));
        long[] m = Arrays.copyOf(missSamples, Math.min(missCount, WINDOW));
        Arrays.sort(h);
        Arrays.sort(m);
        return new Snapshot(hits, misses, pct(h, 0.50), pct(h, 0.99), pct(m, 0.50), pct(m, 0.99), bins(h), bins(m));
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return -1;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static int[] bins(long[] samples) {
        int[] out = new int[BIN_EDGES_MICROS.length + 1];
        for (long s : samples) {
            int b = 0;
            while (b < BIN_EDGES_MICROS.length && s >= BIN_EDGES_MICROS[b]) b++;
            out[b]++;
        }
        return out;
    }

    /** A latency for people: "740 µs", "43.1 ms", "1.20 s"; "–" for none (negative). */
    static String micros(long us) {
        if (us < 0) return "–";
        if (us < 1_000) return us + " µs";
        if (us < 1_000_000) return String.format(Locale.ROOT, "%.1f ms", us / 1000.0);
        return String.format(Locale.ROOT, "%.2f s", us / 1e6);
    }
}
