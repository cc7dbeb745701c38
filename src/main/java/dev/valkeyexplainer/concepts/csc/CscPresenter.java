package dev.valkeyexplainer.concepts.csc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns the caching client's events (any thread) into what the view shows (FX thread): tokens and trails
 * on the pool diagram, the headline, the status line, the table, the histogram and the counters. Events
 * are queued and drained in one {@code runLater} at a time, so a burst of reads never floods the FX queue.
 */
final class CscPresenter {

    private final CachingClient client;
    private final CscView view;
    private final Executor fx;
    private final String shortPrefix;
    private final ConcurrentLinkedQueue<CscEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private TrackingReading reading;
    /** Keys that just left the cache (invalidated, or a reply not kept), shown greyed for a while. */
    private final Map<String, Ghost> ghosts = new LinkedHashMap<>();
    static final long GHOST_NANOS = 20_000_000_000L;
    static final int MAX_GHOSTS = 6;

    private record Ghost(String value, String via, String state, long atNanos) {
    }
    private volatile String lastHeadline = "";
    private boolean lastHeadlineBad;

    CscPresenter(CachingClient client, CscView view, Executor fx, String shortPrefix) {
        this.client = client;
        this.view = view;
        this.fx = fx;
        this.shortPrefix = shortPrefix;
    }

    /** Any thread. */
    void offer(CscEvent e) {
        queue.add(e);
        if (pending.compareAndSet(false, true)) fx.execute(this::drain);
    }

    /** FX thread: a new server reading (the poller). */
    void showReading(TrackingReading r) {
        reading = r;
        if (pollFailed) { // a reading that works again clears the error of the ones that did not
            pollFailed = false;
            view.restoreStatus();
        }
        refresh();
    }

    private boolean pollFailed;

    void showPollError(String text) {
        pollFailed = true;
        view.showStatus("Could not read the server's tracking state: " + text, true);
    }

    String headline() {
        return lastHeadline;
    }

    private void drain() {
        pending.set(false);
        List<CscEvent> batch = new ArrayList<>();
        for (CscEvent e; (e = queue.poll()) != null; ) batch.add(e);
        int messages = 0;
        int values = 0;
        int cancelled = 0;
        List<String> keys = new ArrayList<>();
        boolean flush = false;
        String headline = null;
        boolean bad = false;
        for (CscEvent e : batch) {
            if (e instanceof CscEvent.Read r) {
                headline = read(r.result());
                bad = !r.result().stored() && r.result().source() == CachingClient.Source.REMOTE;
            } else if (e instanceof CscEvent.Invalidated inv) {
                messages++;
                values += inv.values();
                cancelled += inv.cancelled();
                if (inv.keys() == null) flush = true;
                else inv.keys().forEach(k -> {
                    if (!keys.contains(k)) keys.add(k);
                });
                view.diagram.invalidation(inv.keys() == null ? "null payload (flush) → conn-0: everything dropped"
                        : "invalidate " + shortKeys(inv.keys()) + " → conn-0 → local cache");
                if (inv.keys() == null) ghosts.clear();
                else if (inv.values() + inv.cancelled() > 0) {
                    for (String k : inv.keys()) ghost(k, "—", "", inv.cancelled() > 0 ? "cancelled" : "dropped");
                }
                headline = null; // summarised below
            } else if (e instanceof CscEvent.Held h) {
                view.diagram.held(slot(h.via()), "reply held");
                headline = String.format(Locale.ROOT, "GET %s ran on %s, and the app holds its reply back. Now have the game"
                        + " server write the key: its invalidation will reach conn-0 first.", shortKey(h.key()), h.via());
                bad = false;
            } else if (e instanceof CscEvent.Wrote w) {
                view.diagram.write(w.by().startsWith("conn-") ? slot(w.by()) : -1);
                headline = w.key().equals("*") ? "The game server sent FLUSHALL." : String.format(Locale.ROOT, "%s: SET %s %s.",
                        w.by().startsWith("conn-") ? "Own write on " + w.by() : "The game server (another client)",
                        shortKey(w.key()), w.value());
                bad = false;
            } else if (e instanceof CscEvent.Status s) {
                view.showStatus(s.text(), s.problem());
                if (s.problem() || (headline == null && lastHeadlineBad)) {
                    // a problem is the headline; so is the news that it is over (tracking back after an outage)
                    headline = s.text();
                    bad = s.problem();
                }
            }
        }
        if (messages > 0) {
            headline = flush ? String.format(Locale.ROOT, "FLUSHALL: conn-0 received a null invalidation, meaning everything."
                    + " The local cache was emptied (%d entr%s).", values, values == 1 ? "y" : "ies")
                    : String.format(Locale.ROOT, "%d invalidation message%s on conn-0 for %s: %d local entr%s dropped%s.%s",
                    messages, messages == 1 ? "" : "s", shortKeys(keys), values, values == 1 ? "y" : "ies",
                    cancelled > 0 ? String.format(Locale.ROOT, ", %d fetch%s in progress cancelled (%s reply will not be kept)",
                            cancelled, cancelled == 1 ? "" : "es", cancelled == 1 ? "its" : "their") : "",
                    messages > 1 && client.mode().bcast() ? " In BCAST every data connection registered the prefix, so"
                            + " each one's invalidation is redirected here." : "");
            bad = false;
        }
        if (headline != null) {
            lastHeadline = headline;
            lastHeadlineBad = bad;
            view.showHeadline(headline, bad);
        }
        refresh();
    }

