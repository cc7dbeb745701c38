package dev.valkeyexplainer.concepts.ratelimit;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;

/**
 * One reading of Bob's three limiters, taken in one MULTI/EXEC so the figures belong together.
 *
 * @param serverMs  the server's TIME in that MULTI (ms)
 * @param readNanos {@link System#nanoTime()} when the reply arrived: the view projects from it
 * @param bucket    HMGET tokens last_update and PTTL of the bucket's hash
 * @param fixed     HMGET count window and PTTL of the counter's hash
 * @param log       the log's members' times (the newest {@value #LOG_READ} at most), ZCARD and PTTL
 */
public record LiveState(long serverMs, long readNanos, BucketState bucket, FixedState fixed, LogState log) {

    /** How many log entries one reading fetches at most (ZRANGE … -N -1). */
    public static final int LOG_READ = 100;

    /** The bucket as stored: {@code tokens} and {@code lastUpdate} are null when there is no hash. */
    public record BucketState(Double tokens, Long lastUpdate, long pttlMs) {
        public boolean exists() {
            return tokens != null && lastUpdate != null;
        }
    }

    /** The counter as stored: null when there is no hash. */
    public record FixedState(Long count, Long windowStart, long pttlMs) {
        public boolean exists() {
            return count != null;
        }
    }

    /** The log as stored: the entries' times (ms, oldest first), the number of entries, the key's PTTL. */
    public record LogState(List<Long> times, long size, long pttlMs) {
        public LogState {
            times = List.copyOf(times);
        }
    }

    /** The commands of one reading, in the order {@link #parse} expects. */
    static List<List<String>> commands(String bucketKey, String fixedKey, String logKey) {
        return List.of(
                List.of("HMGET", bucketKey, "tokens", "last_update"),
                List.of("PTTL", bucketKey),
                List.of("HMGET", fixedKey, "count", "window"),
                List.of("PTTL", fixedKey),
                List.of("ZRANGE", logKey, Integer.toString(-LOG_READ), "-1", "WITHSCORES"),
                List.of("ZCARD", logKey),
                List.of("PTTL", logKey),
                List.of("TIME"));
    }

    /** Reads the replies of {@link #commands}; a failed command's reply is its exception, rethrown here. */
    static LiveState parse(Object[] r, long readNanos) {
        for (Object o : r) {
            if (o instanceof Throwable t) throw new IllegalStateException(dev.valkeyexplainer.valkey.JournalFormat.errorMessage(t), t);
        }
        Object[] b = (Object[]) r[0];
        Object[] f = (Object[]) r[2];
        Object[] time = (Object[]) r[7];
        long serverMs = Long.parseLong(text(time[0])) * 1000 + Long.parseLong(text(time[1])) / 1000;
        BucketState bucket = new BucketState(dbl(b[0]), lng(b[1]), ((Number) r[1]).longValue());
        FixedState fixed = new FixedState(lng(f[0]), lng(f[1]), ((Number) r[3]).longValue());
        return new LiveState(serverMs, readNanos, bucket, fixed,
                new LogState(scores(r[4]), ((Number) r[5]).longValue(), ((Number) r[6]).longValue()));
    }

    /** ZRANGE … WITHSCORES: a map member → score (Glide, RESP3), [member, score] pairs, or a flat list (RESP2). */
    static List<Long> scores(Object reply) {
        List<Long> out = new ArrayList<>();
        if (reply instanceof java.util.Map<?, ?> m) {
            for (Object v : m.values()) out.add(Math.round(Double.parseDouble(text(v))));
            return out;
        }
        Object[] a = (Object[]) reply;
        if (a.length > 0 && a[0] instanceof Object[]) {
            for (Object pair : a) out.add(Math.round(Double.parseDouble(text(((Object[]) pair)[1]))));
        } else {
            for (int i = 1; i < a.length; i += 2) out.add(Math.round(Double.parseDouble(text(a[i]))));
        }
        return out;
    }

    static String text(Object o) {
        if (o instanceof GlideString g) return g.getString();
        return String.valueOf(o);
    }

    private static Double dbl(Object o) {
        return o == null ? null : Double.valueOf(text(o));
    }

    private static Long lng(Object o) {
        return o == null ? null : Math.round(Double.parseDouble(text(o)));
    }

    /** The server's time now, projected from this reading with the local clock. */
    public long serverNowMs(long nanoNow) {
        return serverMs + (nanoNow - readNanos) / 1_000_000;
    }
}
