package dev.valkeyexplainer.concepts.csc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app's local cache in front of the data connections: a bounded Caffeine cache (optionally with a
 * TTL) whose entries are either a value or a "fetch in progress" placeholder.
 *
 * <p><b>The race it closes.</b> With {@code REDIRECT}, the reply to a GET comes back on a data connection
 * while invalidations come on connection 0: two sockets, no common order. If a key is written just after
 * the server ran our GET, the invalidation can overtake the GET's reply. A naive cache drops nothing (the
 * key is not there yet), then stores the reply: a stale value, and in the default mode the server has
 * already forgotten that we read the key, so no further invalidation will ever come for it. The fix
 * (Valkey docs, "Client-side caching", the section on race conditions): put a placeholder in the cache
 * before sending the GET; an invalidation removes whatever is there, placeholders included; the reply is
 * stored only if its own placeholder is still in place ({@code replace(key, placeholder, value)}).
 *
 * <p>Thread-safe: reads run on any thread, invalidations on connection 0's reader thread.
 */
final class LocalCache {

    /** What the cache holds for a key. */
    sealed interface Slot permits Cached, Pending {
    }

    /** A value (null: the key did not exist) read through {@code via} at {@code storedAtNanos}. */
    record Cached(String key, String value, String via, long storedAtNanos) implements Slot {
    }

    /** The placeholder of a fetch in progress; identity matters, so this is a class, not a record. */
    static final class Pending implements Slot {
        final String key;
        final long epoch;
        final long startedNanos = System.nanoTime();
        final CompletableFuture<String> value = new CompletableFuture<>();
        final CompletableFuture<Void> cancelled = new CompletableFuture<>();
        volatile String via = "";
        volatile boolean held;

        Pending(String key, long epoch) {
            this.key = key;
            this.epoch = epoch;
        }
    }

    /** What a read finds. */
    sealed interface Lookup permits Hit, Miss, Join, Bypass {
    }

    /** A local hit, and how long the lookup took in nanoseconds. */
    record Hit(Cached entry, long nanos) implements Lookup {
    }

    /** Not here: the caller fetches and then calls {@link #complete} with this placeholder. */
    record Miss(Pending pending) implements Lookup {
    }

    /** Someone is fetching this key already: wait for its value. */
    record Join(Pending pending) implements Lookup {
    }

    /** Not cached on purpose: tracking is down, or the key is outside the tracked prefix. */
    record Bypass(String reason) implements Lookup {
    }

    /** One row of the live table. */
    record Row(String key, String value, String via, long ageMillis, boolean pending, boolean held) {
    }

    /** What one invalidation message did here. */
    record Dropped(int values, int cancelledFetches) {
    }

    private final boolean raceFix;
    private volatile Cache<String, Slot> cache;
    private volatile boolean open;
    /** Moves on each time tracking goes down or the cache is rebuilt: replies of older fetches are not kept. */
    private volatile long epoch;
    private volatile String closedReason = "tracking is not on yet";
    private volatile int maxEntries;
    private volatile Duration ttl;

    final AtomicLong localHits = new AtomicLong();
    final AtomicLong fetches = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong discarded = new AtomicLong();
    final AtomicLong messages = new AtomicLong();
    final AtomicLong keysInvalidated = new AtomicLong();
    final AtomicLong cancelledFetches = new AtomicLong();
    final AtomicLong flushes = new AtomicLong();

    /**
     * @param maxEntries the bound (Caffeine's {@code maximumSize}), at least 1
     * @param ttl        entries expire this long after they were stored, or null for no TTL
     * @param raceFix    false only for the test that shows what a naive cache does
     */
    LocalCache(int maxEntries, Duration ttl, boolean raceFix) {
        this.raceFix = raceFix;
        configure(maxEntries, ttl);
    }

    /** A new, empty cache with this bound and TTL (fetches in flight for the old one are not stored). */
    void configure(int max, Duration newTtl) {
        if (max < 1) throw new IllegalArgumentException("The local cache needs room for at least 1 entry.");
        if (newTtl != null && (newTtl.isNegative() || newTtl.isZero())) newTtl = null;
        Caffeine<Object, Object> b = Caffeine.newBuilder().maximumSize(max).executor(Runnable::run);
        if (newTtl != null) b.expireAfterWrite(newTtl);
        Cache<String, Slot> old = cache;
        epoch++;
        maxEntries = max;
        ttl = newTtl;
        cache = b.build();
        if (old != null) cancelAll(old);
    }

