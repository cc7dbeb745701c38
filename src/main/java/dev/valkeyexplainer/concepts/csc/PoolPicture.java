package dev.valkeyexplainer.concepts.csc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the pool diagram draws, as plain data: the ten slots with their live ids and flags, the server's
 * tracking figures, and the local cache's figures. Built from the caching client and the latest
 * {@link TrackingReading}; testable without a screen.
 */
record PoolPicture(List<Slot> slots, TrackingReading server, Local local, String mode) {

    /**
     * One connection of the pool.
     *
     * @param id      its CLIENT ID (as the app registered it), or -1 while not open
     * @param flags   CLIENT LIST flags, or "" when the server did not list it
     * @param redirect {@code redir=} from CLIENT LIST, or -1
     * @param detail  a short second line: role, protocol, reads
     */
    record Slot(String name, long id, String flags, long redirect, String detail, boolean control) {
        boolean tracking() {
            return flags.contains("t");
        }

        boolean broken() {
            return flags.contains("R");
        }
    }

    /** The local cache: values held, the bound, the TTL, and what reads did. */
    record Local(int entries, int max, String ttl, long hits, long fetches, long notKept, long messages, long cancelled) {
    }

    static PoolPicture of(CachingClient client, TrackingReading reading) {
        List<Slot> slots = new ArrayList<>();
        long id0 = client.conn0Id();
        ClientList.Row r0 = reading == null ? null : reading.clients().get(id0);
        slots.add(new Slot("conn-0", id0, r0 == null ? "" : r0.flags(), -1,
                r0 == null ? "not open" : "RESP" + r0.resp() + " sub=" + r0.subscriptions(),
                true));
        for (DataPool.Slot s : client.slots()) {
            ClientList.Row r = reading == null ? null : reading.clients().get(s.clientId);
            slots.add(new Slot(s.name, s.clientId, r == null ? "" : r.flags(), r == null ? -1 : r.redirect(),
                    String.format(Locale.ROOT, "%,d GET%s", s.gets.get(), s.gets.get() == 1 ? "" : "s"), false));
        }
        for (int i = slots.size(); i <= DataPool.SIZE; i++) slots.add(new Slot("conn-" + i, -1, "", -1, "opening…", false));
        LocalCache c = client.cache;
        Duration ttl = c.ttl();
        Local local = new Local(c.size(), c.maxEntries(), ttl == null ? "no TTL" : "TTL " + ttl.toSeconds() + " s",
                c.localHits.get(), c.fetches.get(), c.discarded.get(), c.messages.get(), c.cancelledFetches.get());
        return new PoolPicture(List.copyOf(slots), reading, local, client.mode().label());
    }
}
