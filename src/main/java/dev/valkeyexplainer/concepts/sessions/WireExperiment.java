package dev.valkeyexplainer.concepts.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.valkeyexplainer.valkey.ValkeyCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Filtering on the server or in the app, measured: "give me the legendary item" asked three ways of a
 * session with many items, on two dedicated keys:
 * <ol>
 *   <li>{@code JSON.GET key $.inventory[?(@.rarity=="legendary")]}: the server filters, the reply is the item;</li>
 *   <li>{@code HGETALL key}: the whole Hash comes back, the app parses the inventory field and filters;</li>
 *   <li>{@code HGET key inventory}: one field, still every item, parsed and filtered in the app.</li>
 * </ol>
 * Each is timed by the app (send to reply) over {@link #ROUNDS} rounds after one warm-up round, taking
 * turns so that a slow moment hits all three; the figure is the median. Reply sizes are what RESP3
 * puts on the wire for the reply ({@link #respBytes}).
 */
final class WireExperiment {

    static final int ROUNDS = 11;
    static final String FILTER = "$.inventory[?(@.rarity==\"legendary\")]";

    private final SessionStore store;

    WireExperiment(SessionStore store) {
        this.store = store;
    }

    String id() {
        return "wire";
    }

    /** Writes the two keys with {@code items} items, then measures. */
    CompletableFuture<SessionsModel.WireRun> run(PlayerSession base, int items) {
        if (items < 1 || items > 1_000) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Between 1 and 1,000 items, please."));
        }
        PlayerSession s = PlayerSession.withItems(base, items);
        String doc = JsonValues.write(s.toJson());
        String problem = SessionInput.documentProblem(doc);
        if (problem != null) return CompletableFuture.failedFuture(new IllegalArgumentException(problem));
        List<ValkeyCall<?>> log = new ArrayList<>();
        String hk = store.hashKey(id());
        String jk = store.jsonKey(id());
        return store.send(log, HashCommands.unlink(hk, jk))
                .thenCompose(x -> store.send(log, HashCommands.hset(hk, PlayerSession.hashFields(s.toJson()))))
                .thenCompose(x -> store.sendJson(log, store.engine().set(jk, "$", doc)))
                .thenCompose(x -> measure(hk, jk, items));
    }

    private CompletableFuture<SessionsModel.WireRun> measure(String hk, String jk, int items) {
        JsonEngine eng = store.engine();
        List<Variant<?>> variants = List.of(
                new Variant<>("Server filters (JSONPath)", eng.commandName("JSON.GET") + " … " + FILTER, eng.get(jk, FILTER),
                        r -> JsonValues.parse(r).map(JsonNode::size).orElse(0), false),
                new Variant<>("HGETALL, the app filters", "HGETALL " + hk, HashCommands.hgetall(hk),
                        r -> legendary(r.get("inventory")), true),
                new Variant<>("HGET inventory, the app filters", "HGET " + hk + " inventory", HashCommands.hget(hk, "inventory"),
                        WireExperiment::legendary, true));
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int round = 0; round <= ROUNDS; round++) {
            boolean counted = round > 0; // round 0 warms the connection, the function and the JIT
            for (Variant<?> v : variants) chain = chain.thenCompose(x -> v.once(counted));
        }
        return chain.thenApply(x -> new SessionsModel.WireRun(items, ROUNDS,
                variants.stream().map(Variant::result).toList(), eng.label()));
    }

    /** Counts the legendary items in an inventory text, as the app must when the server cannot filter. */
    static int legendary(String inventory) {
        if (inventory == null) return 0;
        JsonNode inv = JsonValues.parse(inventory).orElse(null);
        if (inv == null || !inv.isArray()) return 0;
        int n = 0;
        for (JsonNode item : inv) if ("legendary".equals(item.path("rarity").asText())) n++;
        return n;
    }

    /** Bytes of a reply in RESP3: a bulk string {@code $<len>\r\n<data>\r\n}, a map {@code %<n>\r\n} and its pairs. */
    static long respBytes(Object reply) {
        if (reply == null) return 3; // _\r\n
        if (reply instanceof String s) {
            int len = s.getBytes(StandardCharsets.UTF_8).length;
            return 1 + Integer.toString(len).length() + 2 + len + 2;
        }
        if (reply instanceof Map<?, ?> m) {
            long n = 1 + Integer.toString(m.size()).length() + 2;
            for (Map.Entry<?, ?> e : m.entrySet()) n += respBytes(String.valueOf(e.getKey())) + respBytes(String.valueOf(e.getValue()));
            return n;
        }
        return respBytes(String.valueOf(reply));
    }

    /** One way of asking, with its measurements. */
    private final class Variant<T> {
        final String label;
        final String command;
        final ValkeyCall<T> call;
        final Function<T, Integer> filter;
        final boolean clientFilters;
        final List<Long> rtt = new ArrayList<>();
        final List<Long> client = new ArrayList<>();
        long bytes;
        int matched;

        Variant(String label, String command, ValkeyCall<T> call, Function<T, Integer> filter, boolean clientFilters) {
            this.label = label;
            this.command = command;
            this.call = call;
            this.filter = filter;
            this.clientFilters = clientFilters;
        }

        CompletableFuture<Void> once(boolean counted) {
            List<ValkeyCall<?>> log = new ArrayList<>();
            long t0 = System.nanoTime();
            CompletableFuture<T> f = call.name().equals("FCALL") || call.name().startsWith("JSON.")
                    ? store.sendJson(log, call) : store.send(log, call);
            return f.thenAccept(r -> {
                long t1 = System.nanoTime();
                int found = filter.apply(r);
                long t2 = System.nanoTime();
                if (!counted) return;
                rtt.add((t1 - t0) / 1_000);
                client.add(clientFilters ? (t2 - t1) / 1_000 : 0);
                bytes = respBytes(r);
                matched = found;
            });
        }

        SessionsModel.WireVariant result() {
            return new SessionsModel.WireVariant(label, command, bytes, median(rtt), median(client), matched);
        }
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) return 0;
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