    /**
     * Runs the lookup path a few thousand times on a scratch cache, so that the JIT has compiled it before
     * the first real hit is measured: the histogram then shows what a running application sees, not the
     * interpreter (a cold lookup takes microseconds, a compiled one a few hundred nanoseconds).
     */
    static void warmUp() {
        LocalCache c = new LocalCache(64, null, true);
        c.open();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String k = "warm-up:" + i;
            keys.add(k);
            Lookup l = c.lookup(k, true);
            if (l instanceof Miss m) c.complete(m.pending(), "v", "warm-up", true);
        }
        for (int i = 0; i < 50_000; i++) c.lookup(keys.get(i & 15), true);
    }

    int maxEntries() {
        return maxEntries;
    }

    Duration ttl() {
        return ttl;
    }

    boolean isOpen() {
        return open;
    }

    String closedReason() {
        return closedReason;
    }

    /** Tracking is on: values may be kept from now on. */
    void open() {
        open = true;
    }

    /** Tracking is off or lost: forget everything (invalidations may be missed) and keep nothing new. */
    int close(String reason) {
        closedReason = reason;
        open = false;
        epoch++;
        return invalidateAll();
    }

    /** Looks {@code key} up; {@code covered} says whether the current tracking mode tracks it at all. */
    Lookup lookup(String key, boolean covered) {
        long e = epoch; // read before open: close() clears open first, then moves the epoch
        if (!open) return new Bypass(closedReason);
        if (!covered) return new Bypass("outside the tracked prefix: the server would not tell us when it changes");
        Cache<String, Slot> c = cache;
        while (true) {
            long t0 = System.nanoTime();
            Slot s = c.getIfPresent(key);
            if (s instanceof Cached hit) {
                long nanos = System.nanoTime() - t0;
                localHits.incrementAndGet();
                return new Hit(hit, nanos);
            }
            if (s instanceof Pending p) return new Join(p);
            Pending p = new Pending(key, e);
            fetches.incrementAndGet();
            if (!raceFix) return new Miss(p); // the naive cache keeps no placeholder
            if (c.asMap().putIfAbsent(key, p) == null) return new Miss(p);
            // someone put something there meanwhile: look again
        }
    }

    /**
     * The reply of a fetch arrived. It is stored only if its placeholder is still there (no invalidation,
     * flush or reconfiguration came meanwhile) and the connection that ran the GET was still tracking
     * ({@code tracked}). Returns whether it was stored. Completes the placeholder's value either way.
     */
    boolean complete(Pending p, String value, String via, boolean tracked) {
        boolean ok;
        Cached entry = new Cached(p.key, value, via, System.nanoTime());
        tracked &= p.epoch == epoch;
        if (!raceFix) {
            if (open && tracked) cache.put(p.key, entry);
            ok = open && tracked;
        } else if (!tracked) {
            cache.asMap().remove(p.key, p);
            ok = false;
        } else {
            ok = cache.asMap().replace(p.key, p, entry);
        }
        (ok ? stored : discarded).incrementAndGet();
        p.value.complete(value);
        return ok;
    }

    /** The fetch failed: remove its placeholder, and tell those who joined it. */
    void fail(Pending p, Throwable error) {
        cache.asMap().remove(p.key, p);
        p.value.completeExceptionally(error);
    }

    /** One invalidation message: these keys changed. Removes values and cancels fetches in progress. */
    Dropped invalidate(List<String> keys) {
        messages.incrementAndGet();
        int values = 0;
        int cancelled = 0;
        Map<String, Slot> map = cache.asMap();
        for (String k : keys) {
            keysInvalidated.incrementAndGet();
            Slot s = map.remove(k);
            if (s instanceof Cached) values++;
            if (s instanceof Pending p) {
                cancelled++;
                cancelledFetches.incrementAndGet();
                p.cancelled.complete(null);
            }
        }
        return new Dropped(values, cancelled);
    }

    /** The app wrote {@code key} itself: drop its copy (and cancel a fetch in progress), as an invalidation would. */
    void forget(String key) {
        if (cache.asMap().remove(key) instanceof Pending p) {
            cancelledFetches.incrementAndGet();
            p.cancelled.complete(null);
        }
    }

    /** A null invalidation (FLUSHALL / FLUSHDB): everything changed. */
    Dropped invalidateEverything() {
        messages.incrementAndGet();
        flushes.incrementAndGet();
        int before = invalidateAllCounting();
        return new Dropped(before, 0);
    }

    /** Empties the cache, cancelling fetches in progress. Returns how many values were dropped. */
    int invalidateAll() {
        return invalidateAllCounting();
    }

    private int invalidateAllCounting() {
        Cache<String, Slot> c = cache;
        int values = (int) c.asMap().values().stream().filter(s -> s instanceof Cached).count();
        cancelAll(c);
        return values;
    }

    private void cancelAll(Cache<String, Slot> c) {
        for (Slot s : List.copyOf(c.asMap().values())) {
            if (s instanceof Pending p) {
                cancelledFetches.incrementAndGet();
                p.cancelled.complete(null);
            }
        }
        c.invalidateAll();
    }

    /** The value held for {@code key} right now, without counting a hit (tests; null when none). */
    Cached peek(String key) {
        return cache.getIfPresent(key) instanceof Cached c ? c : null;
    }

    /** Values held (placeholders excluded). */
    int size() {
        return (int) cache.asMap().values().stream().filter(s -> s instanceof Cached).count();
    }

    /** The table: values and fetches in progress, newest first, at most {@code limit} rows. */
    List<Row> rows(int limit) {
        long now = System.nanoTime();
        List<Row> out = new ArrayList<>();
        for (Slot s : cache.asMap().values()) {
            if (s instanceof Cached c) {
                out.add(new Row(c.key(), c.value(), c.via(), (now - c.storedAtNanos()) / 1_000_000, false, false));
            } else if (s instanceof Pending p) {
                out.add(new Row(p.key, null, p.via, (now - p.startedNanos) / 1_000_000, true, p.held));
            }
        }
        out.sort(Comparator.comparingLong(Row::ageMillis));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }
}
