package dev.valkeyexplainer.concepts.csc;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measured read latencies, in nanoseconds: local hits (a lookup in the in-process cache) and remote
 * reads (a GET round trip on a data connection). Keeps the last {@link #WINDOW} of each for percentiles
 * and a histogram on a log scale from 10 ns to 100 ms (bins at 1, 2, 5 per decade), where the two
 * series land about three decades apart.
 */
final class LatencyLog {

    static final int WINDOW = 4_000;
    /** Upper edges of the bins, in ns: 10, 20, 50, 100, … 100,000,000. A last bin takes the rest. */
    static final long[] EDGES_NANOS = edges();

    /**
     * @param localBins  counts per bin of local hits ({@link #EDGES_NANOS}.length + 1 bins)
     * @param remoteBins counts per bin of remote reads
     * @param localP50   median local hit in ns, or -1 with no sample (likewise the others)
     */
    record Snapshot(long localCount, long remoteCount, long localP50, long localP99, long remoteP50, long remoteP99,
                    int[] localBins, int[] remoteBins) {
    }

    private final long[] local = new long[WINDOW];
    private final long[] remote = new long[WINDOW];
    private long localCount;
    private long remoteCount;

    private static long[] edges() {
        long[] e = new long[22];
        long decade = 10;
        int i = 0;
        while (i < e.length) {
            e[i++] = decade;
            if (i < e.length) e[i++] = 2 * decade;
            if (i < e.length) e[i++] = 5 * decade;
            decade *= 10;
        }
        return e;
    }

    synchronized void local(long nanos) {
        local[(int) (localCount++ % WINDOW)] = nanos;
    }

    synchronized void remote(long nanos) {
        remote[(int) (remoteCount++ % WINDOW)] = nanos;
    }

    synchronized void clear() {
        localCount = 0;
        remoteCount = 0;
    }

    synchronized Snapshot snapshot() {
        long[] l = Arrays.copyOf(local, (int) Math.min(localCount, WINDOW));
        long[] r = Arrays.copyOf(remote, (int) Math.min(remoteCount, WINDOW));
        Arrays.sort(l);
        Arrays.sort(r);
        return new Snapshot(localCount, remoteCount, pct(l, 0.50), pct(l, 0.99), pct(r, 0.50), pct(r, 0.99), bins(l), bins(r));
    }

    /** The nearest-rank percentile of sorted samples, or -1 when there are none. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return -1;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static int[] bins(long[] samples) {
        int[] out = new int[EDGES_NANOS.length + 1];
        for (long s : samples) out[bin(s)]++;
        return out;
    }

    /** The bin of a sample: the first edge it is below. */
    static int bin(long nanos) {
        int b = 0;
        while (b < EDGES_NANOS.length && nanos >= EDGES_NANOS[b]) b++;
        return b;
    }

    /** {@code 85 ns}, {@code 312 µs}, {@code 1.2 ms}: the unit that suits the figure. */
    static String format(long nanos) {
        if (nanos < 0) return "–";
        if (nanos < 1_000) return nanos + " ns";
        if (nanos < 10_000) return String.format(Locale.ROOT, "%.1f µs", nanos / 1_000.0);
        if (nanos < 1_000_000) return String.format(Locale.ROOT, "%.0f µs", nanos / 1_000.0);
        if (nanos < 1_000_000_000) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
