package dev.valkeyexplainer.concepts.pubsub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Who really got what: every message a player's callback handed over is recorded here (on the fx
 * executor), and a publish waits here for its payload to reach the players it should reach.
 */
final class Deliveries {

    static final int RECENT = 200;

    /** A publish waiting for its payload; {@code got} is read by a timer thread too. */
    private record Waiter(String payload, Set<String> expected, Set<String> got, CompletableFuture<Set<String>> done) {
    }

    private final List<Waiter> waiters = new ArrayList<>();
    private final Map<String, Deque<String>> recent = new HashMap<>();

    /**
     * Completes with the players who got {@code payload}: as soon as all of {@code expected} did, or
     * after {@code timeoutMs} with those who did by then. Call before publishing (fx executor).
     */
    CompletableFuture<Set<String>> expect(String payload, Set<String> expected, long timeoutMs) {
        Waiter w = new Waiter(payload, Set.copyOf(expected), ConcurrentHashMap.newKeySet(), new CompletableFuture<>());
        if (expected.isEmpty()) return CompletableFuture.completedFuture(Set.of());
        waiters.add(w);
        return w.done().completeOnTimeout(Set.of(), timeoutMs, TimeUnit.MILLISECONDS).thenApply(x -> Set.copyOf(w.got()));
    }

    /** A player's client got a message (fx executor). */
    void arrived(String player, String payload) {
        Deque<String> r = recent.computeIfAbsent(player, k -> new ArrayDeque<>());
        r.addLast(payload);
        while (r.size() > RECENT) r.removeFirst();
        for (Waiter w : List.copyOf(waiters)) {
            if (!w.payload().equals(payload)) continue;
            w.got().add(player);
            if (w.got().containsAll(w.expected())) {
                w.done().complete(Set.copyOf(w.got()));
                waiters.remove(w);
            }
        }
        waiters.removeIf(w -> w.done().isDone());
    }

    /** Whether this player's client got this payload lately (the last {@link #RECENT} deliveries). */
    boolean received(String player, String payload) {
        Deque<String> r = recent.get(player);
        return r != null && r.contains(payload);
    }

    /** Ends every wait with what arrived so far (the chat is being reset). */
    void release() {
        waiters.forEach(w -> w.done().complete(Set.copyOf(w.got())));
        waiters.clear();
    }
}
