package dev.valkeyexplainer.concepts.csc;

import dev.valkeyexplainer.valkey.ClientOptions;
import dev.valkeyexplainer.valkey.Commands;
import dev.valkeyexplainer.valkey.DedicatedClient;
import dev.valkeyexplainer.valkey.JournalFormat;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections 1..9 of the pool: the data connections. Each is its own Glide client (one connection to a
 * standalone server, checked in {@code TrackingProtocolFactsIT}), so that per-connection state, the
 * {@code CLIENT TRACKING ... REDIRECT <id of connection 0>}, lives on exactly one socket. Reads pick a
 * connection round-robin.
 *
 * <p>Every fetch is pipelined with {@code CLIENT ID}: if Glide re-made the connection behind our back
 * (after a drop it reconnects by itself, with a new id and tracking off), the id differs from the one we
 * registered, and the caller must not keep the value (no one would tell us when it changes).
 */
final class DataPool implements AutoCloseable {

    static final int SIZE = 9;
    private static final int RETRIES = 20;
    private static final long RETRY_MS = 250;

    /** One data connection, with the CLIENT ID it had when tracking was last turned on. */
    static final class Slot {
        final int index;
        final String name;
        final DedicatedClient client;
        volatile long clientId = -1;
        final AtomicLong gets = new AtomicLong();

        Slot(int index, DedicatedClient client) {
            this.index = index;
            this.name = "conn-" + index;
            this.client = client;
        }
    }

    /** The reply of one fetch: the value (null: no such key) and the id of the connection that ran the GET. */
    record Fetched(String value, long connectionId) {
    }

    private final List<Slot> slots;
    private final AtomicInteger next = new AtomicInteger();

    private DataPool(List<Slot> slots) {
        this.slots = List.copyOf(slots);
    }

    /** Opens the nine data connections (in parallel) and reads their ids. */
    static CompletableFuture<DataPool> open(ValkeyGateway gateway, String conceptId) {
        List<CompletableFuture<DedicatedClient>> opening = new ArrayList<>();
        for (int i = 1; i <= SIZE; i++) opening.add(gateway.openClient(conceptId, "conn-" + i, ClientOptions.DEFAULT));
        return CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).handle((x, e) -> {
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < SIZE; i++) {
                CompletableFuture<DedicatedClient> f = opening.get(i);
                if (!f.isCompletedExceptionally()) slots.add(new Slot(i + 1, f.join()));
            }
            if (e != null) { // some opened, some did not: close those that did
                slots.forEach(s -> s.client.close());
                throw new IllegalStateException("Could not open the data connections: " + JournalFormat.errorMessage(e));
            }
            return new DataPool(slots);
        });
    }

    List<Slot> slots() {
        return slots;
    }

    Slot slot(int index) {
        return slots.get(index - 1);
    }

    /** The next connection, round-robin. */
    Slot next() {
        return slots.get(Math.floorMod(next.getAndIncrement(), slots.size()));
    }

    /**
     * Turns tracking off and on again on every data connection, redirected to {@code redirectId}, and
     * records each connection's current CLIENT ID. Retries a connection for a few seconds while Glide is
     * still reconnecting it after an outage.
     */
    CompletableFuture<Void> track(TrackingMode mode, long redirectId, Executor delays) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Slot s : slots) all.add(retrying(() -> trackOne(s, mode, redirectId), RETRIES, delays));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private static CompletableFuture<Void> trackOne(Slot s, TrackingMode mode, long redirectId) {
        List<String> on = mode.onArgs(redirectId);
        return s.client.send(Commands.read("CLIENT", "ID"))
                .thenCompose(id -> s.client.send(Commands.read("CLIENT", "TRACKING", "OFF"))
                        // OFF first: the server refuses to switch BCAST on or off while tracking is on
                        .thenCompose(x -> s.client.send(Commands.read(on.toArray(String[]::new))))
                        .thenAccept(ok -> s.clientId = (Long) id));
    }

    /** Turns tracking off on every data connection (mode switches go through {@link #track}). */
    CompletableFuture<Void> untrack() {
        List<CompletableFuture<Object>> all = new ArrayList<>();
        for (Slot s : slots) all.add(s.client.send(Commands.read("CLIENT", "TRACKING", "OFF")));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /**
     * GET {@code key} on {@code slot}, pipelined after CLIENT ID (and, in OPTIN mode, CLIENT CACHING yes,
     * which must come right before the read it applies to).
     */
    static CompletableFuture<Fetched> fetch(Slot slot, String key, boolean optin) {
        List<List<String>> cmds = optin
                ? List.of(List.of("CLIENT", "ID"), List.of("CLIENT", "CACHING", "YES"), List.of("GET", key))
                : List.of(List.of("CLIENT", "ID"), List.of("GET", key));
        String code = optin
                ? "client.exec(new Batch(false).customCommand(new String[]{\"CLIENT\", \"ID\"})\n"
                + "    .customCommand(new String[]{\"CLIENT\", \"CACHING\", \"YES\"}).get(" + JournalFormat.javaString(key) + "), false)"
                : "client.exec(new Batch(false).customCommand(new String[]{\"CLIENT\", \"ID\"}).get("
                + JournalFormat.javaString(key) + "), false)";
        return slot.client.batch(false, cmds, List.of(), code).thenApply(r -> {
            for (Object o : r) {
                if (o instanceof Throwable t) throw new IllegalStateException(JournalFormat.errorMessage(t), t);
            }
            slot.gets.incrementAndGet(); // a GET the server answered: attempts during an outage are not counted
            Object v = r[r.length - 1];
            return new Fetched(v == null ? null : String.valueOf(v), (Long) r[0]);
        });
    }

    /** Runs {@code attempt} until it succeeds or {@code tries} attempts failed, {@link #RETRY_MS} apart. */
    static <T> CompletableFuture<T> retrying(java.util.function.Supplier<CompletableFuture<T>> attempt, int tries,
                                             Executor delays) {
        CompletableFuture<T> out = new CompletableFuture<>();
        tryOnce(attempt, tries, delays, out);
        return out;
    }

    private static <T> void tryOnce(java.util.function.Supplier<CompletableFuture<T>> attempt, int left, Executor delays,
                                    CompletableFuture<T> out) {
        CompletableFuture<T> f;
        try {
            f = attempt.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((v, e) -> {
            if (e == null) out.complete(v);
            else if (left <= 1) out.completeExceptionally(e);
            else CompletableFuture.delayedExecutor(RETRY_MS, TimeUnit.MILLISECONDS, delays)
                        .execute(() -> tryOnce(attempt, left - 1, delays, out));
        });
    }

    @Override
    public void close() {
        slots.forEach(s -> s.client.close());
    }
}
