package dev.valkeyexplainer.concepts.csc;

import java.util.ArrayList;
import java.util.List;

/**
 * How the data connections ask Valkey to track what they read, i.e. the options of
 * {@code CLIENT TRACKING ON REDIRECT <id of connection 0>} (Valkey docs, "Client-side caching";
 * {@code src/tracking.c}).
 *
 * <ul>
 *   <li><b>Default</b>: the server remembers, per key, which connections read it (its tracking table,
 *       {@code tracking_total_keys} / {@code tracking_total_items} in INFO) and tells only those. It costs
 *       server memory that grows with every distinct key read.</li>
 *   <li><b>BCAST PREFIX p</b>: the server remembers only the prefix ({@code tracking_total_prefixes}); every
 *       write of a key under it is broadcast to every connection registered for it, read or not. Keys outside
 *       every prefix are not tracked at all, so they must never be cached.</li>
 *   <li><b>NOLOOP</b>: a connection's own writes do not come back to it as invalidations.</li>
 *   <li><b>OPTIN</b> (default mode only): only a read preceded by {@code CLIENT CACHING yes} on the same
 *       connection is tracked.</li>
 * </ul>
 *
 * @param prefix the broadcast prefix (used only when {@code bcast}); inside the app's namespace
 */
public record TrackingMode(boolean bcast, String prefix, boolean noloop, boolean optin) {

    public TrackingMode {
        if (bcast && (prefix == null || prefix.isEmpty())) throw new IllegalArgumentException("BCAST needs a prefix");
        if (bcast && optin) {
            // the server refuses it too: "OPTIN and OPTOUT are not compatible with BCAST"
            throw new IllegalArgumentException("OPTIN works only in the default mode, not with BCAST.");
        }
    }

    public static TrackingMode defaults(String prefix) {
        return new TrackingMode(false, prefix, false, false);
    }

    /** The arguments of {@code CLIENT TRACKING ON} for a data connection that redirects to {@code redirectId}. */
    public List<String> onArgs(long redirectId) {
        List<String> a = new ArrayList<>(List.of("CLIENT", "TRACKING", "ON", "REDIRECT", Long.toString(redirectId)));
        if (bcast) a.addAll(List.of("BCAST", "PREFIX", prefix));
        if (optin) a.add("OPTIN");
        if (noloop) a.add("NOLOOP");
        return a;
    }

    /** Whether a read of {@code key} is tracked in this mode, and so may be kept in the local cache. */
    public boolean covers(String key) {
        return !bcast || key.startsWith(prefix);
    }

    /** A short label, e.g. {@code BCAST PREFIX vx:csc:player: NOLOOP}. */
    public String label() {
        String s = bcast ? "BCAST PREFIX " + prefix : "default (tracking table)";
        if (optin) s += " OPTIN";
        if (noloop) s += " NOLOOP";
        return s;
    }

    public TrackingMode withBcast(boolean b) {
        return new TrackingMode(b, prefix, noloop, b ? false : optin);
    }

    public TrackingMode withNoloop(boolean n) {
        return new TrackingMode(bcast, prefix, n, optin);
    }

    public TrackingMode withOptin(boolean o) {
        return new TrackingMode(bcast, prefix, noloop, o);
    }
}
