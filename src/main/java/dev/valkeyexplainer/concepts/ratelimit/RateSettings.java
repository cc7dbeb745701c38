package dev.valkeyexplainer.concepts.ratelimit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The limiters' parameters, checked. The same bounds are checked again by the scripts on the server
 * (a bad value that gets past the app is refused there, with the script's own message).
 *
 * @param limit           spells per window (fixed window and sliding log), 1 … {@value #MAX_LIMIT}
 * @param windowSeconds   the window's length in seconds, {@value #MIN_WINDOW} … {@value #MAX_WINDOW}
 *                        (the talk says 4 s in the script and 5 s in the example; the tab starts at 5)
 * @param capacity        the bucket's size in tokens, 1 … {@value #MAX_CAPACITY}
 * @param refillPerSecond tokens added per second, {@value #MIN_RATE} … {@value #MAX_RATE}
 */
public record RateSettings(int limit, double windowSeconds, long capacity, double refillPerSecond) {

    public static final int MAX_LIMIT = 10_000;
    public static final double MIN_WINDOW = 0.1;
    public static final double MAX_WINDOW = 86_400;
    public static final long MAX_CAPACITY = 1_000_000;
    public static final double MIN_RATE = 0.001;
    public static final double MAX_RATE = 1_000_000;

    /** The talk's example: 3 spells per 5 s; a bucket of 5 tokens that refills 1 token per second. */
    public static final RateSettings TALK = new RateSettings(3, 5, 5, 1);

    /** Strict decimal numbers only: no NaN, Infinity, hex or Java's trailing 'd'. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    /** The window in whole milliseconds, as the scripts compute it ({@code math.floor(window * 1000)}). */
    public long windowMs() {
        return (long) Math.floor(windowSeconds * 1000);
    }

    /** The bucket's TTL after a spell: EXPIRE takes whole seconds, so capacity ÷ rate rounded up. */
    public long bucketTtlSeconds() {
        return (long) Math.ceil(capacity / refillPerSecond);
    }

    /** ARGV of the fixed-window script: limit, window seconds. */
    public List<String> fixedArgs() {
        return List.of(Integer.toString(limit), plain(windowSeconds));
    }

    /** ARGV of the token-bucket script: capacity, refill rate, cost. */
    public List<String> bucketArgs(long cost) {
        return List.of(Long.toString(capacity), plain(refillPerSecond), Long.toString(cost));
    }

    /** ARGV of the sliding-log script: limit, window seconds, the spell's id. */
    public List<String> logArgs(String spellId) {
        return List.of(Integer.toString(limit), plain(windowSeconds), spellId);
    }

    /** Why a spell of this cost cannot be cast from this bucket, or null when it can. */
    public String costProblem(long cost) {
        if (cost < 1) return "A spell costs at least 1 token.";
        if (cost > capacity) {
            return String.format(Locale.ROOT, "A spell of cost %d can never be cast: the bucket holds at most %d token%s. Raise"
                    + " the capacity, or cast a cheaper spell.", cost, capacity, capacity == 1 ? "" : "s");
        }
        return null;
    }

    public String describeWindow() {
        return String.format(Locale.ROOT, "%d per %s s", limit, plain(windowSeconds));
    }

    public String describeBucket() {
        return String.format(Locale.ROOT, "%d tokens, +%s/s", capacity, plain(refillPerSecond));
    }

    /** Either the settings or the first problem with what was typed (a sentence for the panel). */
    public record Parsed(RateSettings settings, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Reads the four fields as typed. */
    public static Parsed parse(String limit, String window, String capacity, String rate) {
        BigDecimal l = number(limit);
        if (l == null) return bad("The limit", limit, "a whole number of spells per window, 1 to 10,000");
        if (l.signum() <= 0) return fail("A limit of " + text(limit) + " lets no spell through at all: the limit must be 1 to 10,000 spells per window.");
        if (!whole(l) || l.compareTo(BigDecimal.valueOf(MAX_LIMIT)) > 0) {
            return fail("The limit must be a whole number of spells from 1 to 10,000, not " + text(limit) + ".");
        }
        BigDecimal w = number(window);
        if (w == null) return bad("The window", window, "a length in seconds, 0.1 to 86,400");
        if (w.compareTo(BigDecimal.valueOf(MIN_WINDOW)) < 0 || w.compareTo(BigDecimal.valueOf(MAX_WINDOW)) > 0) {
            return fail("A window of " + text(window) + " s is out of range: use 0.1 s to 86,400 s (a day).");
        }
        BigDecimal c = number(capacity);
        if (c == null) return bad("The capacity", capacity, "a whole number of tokens, 1 to 1,000,000");
        if (c.signum() <= 0) {
            return fail("A bucket with capacity " + text(capacity) + " holds no tokens, so no spell could ever pass: the capacity"
                    + " must be a whole number from 1 to 1,000,000.");
        }
        if (!whole(c) || c.compareTo(BigDecimal.valueOf(MAX_CAPACITY)) > 0) {
            return fail("The capacity must be a whole number of tokens from 1 to 1,000,000, not " + text(capacity) + ".");
        }
        BigDecimal r = number(rate);
        if (r == null) return bad("The refill rate", rate, "tokens per second, 0.001 to 1,000,000");
        if (r.signum() == 0) {
            return fail("A refill rate of 0 never gives a token back: the bucket would empty once and stay empty (and"
                    + " capacity ÷ rate, its TTL, would be infinite). Use 0.001 to 1,000,000 tokens per second.");
        }
        if (r.signum() < 0) return fail("A negative refill rate would drain the bucket: use 0.001 to 1,000,000 tokens per second.");
        if (r.compareTo(BigDecimal.valueOf(MIN_RATE)) < 0 || r.compareTo(BigDecimal.valueOf(MAX_RATE)) > 0) {
            return fail("A refill rate of " + text(rate) + " tokens per second is out of range: use 0.001 to 1,000,000.");
        }
        return new Parsed(new RateSettings(l.intValueExact(), w.doubleValue(), c.longValueExact(), r.doubleValue()), null);
    }

    private static Parsed bad(String what, String typed, String expected) {
        String t = typed == null ? "" : typed.strip();
        return fail(t.isEmpty() ? what + " is empty: type " + expected + "."
                : what + " '" + t + "' is not a number: type " + expected + ".");
    }

    private static Parsed fail(String why) {
        return new Parsed(null, why);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static BigDecimal number(String s) {
        if (s == null) return null;
        String t = s.strip().replace("_", "");
        if (!NUMBER.matcher(t).matches()) return null;
        return new BigDecimal(t);
    }

    private static boolean whole(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }

    /** A number as the scripts receive it: plain decimal, no exponent, no trailing zeros ("5", "0.5"). */
    public static String plain(double d) {
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }
}
