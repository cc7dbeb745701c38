package dev.valkeyexplainer.concepts.ratelimit;

/**
 * The token bucket's arithmetic in Java, operation for operation as {@code token-bucket.lua} does it
 * (Lua numbers are IEEE doubles, like Java's, and Valkey turns a Lua number passed to a command into
 * the shortest text that reads back as the same double: {@code fpconv_dtoa} in {@code src/script_lua.c};
 * 1/3 is stored as 0.3333333333333333), so the model gives the same bits as the server; a test
 * checks it over random spells.
 * The gauge uses it to project the refill between two reads; the tests use it as the oracle; the
 * stress test's "wrong way" uses it to decide in the client.
 */
public final class TokenMath {

    private TokenMath() {
    }

    /**
     * The bucket after one spell.
     *
     * @param allowed     whether the spell passed
     * @param tokens      tokens left (may have a fraction)
     * @param lastUpdate  the stored time (ms)
     * @param milliTokens {@code floor(tokens × 1000)}, what the script returns
     */
    public record Step(boolean allowed, double tokens, long lastUpdate, long milliTokens) {
    }

    /**
     * One spell against a bucket, as the script computes it.
     *
     * @param tokens   the stored tokens, or null when there is no bucket (a new bucket starts full)
     * @param last     the stored last_update in ms, or null
     * @param now      the time of the spell in ms
     * @param capacity tokens
     * @param rate     tokens per second
     * @param cost     tokens this spell needs
     */
    public static Step spell(Double tokens, Long last, long now, double capacity, double rate, long cost) {
        double t;
        long l;
        if (tokens == null || last == null) {
            t = capacity;
            l = now;
        } else {
            t = tokens;
            l = last;
        }
        if (now > l) {
            t = Math.min(capacity, t + (now - l) * rate / 1000);
            l = now;
        }
        t = Math.min(t, capacity);
        boolean allowed = t >= cost;
        if (allowed) t = t - cost;
        return new Step(allowed, t, l, milli(t));
    }

    /** Tokens at {@code now} with no spell: the refill since {@code last}, up to the capacity (ms, tokens/s). */
    public static double projected(double tokens, long last, long now, double capacity, double rate) {
        if (now <= last) return Math.min(tokens, capacity);
        return Math.min(capacity, tokens + (now - last) * rate / 1000);
    }

    /** {@code math.floor(tokens * 1000)}: the script's exact figure. */
    public static long milli(double tokens) {
        return (long) Math.floor(tokens * 1000);
    }

    /**
     * What a Lua number becomes in the script's reply: an integer, the fraction cut towards zero (Valkey
     * {@code src/script_lua.c}, {@code luaReplyToRedisReply}: {@code addReplyLongLong(c, (long long) num)};
     * checked on Valkey 8.0: {@code EVAL "return {2.5, -2.7}" 0} answers 2 and -2).
     */
    public static long asLuaReply(double v) {
        return (long) v;
    }

    /**
     * The most tokens a bucket can hand out between its creation (full) at {@code fromMs} and a spell at
     * {@code toMs}: the capacity plus the refill over that time. With cost 1 per spell, no correct limiter
     * admits more spells than this.
     */
    public static double bound(long capacity, double rate, long fromMs, long toMs) {
        return capacity + rate * Math.max(0, toMs - fromMs) / 1000.0;
    }
}
