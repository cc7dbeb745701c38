package dev.valkeyexplainer.concepts.cache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened since the last frame, collected from any thread (lookups complete on Glide's threads,
 * the trigger fires on the database's): the last lookups, the lane tokens, the two logs and each hot-key
 * reader's last read. The view takes it once per frame ({@link #take()}), so a stream of 200 lookups a
 * second costs one update of a dozen labels per frame, not 200 new labels.
 */
final class CacheFeed {

    static final int RECENT = 12;
    static final int LOG_LINES = 6;
    static final int MAX_READERS = 8;
    /** At most one lookup in ~7 becomes a token, so a fast stream stays readable (the figures count them all). */
    static final long ANIMATE_EVERY_NANOS = 140_000_000L;

    /** A line of a log; {@code good} picks its colour. */
    record LogLine(String text, boolean good) {
    }

    /** Everything new since the previous frame; lists are newest first. */
    record Frame(List<PlayerCache.Lookup> recent, List<List<LaneHop>> tokens, List<LogLine> invalidations,
                 List<LogLine> refreshes, List<HotKeyReaders.Read> readers) {
    }

    private final ArrayDeque<PlayerCache.Lookup> recent = new ArrayDeque<>();
    private final List<List<LaneHop>> tokens = new ArrayList<>();
    private final ArrayDeque<LogLine> invalidations = new ArrayDeque<>();
    private final ArrayDeque<LogLine> refreshes = new ArrayDeque<>();
    private final HotKeyReaders.Read[] readers = new HotKeyReaders.Read[MAX_READERS];
    private int readerCount;
    private long lastAnimated;
    private boolean changed;

    /** A finished lookup; it becomes a token unless one was sent less than 140 ms ago ({@code always} overrides). */
    synchronized void lookup(PlayerCache.Lookup l, boolean always, long nowNanos, int ttlSeconds) {
        recent.addFirst(l);
        if (recent.size() > RECENT) recent.removeLast();
        if (always || nowNanos - lastAnimated > ANIMATE_EVERY_NANOS) {
            lastAnimated = nowNanos;
            tokens.add(hops(l, ttlSeconds));
        }
        changed = true;
    }

    static List<LaneHop> hops(PlayerCache.Lookup l, int ttlSeconds) {
        String key = "player:" + l.id();
        LaneHop get = new LaneHop(LaneHop.Lane.APP, LaneHop.Lane.VALKEY, "GET " + key, LaneHop.Tone.REQUEST);
        if (l.outcome() == PlayerCache.Outcome.HIT) {
            return List.of(get, new LaneHop(LaneHop.Lane.VALKEY, LaneHop.Lane.APP, "hit " + LatencyStats.micros(l.micros()),
                    LaneHop.Tone.HIT));
        }
        return List.of(get, new LaneHop(LaneHop.Lane.VALKEY, LaneHop.Lane.APP, "nil (miss)", LaneHop.Tone.MISS),
                new LaneHop(LaneHop.Lane.APP, LaneHop.Lane.DB, "SELECT id=" + l.id(), LaneHop.Tone.DATABASE),
                new LaneHop(LaneHop.Lane.DB, LaneHop.Lane.APP, "row", LaneHop.Tone.DATABASE),
                new LaneHop(LaneHop.Lane.APP, LaneHop.Lane.VALKEY, "SET " + key + " EX " + ttlSeconds, LaneHop.Tone.WRITE));
    }

    synchronized void token(List<LaneHop> hops) {
        tokens.add(hops);
        changed = true;
    }

    synchronized void invalidation(LogLine line) {
        add(invalidations, line);
    }

    synchronized void refresh(LogLine line) {
        add(refreshes, line);
    }

    /** A hot-key reader's latest read (reader ids from 1). */
    synchronized void reader(HotKeyReaders.Read r) {
        if (r.reader() >= 1 && r.reader() <= MAX_READERS) readers[r.reader() - 1] = r;
        changed = true;
    }

    /** The readers started afresh: {@code n} rows, none read yet. */
    synchronized void readers(int n) {
        readerCount = Math.min(n, MAX_READERS);
        java.util.Arrays.fill(readers, null);
        changed = true;
    }

    synchronized void clearRecent() {
        recent.clear();
        changed = true;
    }

    private void add(ArrayDeque<LogLine> log, LogLine line) {
        log.addFirst(line);
        if (log.size() > LOG_LINES) log.removeLast();
        changed = true;
    }

    /** What is new since the last call, or null when nothing changed (the frame then draws nothing). */
    synchronized Frame take() {
        if (!changed) return null;
        changed = false;
        List<HotKeyReaders.Read> rows = new ArrayList<>();
        for (int i = 0; i < readerCount; i++) rows.add(readers[i]);
        Frame f = new Frame(List.copyOf(recent), List.copyOf(tokens), List.copyOf(invalidations), List.copyOf(refreshes),
                java.util.Collections.unmodifiableList(rows));
        tokens.clear();
        return f;
    }
}
