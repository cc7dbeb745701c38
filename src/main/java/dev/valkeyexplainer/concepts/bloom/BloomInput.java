package dev.valkeyexplainer.concepts.bloom;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the tab accepts, checked before anything is sent: a problem is a sentence for the panel, and
 * null means fine. The Lua script checks the filter's shape again on the server, before it writes.
 */
public final class BloomInput {

    private BloomInput() {
    }

    /** Bits per sub-filter, at most: 2^24 (a 2 MiB bitmap), so that positions stay exact in Lua's doubles. */
    public static final long MAX_BITS = 1L << 24;
    /** Hash functions, at most (the best k for a 1-in-a-billion rate is 30). */
    public static final int MAX_K = 32;
    /** Bytes of one item, at most (the script hashes it in Lua: a huge item would hold the server up). */
    public static final int MAX_ITEM_BYTES = 1_024;
    /** Members or probes in one experiment, at most. */
    public static final long MAX_ITEMS = 1_000_000;
    /** Sub-filters of one scaling filter, at most (the script gets one key each). */
    public static final int MAX_FILTERS = 10;

    public static String itemProblem(String item) {
        if (item == null || item.isEmpty()) return "Type an item first: an empty name cannot be added or tested.";
        if (item.isBlank()) return "An item of only spaces is probably a mistake: type a name.";
        int bytes = item.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ITEM_BYTES) {
            return String.format(Locale.ROOT, "That item is %,d bytes; this tab hashes items of up to %,d bytes in Lua"
                    + " (valkey-bloom takes any size).", bytes, MAX_ITEM_BYTES);
        }
        return null;
    }

    public static String bitsProblem(long m) {
        if (m < 1) return "The filter needs at least 1 bit (m ≥ 1).";
        if (m > MAX_BITS) {
            return String.format(Locale.ROOT, "m = %,d is above this tab's bound of %,d bits (a 2 MiB bitmap).", m, MAX_BITS);
        }
        return null;
    }

    public static String hashesProblem(long k) {
        if (k < 1) return "A Bloom filter needs at least one hash function (k ≥ 1).";
        if (k > MAX_K) return "k = " + k + " is more hash functions than any useful filter needs; use 1 to " + MAX_K + ".";
        return null;
    }

    public static String countProblem(String what, long n) {
        if (n < 1) return what + " must be at least 1.";
        if (n > MAX_ITEMS) return String.format(Locale.ROOT, "%s = %,d is above this tab's bound of %,d.", what, n, MAX_ITEMS);
        return null;
    }

    public static String capacityProblem(long capacity) {
        if (capacity < 1) return "The capacity must be at least 1 item.";
        if (capacity > MAX_ITEMS) return String.format(Locale.ROOT, "A capacity of %,d is above this tab's bound of %,d.",
                capacity, MAX_ITEMS);
        return null;
    }

    public static String errorRateProblem(double p) {
        if (!(p > 0 && p < 1)) return "The error rate must be between 0 and 1, e.g. 0.01 for 1 %.";
        if (p < 1e-9) return "An error rate below 1e-9 needs more hash functions than this tab allows.";
        return null;
    }

    /** A scaling filter's first sub-filter must fit the bound. */
    public static String scalingProblem(long capacity, double p, long expansion, double tightening) {
        String c = capacityProblem(capacity);
        if (c != null) return c;
        String e = errorRateProblem(p);
        if (e != null) return e;
        if (expansion < 1 || expansion > 10) return "The expansion must be a whole number from 1 to 10 (valkey-bloom's default is 2).";
        if (!(tightening > 0 && tightening < 1)) return "The tightening ratio must be between 0 and 1 (valkey-bloom's default is 0.5).";
        long[] mk = BloomMath.sized(capacity, p);
        if (mk[0] > MAX_BITS) {
            return String.format(Locale.ROOT, "%,d items at %s need %,d bits, above this tab's bound of %,d.", capacity,
                    percent(p), mk[0], MAX_BITS);
        }
        if (mk[1] > MAX_K) return "That error rate needs " + mk[1] + " hash functions; this tab allows " + MAX_K + ".";
        return null;
    }

    /** Reads a whole number typed with optional thousands separators, or null. */
    public static Long whole(String text) {
        if (text == null) return null;
        String t = text.replace(",", "").replace("_", "").replace(" ", "").strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads a decimal number, "1%" as 0.01, or null. */
    public static Double decimal(String text) {
        if (text == null) return null;
        String t = text.strip().replace(",", ".");
        double scale = 1;
        if (t.endsWith("%")) {
            scale = 0.01;
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            double v = Double.parseDouble(t) * scale;
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 0.01 → "1 %", 0.00125 → "0.125 %". */
    public static String percent(double p) {
        return new java.math.BigDecimal(p * 100).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString() + " %";
    }
}
