package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.InfoParser;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One reading of the server's side of tracking, all from the server:
 * {@code CLIENT LIST ID <the pool's ids>} (flags {@code t}, {@code B}, {@code R}, {@code redir=}),
 * {@code INFO clients stats} ({@code tracking_clients}, {@code tracking_total_keys},
 * {@code tracking_total_items}, {@code tracking_total_prefixes}; Valkey's {@code src/server.c},
 * {@code genValkeyInfoString}) and {@code CLIENT TRACKINGINFO} sent on data connection 1 (it describes
 * the connection that sends it).
 *
 * @param totalKeys  keys in the server's tracking table (default mode: grows with every distinct key read)
 * @param totalItems (key, client) pairs in that table
 * @param totalPrefixes prefixes registered in BCAST mode
 * @param trackingInfo conn-1's CLIENT TRACKINGINFO, formatted, or "" when it could not be read
 */
record TrackingReading(Map<Long, ClientList.Row> clients, long trackingClients, long totalKeys, long totalItems,
                       long totalPrefixes, String trackingInfo) {

    /** Reads it: the shared client (connection "poller") for CLIENT LIST and INFO, conn-1 for TRACKINGINFO. */
    static CompletableFuture<TrackingReading> read(ValkeyGateway.Scope poller, CachingClient client) {
        List<String> list = new ArrayList<>(List.of("CLIENT", "LIST", "ID"));
        if (client.conn0Id() > 0) list.add(Long.toString(client.conn0Id()));
        for (DataPool.Slot s : client.slots()) if (s.clientId > 0) list.add(Long.toString(s.clientId));
        CompletableFuture<Map<Long, ClientList.Row>> rows = list.size() == 3
                ? CompletableFuture.completedFuture(Map.of())
                : poller.send(Commands.read(list.toArray(String[]::new))).thenApply(r -> ClientList.parse(String.valueOf(r)));
        List<DataPool.Slot> slots = client.slots();
        CompletableFuture<String> info = slots.isEmpty() ? CompletableFuture.completedFuture("")
                : slots.get(0).client.send(Commands.read("CLIENT", "TRACKINGINFO")).thenApply(TrackingReading::format)
                .exceptionally(e -> "");
        return rows.thenCombine(poller.send(Commands.read("INFO", "clients", "stats")), (r, text) -> {
            Map<String, String> f = InfoParser.fields(String.valueOf(text));
            return new TrackingReading(r, InfoParser.longField(f, "tracking_clients", -1),
                    InfoParser.longField(f, "tracking_total_keys", -1), InfoParser.longField(f, "tracking_total_items", -1),
                    InfoParser.longField(f, "tracking_total_prefixes", -1), "");
        }).thenCombine(info, (r, i) -> new TrackingReading(r.clients(), r.trackingClients(), r.totalKeys(), r.totalItems(),
                r.totalPrefixes(), i));
    }

    /**
     * CLIENT TRACKINGINFO as one line: {@code flags on noloop · redirect 23 · prefixes vx:csc:player:}.
     * The reply is a map (RESP3) or a flat array of name, value (RESP2).
     */
    static String format(Object reply) {
        Object flags = null;
        Object redirect = null;
        Object prefixes = null;
        if (reply instanceof Map<?, ?> m) {
            flags = m.get("flags");
            redirect = m.get("redirect");
            prefixes = m.get("prefixes");
        } else if (reply instanceof Object[] a) {
            for (int i = 0; i + 1 < a.length; i += 2) {
                switch (String.valueOf(a[i])) {
                    case "flags" -> flags = a[i + 1];
                    case "redirect" -> redirect = a[i + 1];
                    case "prefixes" -> prefixes = a[i + 1];
                    default -> { }
                }
            }
        }
        String p = words(prefixes);
        return "flags " + words(flags) + " · redirect " + redirect + " · prefixes " + (p.isEmpty() ? "none" : p);
    }

    private static String words(Object o) {
        if (o instanceof Object[] a) o = List.of(a);
        if (o instanceof Collection<?> c) return String.join(" ", c.stream().map(String::valueOf).sorted().toList());
        return o == null ? "" : String.valueOf(o);
    }
}