    private String read(CachingClient.ReadResult r) {
        String key = shortKey(r.key());
        String value = r.value() == null ? "(nil)" : r.value();
        switch (r.source()) {
            case LOCAL:
                return String.format(Locale.ROOT, "Local hit: %s = %s in %s, no network (fetched earlier by %s).", key, value,
                        LatencyLog.format(r.nanos()), r.via());
            case JOINED:
                return String.format(Locale.ROOT, "%s = %s: this read waited for the fetch already in progress on %s.", key,
                        value, r.via());
            case BYPASS:
                view.diagram.get(slot(r.via()), "GET " + key + " on " + r.via() + " · " + LatencyLog.format(r.nanos()) + " · not cached");
                return String.format(Locale.ROOT, "GET %s on %s in %s = %s, %s.", key, r.via(), LatencyLog.format(r.nanos()),
                        value, r.note());
            default:
                view.diagram.get(slot(r.via()), "GET " + key + " on " + r.via() + " · " + LatencyLog.format(r.nanos()));
                view.diagram.held(-1, "");
                if (r.stored()) {
                    ghosts.remove(r.key());
                    return String.format(Locale.ROOT, "Miss: GET %s on %s in %s = %s, now in the local cache. The server will"
                            + " tell conn-0 when it changes (%s).", key, r.via(), LatencyLog.format(r.nanos()), value,
                            client.mode().bcast() ? "the key is under the BCAST prefix" : "it remembers that " + r.via() + " read it");
                }
                ghost(r.key(), value, r.via(), "not kept");
                return String.format(Locale.ROOT, "GET %s on %s returned %s, but %s: not kept. A naive cache would have stored"
                        + " it: stale, with no invalidation left to come.", key, r.via(), value, r.note());
        }
    }

    /** FX thread: the table, the diagram's figures and the histogram, from the current state. */
    void refresh() {
        view.diagram.show(PoolPicture.of(client, reading));
        view.showLines(lines());
        view.chart.show(client.latency.snapshot());
    }

    private void ghost(String key, String value, String via, String state) {
        ghosts.remove(key);
        ghosts.put(key, new Ghost(value, via, state, System.nanoTime()));
        while (ghosts.size() > MAX_GHOSTS) ghosts.remove(ghosts.keySet().iterator().next());
    }

    /** The table: keys that just left the cache (newest first), then the cache's entries (newest first). */
    List<CscView.Line> lines() {
        long now = System.nanoTime();
        List<CscView.Line> cached = new ArrayList<>();
        for (LocalCache.Row r : client.cache.rows(60)) {
            if (!r.pending()) ghosts.remove(r.key()); // back in the cache: no longer "gone"
            cached.add(new CscView.Line(shortKey(r.key()), r.pending() ? "…" : r.value() == null ? "(nil)" : r.value(),
                    CscView.age(r.ageMillis()), r.via(), r.held() ? "held" : r.pending() ? "fetching" : "cached",
                    r.held() ? CscView.Style.HELD : r.pending() ? CscView.Style.FETCHING : CscView.Style.CACHED));
        }
        ghosts.values().removeIf(g -> now - g.atNanos() > GHOST_NANOS);
        List<CscView.Line> out = new ArrayList<>();
        List<Map.Entry<String, Ghost>> gs = new ArrayList<>(ghosts.entrySet());
        for (int i = gs.size() - 1; i >= 0; i--) {
            Ghost g = gs.get(i).getValue();
            out.add(new CscView.Line(shortKey(gs.get(i).getKey()), g.value(), CscView.age((now - g.atNanos()) / 1_000_000),
                    g.via(), g.state(), CscView.Style.GONE));
        }
        out.addAll(cached);
        return out;
    }

    private String shortKey(String key) {
        return key.startsWith(shortPrefix) ? key.substring(shortPrefix.length()) : key;
    }

    private String shortKeys(List<String> keys) {
        List<String> s = keys.stream().limit(3).map(this::shortKey).toList();
        return String.join(", ", s) + (keys.size() > 3 ? " …" : "");
    }

    private static int slot(String name) {
        try {
            return Integer.parseInt(name.substring(name.indexOf('-') + 1));
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
