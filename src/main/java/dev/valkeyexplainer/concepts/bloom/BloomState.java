package dev.valkeyexplainer.concepts.bloom;

import java.util.List;
import java.util.Map;

/**
 * A filter as read from the server: its description (HGETALL of the meta hash), the number of set bits
 * of each sub-filter (BITCOUNT) and, for bit arrays small enough to draw bit by bit, the bits themselves
 * (GETRANGE). Records only: the view draws these.
 */
public final class BloomState {

    private BloomState() {
    }

    /**
     * One sub-filter.
     *
     * @param m         bits
     * @param k         hash functions
     * @param n         items added to it (the script counts them, like valkey-bloom's num_items)
     * @param capacity  items it was sized for, or 0 for a plain filter of m bits with no capacity
     * @param errorRate the rate it was sized for, or 0 for a plain filter
     * @param setBits   BITCOUNT of its bitmap
     * @param bits      its bitmap as GETRANGE returned it (bit i = bit 7−i%8 of byte i/8), or null when not read
     */
    public record SubFilter(int index, long m, int k, long n, long capacity, double errorRate, long setBits, byte[] bits) {

        /** Bit {@code i}, or -1 when the bits were not read. A byte past the end of the string reads as 0. */
        public int bit(long i) {
            if (bits == null) return -1;
            int b = (int) (i >>> 3);
            return b >= bits.length ? 0 : (bits[b] >> (7 - (int) (i & 7))) & 1;
        }

        public double fill() {
            return m == 0 ? 0 : (double) setBits / m;
        }

        /** The false-positive rate this sub-filter has now, from its fill: (set/m)^k. */
        public double currentRate() {
            return Math.pow(fill(), k);
        }

        public boolean full() {
            return capacity > 0 && n >= capacity;
        }
    }

    /**
     * One reading of a filter.
     *
     * @param exists     the meta hash exists
     * @param scaling    sub-filters are added as the newest fills (else one plain filter of m bits)
     * @param expansion  capacity factor of each new sub-filter
     * @param tightening error-rate factor of each new sub-filter
     */
    public record Filter(String name, String metaKey, boolean exists, boolean scaling, long expansion, double tightening,
                         List<SubFilter> filters) {
        public Filter {
            filters = List.copyOf(filters);
        }

        public static Filter missing(BloomKeys keys) {
            return new Filter(keys.name(), keys.meta(), false, false, 0, 0, List.of());
        }

        public long items() {
            return filters.stream().mapToLong(SubFilter::n).sum();
        }

        public long totalBits() {
            return filters.stream().mapToLong(SubFilter::m).sum();
        }

        public SubFilter newest() {
            return filters.isEmpty() ? null : filters.get(filters.size() - 1);
        }

        /** The rate of a test now: a miss must miss every sub-filter, 1 − Π(1 − rate_i). */
        public double currentRate() {
            double miss = 1;
            for (SubFilter f : filters) miss *= 1 - f.currentRate();
            return 1 - miss;
        }

        /** The description as the script stores it, read back into sub-filters (bits and counts added later). */
        static Filter parse(BloomKeys keys, Map<String, String> meta, long[] setBits, byte[][] bits) {
            if (meta == null || meta.isEmpty()) return missing(keys);
            int count = Integer.parseInt(meta.getOrDefault("filters", "0"));
            List<SubFilter> subs = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                subs.add(new SubFilter(i, Long.parseLong(meta.get("m:" + i)), Integer.parseInt(meta.get("k:" + i)),
                        Long.parseLong(meta.get("n:" + i)), Long.parseLong(meta.get("cap:" + i)),
                        Double.parseDouble(meta.get("err:" + i)), i < setBits.length ? setBits[i] : 0,
                        i < bits.length ? bits[i] : null));
            }
            return new Filter(keys.name(), keys.meta(), true, "scaling".equals(meta.get("mode")),
                    Long.parseLong(meta.getOrDefault("expansion", "0")), Double.parseDouble(meta.getOrDefault("tightening", "0")), subs);
        }
    }
}
