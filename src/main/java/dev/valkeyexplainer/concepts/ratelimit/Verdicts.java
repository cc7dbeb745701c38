package dev.valkeyexplainer.concepts.ratelimit;

import java.util.Locale;

/**
 * What the three scripts answer, read from their replies (arrays of integers: a Lua number comes back
 * as an integer). Every figure here came from the server.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /** One limiter's answer to one spell. */
    public sealed interface Verdict permits Fixed, Bucket, Log {
        boolean allowed();

        /** The server's time when the script ran (ms since 1970, from TIME). */
        long nowMs();
    }

    /**
     * The fixed window's answer.
     *
     * @param count       spells counted in this window after this one
     * @param msLeft      time left in the window (the counter's TTL)
     * @param windowStart the window's start (ms)
     */
    public record Fixed(boolean allowed, long count, long msLeft, long windowStart, long nowMs) implements Verdict {
        static Fixed of(Object reply) {
            long[] v = longs(reply, 5, Limiter.FIXED);
            return new Fixed(v[0] == 1, v[1], v[2], v[3], v[4]);
        }
    }

    /**
     * The token bucket's answer.
     *
     * @param milliTokens tokens left × 1000, rounded down by the script
     * @param luaTokens   the same tokens returned as a plain Lua number: cut to an integer by the server
     * @param ttlSeconds  the EXPIRE the script set: ceil(capacity ÷ rate)
     */
    public record Bucket(boolean allowed, long milliTokens, long luaTokens, long nowMs, long ttlSeconds) implements Verdict {
        static Bucket of(Object reply) {
            long[] v = longs(reply, 5, Limiter.BUCKET);
            return new Bucket(v[0] == 1, v[1], v[2], v[3], v[4]);
        }

        public double tokens() {
            return milliTokens / 1000.0;
        }
    }

    /**
     * The sliding log's answer.
     *
     * @param count    spells in the window (this one included when allowed)
     * @param oldestMs the oldest spell still in the log, or -1
     */
    public record Log(boolean allowed, long count, long oldestMs, long nowMs) implements Verdict {
        static Log of(Object reply) {
            long[] v = longs(reply, 4, Limiter.LOG);
            return new Log(v[0] == 1, v[1], v[2], v[3]);
        }
    }

    /** Reads an array of integers, or says what came back instead. */
    static long[] longs(Object reply, int n, Limiter from) {
        if (!(reply instanceof Object[] a) || a.length < n) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: expected %d integers, the script returned %s",
                    from.title(), n, dev.valkeyexplainer.valkey.JournalFormat.reply(reply)));
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            if (!(a[i] instanceof Number num)) {
                throw new IllegalStateException(from.title() + ": item " + (i + 1) + " is not an integer: " + a[i]);
            }
            out[i] = num.longValue();
        }
        return out;
    }

    /**
     * One spell of Bob's, sent to the three limiters. A limiter whose script failed has a null verdict
     * and its server message in {@code errors}.
     *
     * @param seq    the spell's number in this session (1, 2, …)
     * @param cost   tokens it costs the bucket (the windows count it as one spell)
     * @param errors the server's message per failed limiter, or an empty string
     */
    public record Cast(long seq, long cost, Fixed fixed, Bucket bucket, Log log, String errors) {

        public Verdict verdict(Limiter l) {
            return switch (l) {
                case FIXED -> fixed;
                case BUCKET -> bucket;
                case LOG -> log;
            };
        }

        public boolean failed() {
            return !errors.isEmpty();
        }

        /** The server time of the spell (the first limiter that answered), or -1. */
        public long nowMs() {
            for (Limiter l : Limiter.values()) {
                Verdict v = verdict(l);
                if (v != null) return v.nowMs();
            }
            return -1;
        }
    }
}
